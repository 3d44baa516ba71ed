"""Backup and restore of everything in the database, with Django's own serialisation.

`backup_export` is `dumpdata` of every table except sessions and Wagtail's search index (both
rebuilt, never restored). Every primary key is kept, content types and permissions included, so
each id (pages, images, responses, and every reference to them inside StreamField JSON and
audit logs) comes back exactly. Natural keys are deliberately not used: a Wagtail page's natural
key is its URL path, which changes when a page moves, and audit-log rows keep the ids of pages
since deleted, which natural keys can't serialise.

`backup_restore` loads a backup into a migrated database in one transaction: it empties every
table (without recreating content types), loads the file, adds the content types and
permissions of any model newer than the backup, then rebuilds the search index.

The file is encrypted (Fernet, `BACKUP_ENCRYPTION_KEYS`, see core.secrets): it holds password
hashes, contact details and residents' comments. A backup made before encryption still restores.

Uploaded files (images, documents) are not in the database: back up the storage they live in
(the media folder, or the bucket's versions) alongside (see docs/deployment.md).
"""

import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, transaction

from core.secrets import file_decrypt, file_encrypt, file_is_encrypted

# Rebuilt, never restored: sessions sign everyone out; update_index rebuilds search.
EXCLUDED = ["sessions", "wagtailsearch"]


def _app_labels():
    """Content types and permissions first: saving other rows may look content types up."""
    first = ["contenttypes", "auth"]
    rest = [
        config.label
        for config in apps.get_app_configs()
        if config.label not in first and config.label not in EXCLUDED and config.get_models()
    ]
    return first + rest


def backed_up_models():
    """Every concrete model the backup holds, in a stable order."""
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label.lower() for label in EXCLUDED if "." in label}
    return [
        model
        for model in sorted(apps.get_models(), key=lambda m: m._meta.label)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
    ]


def model_counts():
    """Rows per backed-up model, to compare a restore with its source."""
    return {model._meta.label: model._base_manager.count() for model in backed_up_models()}


def backup_export(path, *, stdout=None):
    """Write every backed-up row to `path`, encrypted (name it .json, or .json.gz/.bz2/.xz to
    compress before encrypting)."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / f"backup{''.join(path.suffixes) or '.json'}"
        call_command("dumpdata", *_app_labels(), output=str(plain), verbosity=0, stdout=stdout)
        path.write_bytes(file_encrypt(plain.read_bytes()))
    return model_counts()


@contextmanager
def _readable(path):
    """`path` as a file loaddata can read: decrypted into a private temporary file."""
    path = Path(path)
    data = path.read_bytes()
    if not file_is_encrypted(data):  # made before backups were encrypted
        yield path
        return
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / f"backup{''.join(path.suffixes) or '.json'}"
        plain.write_bytes(file_decrypt(data))
        yield plain


def backup_restore(path, *, stdout=None):
    """Replace everything in the database with the backup at `path`. Returns rows per model."""
    with transaction.atomic():
        database_empty(stdout=stdout)
        # An older backup may hold rows of models since removed (e.g. derived tables). Loading
        # writes no "roles changed" audit entries (see core/audit.py).
        with _readable(path) as readable:
            call_command(
                "loaddata", str(readable), verbosity=0, stdout=stdout, ignorenonexistent=True
            )
        emit_post_migrate_signal(0, False, DEFAULT_DB_ALIAS)
    ContentType.objects.clear_cache()
    call_command("update_index", verbosity=0, stdout=stdout)
    return model_counts()


def database_empty(*, stdout=None):
    """Delete every row of every table, content types and permissions included."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses while foreign-key checks of earlier writes in this transaction
            # are pending: run them now, then defer them again for loading.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        call_command(
            "flush", interactive=False, inhibit_post_migrate=True, verbosity=0, stdout=stdout
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    ContentType.objects.clear_cache()
