"""TOTP keys and recovery-code seeds stored before encryption are encrypted in place."""

from django.db import migrations

from core.secrets import is_encrypted, secret_decrypt, secret_encrypt

SECRET_FIELDS = {"totp": "secret", "recovery_codes": "seed"}


def _convert(apps, convert):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=SECRET_FIELDS):
        field = SECRET_FIELDS[authenticator.type]
        value = authenticator.data.get(field)
        if value is not None:
            authenticator.data[field] = convert(value)
            authenticator.save(update_fields=["data"])


def encrypt_secrets(apps, schema_editor):
    _convert(apps, lambda value: value if is_encrypted(value) else secret_encrypt(value))


def decrypt_secrets(apps, schema_editor):
    _convert(apps, lambda value: secret_decrypt(value) if is_encrypted(value) else value)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
