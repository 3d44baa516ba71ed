"""Production settings: refuse to start without secrets, and turn on every transport protection."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list
from .storage import default_storage_from_env

NOT_SENDING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
_required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# TOTP secrets are encrypted with these (core.secrets): never a key derived from SECRET_KEY.
_required("MFA_ENCRYPTION_KEYS")
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS")
# Backup files hold password hashes and contact details: encrypted with these (core.secrets).
_required("BACKUP_ENCRYPTION_KEYS")
BACKUP_ENCRYPTION_KEYS = env_list("BACKUP_ENCRYPTION_KEYS")
# QR codes, cards and email links are built from it: never the development default.
WAGTAILADMIN_BASE_URL = _required("SITE_URL").rstrip("/")
# Without a real backend, password-reset and invitation links would be printed to the log.
EMAIL_BACKEND = _required("EMAIL_BACKEND")
if EMAIL_BACKEND in NOT_SENDING_EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND is {EMAIL_BACKEND}, which sends nothing: set a real one for production."
    )

# Rate limits and one-time confirmation pages (surveys/confirmations.py) must be seen by every
# worker and server: a cache in one process's memory would send a resident to a worker that has
# never heard of their confirmation page.
if not _required("CACHE_URL").startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured("CACHE_URL must be a shared Redis (redis://…) for production.")

# Tagging, reminders and exports run on a queue: inline, a resident's "Send" would wait for the
# themes engine and the roll-up recount (over a hundred queries) before the confirmation page.
INLINE_TASK_BACKENDS = {
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
}
if _required("TASKS_BACKEND") in INLINE_TASK_BACKENDS:
    raise ImproperlyConfigured(
        "TASKS_BACKEND runs tasks inline or not at all: use a queue for production "
        "(django_tasks_db.DatabaseBackend, with `manage.py db_worker`)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Uploads: local files (one server, or a disk every server mounts at MEDIA_DIR), or with
# STORAGE_BACKEND=s3 a private bucket every server and worker shares (docs/deployment.md).
STORAGES = {
    "default": default_storage_from_env(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Logs are JSON lines on stdout (base.py); journald or the container runtime ships them.
