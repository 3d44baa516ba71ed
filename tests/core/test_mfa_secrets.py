"""TOTP secrets are encrypted at rest: the database (and so every backup) holds a Fernet token,
not the key an authenticator app needs."""

from importlib import import_module

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.apps import apps

from core.secrets import is_encrypted, secret_decrypt

migration = import_module("core.migrations.0002_encrypt_mfa_secrets")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("staff", "staff@council.example", "x" * 12)


def test_a_new_authenticator_stores_its_secret_encrypted(staff):
    secret = generate_totp_secret()
    authenticator = TOTP.activate(staff, secret).instance
    stored = Authenticator.objects.get(pk=authenticator.pk).data["secret"]
    assert stored != secret and secret not in stored and is_encrypted(stored)
    assert secret_decrypt(stored) == secret


def test_the_encrypted_secret_still_checks_codes(staff):
    import time

    secret = generate_totp_secret()
    totp = TOTP.activate(staff, secret)
    code = hotp_value(secret, int(time.time()) // 30)
    assert totp.validate_code(f"{code:06d}")


def test_secrets_stored_before_encryption_are_encrypted_by_the_migration(staff):
    secret = generate_totp_secret()
    Authenticator.objects.create(user=staff, type="totp", data={"secret": secret})
    migration.encrypt_secrets(apps, None)
    stored = Authenticator.objects.get(user=staff).data["secret"]
    assert is_encrypted(stored) and secret_decrypt(stored) == secret
    migration.encrypt_secrets(apps, None)  # twice changes nothing
    assert Authenticator.objects.get(user=staff).data["secret"] == stored


def test_a_backup_holds_no_totp_secret_in_the_clear(staff, tmp_path):
    from django.core.management import call_command

    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    path = tmp_path / "backup.json"
    call_command("backup_export", str(path))
    assert secret not in path.read_text(errors="ignore")
