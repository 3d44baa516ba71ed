import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_check(env_overrides, *args):
    # A clean production-like environment: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE
    # in this process, which `check --deploy` rightly refuses.
    unset = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SITE_URL",
        "EMAIL_BACKEND",
        "MFA_ENCRYPTION_KEYS",
        "BACKUP_ENCRYPTION_KEYS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DATABASE_URL",
        "CACHE_URL",
        "TASKS_BACKEND",
    }
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "feedback_site.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


SITE = {
    "SITE_URL": "https://feedback.example.gov.uk",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "MFA_ENCRYPTION_KEYS": "Wm9Da2p6b0Zwd3VKTjBqVnNTbXhYcVZ1b0tqN2lCc0E=",
    "BACKUP_ENCRYPTION_KEYS": "cVh2c3hKZDdOdUhoYnVqTTJ3S2dGcm9ldVlzQ0R5SHg=",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}
SECRETS = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "feedback.example.gov.uk"}


def _site_without(name):
    return {key: value for key, value in SITE.items() if key != name}


def test_production_refuses_to_start_without_secret_key():
    result = _run_check({"ALLOWED_HOSTS": "feedback.example.gov.uk", **SITE})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_key_for_mfa_secrets():
    result = _run_check({**SECRETS, **_site_without("MFA_ENCRYPTION_KEYS")})
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEYS must be set" in result.stderr


def test_production_refuses_to_start_without_a_key_for_backups():
    result = _run_check({**SECRETS, **_site_without("BACKUP_ENCRYPTION_KEYS")})
    assert result.returncode != 0
    assert "BACKUP_ENCRYPTION_KEYS must be set" in result.stderr


@pytest.mark.parametrize("cache_url", [None, "locmem://"])
def test_production_refuses_to_start_without_a_shared_cache(cache_url):
    site = _site_without("CACHE_URL") | ({"CACHE_URL": cache_url} if cache_url else {})
    result = _run_check({**SECRETS, **site})
    assert result.returncode != 0
    assert "CACHE_URL must be" in result.stderr


@pytest.mark.parametrize("backend", [None, "django_tasks.backends.immediate.ImmediateBackend"])
def test_production_refuses_to_start_without_a_task_queue(backend):
    site = _site_without("TASKS_BACKEND") | ({"TASKS_BACKEND": backend} if backend else {})
    result = _run_check({**SECRETS, **site})
    assert result.returncode != 0
    assert "TASKS_BACKEND" in result.stderr


def test_production_refuses_to_start_without_site_url():
    result = _run_check({**SECRETS, **_site_without("SITE_URL")})
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr


@pytest.mark.parametrize("backend", [None, "django.core.mail.backends.console.EmailBackend"])
def test_production_refuses_to_start_without_a_real_email_backend(backend):
    env = {**SECRETS, **_site_without("EMAIL_BACKEND")}
    if backend:
        env["EMAIL_BACKEND"] = backend
    result = _run_check(env)
    assert result.returncode != 0
    assert "EMAIL_BACKEND" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_check({"SECRET_KEY": "x" * 60, **SITE})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_check_deploy_has_no_warnings():
    result = _run_check(
        {
            "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
            "ALLOWED_HOSTS": "feedback.example.gov.uk",
            **SITE,
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_selects_the_database(monkeypatch):
    import importlib

    from feedback_site.settings import base

    monkeypatch.setenv("DATABASE_URL", "postgres://council:pw@db.internal:5433/feedback")
    reloaded = importlib.reload(base)
    try:
        database = reloaded.DATABASES["default"]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert (database["HOST"], database["PORT"], database["NAME"]) == (
            "db.internal",
            5433,
            "feedback",
        )
    finally:
        monkeypatch.delenv("DATABASE_URL")
        importlib.reload(base)


def test_default_database_is_local_sqlite(monkeypatch):
    import importlib

    from feedback_site.settings import base

    monkeypatch.delenv("DATABASE_URL", raising=False)
    reloaded = importlib.reload(base)
    assert reloaded.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert str(reloaded.DATABASES["default"]["NAME"]).endswith("db.sqlite3")


@pytest.mark.parametrize("value, expected", [("1", True), ("true", True), ("no", False)])
def test_debug_reads_the_environment(monkeypatch, value, expected):
    from feedback_site.settings import base

    monkeypatch.setenv("DEBUG", value)
    assert base.env_bool("DEBUG") is expected


@pytest.mark.django_db
def test_postgresql_connections_do_not_jit_compile_queries():
    """CI runs this suite on SQLite and on PostgreSQL; on PostgreSQL the session must say off."""
    from django.db import connection

    if connection.vendor != "postgresql":
        assert "options" not in connection.settings_dict["OPTIONS"]
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
