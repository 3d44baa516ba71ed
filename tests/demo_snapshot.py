"""The demo site, seeded once per test process and copied into every test that asks for it.

`seed_demo` builds pages, translations, pictures, surveys, responses and boards: seconds each
time, and dozens of tests want it. So each test process seeds it once, copies every table into
a snapshot next to the test database (an attached SQLite database, or a PostgreSQL schema), puts
the tables back as migrated, and each test copies the snapshot into its own transaction, which
rolls back as usual. Files (the demo pictures) are copied into the test's MEDIA_ROOT.
"""

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

MIGRATED, DEMO = "snapshot_migrated", "snapshot_demo"
# Search index tables that no model owns (Wagtail's SQLite full-text index).
EXTRA_TABLES = ["wagtailsearch_indexentry_fts"]


@dataclass(frozen=True)
class DemoSnapshot:
    media_root: Path


def _tables():
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    existing = set(connection.introspection.table_names())
    return sorted(set(names) | {name for name in EXTRA_TABLES if name in existing})


def _q(name):
    return connection.ops.quote_name(name)


def _columns(table):
    # rowid too for SQLite's virtual full-text tables, whose rows are keyed by it.
    return "rowid, *" if table in EXTRA_TABLES else "*"


def _attach(cursor, schema):
    """SQLite: a named in-memory database, so every connection in this process (the live
    server's too) can attach the same one."""
    cursor.execute("PRAGMA database_list")
    if schema not in {row[1] for row in cursor.fetchall()}:
        cursor.execute(f"ATTACH DATABASE 'file:{schema}?mode=memory&cache=shared' AS {schema}")


def _create_schemas(cursor):
    for schema in (MIGRATED, DEMO):
        if connection.vendor == "sqlite":
            _attach(cursor, schema)
        else:
            cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            cursor.execute(f"CREATE SCHEMA {schema}")


def _copy_out(cursor, schema):
    for table in _tables():
        cursor.execute(
            f"CREATE TABLE {schema}.{_q('copy_' + table)} AS "
            f"SELECT {_columns(table)} FROM {_q(table)}"
        )


def _copy_in(cursor, schema):
    if connection.vendor == "sqlite":
        _attach(cursor, schema)
    if connection.vendor == "postgresql":
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for table in _tables():
        copy = f"{schema}.{_q('copy_' + table)}"
        cursor.execute(f"SELECT * FROM {copy} LIMIT 0")
        columns = ", ".join(_q(column[0]) for column in cursor.description)
        cursor.execute(f"DELETE FROM {_q(table)}")
        cursor.execute(f"INSERT INTO {_q(table)} ({columns}) SELECT {columns} FROM {copy}")
    _reset_sequences(cursor)


def _reset_sequences(cursor):
    """New rows get the ids they would have had: after the copy's highest, not the seed's."""
    if connection.vendor == "sqlite":
        cursor.execute("DELETE FROM sqlite_sequence")
        return
    from django.apps import apps

    for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
        cursor.execute(sql)


def take(media_root):
    """Seed the demo once and keep a copy; leave the database as migrated. Runs outside any
    test's transaction."""
    with connection.cursor() as cursor:
        _create_schemas(cursor)
        _copy_out(cursor, MIGRATED)
    # Tagging queued on commit runs here, as it does for `make run`: left waiting, every
    # test's first submission would tag the demo's waiting responses too (tens of seconds on a
    # busy machine, longer than a browser waits for a page).
    with transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
    with connection.cursor() as cursor:
        _copy_out(cursor, DEMO)
    with transaction.atomic(), connection.cursor() as cursor:
        _copy_in(cursor, MIGRATED)
    return DemoSnapshot(media_root=media_root)


def restore(snapshot, media_root):
    """Make the database (and MEDIA_ROOT) hold the demo site, as `seed_demo` leaves them."""
    with transaction.atomic(), connection.cursor() as cursor:
        _copy_in(cursor, DEMO)
    if snapshot.media_root.exists():
        shutil.copytree(snapshot.media_root, media_root, dirs_exist_ok=True)
