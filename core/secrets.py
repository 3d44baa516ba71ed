"""Encryption at rest with Fernet (`cryptography`), for what a copy of the database or a backup
file must not give away.

- Secrets kept in the database (TOTP keys, recovery-code seeds), under `MFA_ENCRYPTION_KEYS`, so
  a database copy alone can't be used to pass MFA.
- Backup files (`backup_export`), under `BACKUP_ENCRYPTION_KEYS`: they hold password hashes,
  contact details and residents' comments.

Each setting is a list of keys, newest first: older keys still decrypt, so a key can be rotated.
Production refuses to start without both."""

import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

logger = logging.getLogger(__name__)
# Every Fernet token starts with its version byte, 0x80, which base64 writes as "gAAAAA".
TOKEN_PREFIX = "gAAAAA"


def _box(keys=None):
    return MultiFernet([Fernet(key) for key in keys or settings.MFA_ENCRYPTION_KEYS])


def is_encrypted(value):
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


def secret_encrypt(text):
    return _box().encrypt(text.encode()).decode()


def secret_decrypt(token):
    if not is_encrypted(token):
        # Stored before encryption was added and not yet migrated: still usable, and said so.
        logger.warning("An MFA secret is stored unencrypted; run migrations to encrypt it")
        return token
    try:
        return _box().decrypt(token.encode()).decode()
    except InvalidToken:
        logger.error("An MFA secret could not be decrypted with MFA_ENCRYPTION_KEYS")
        raise


def file_encrypt(data):
    """Bytes of a backup file, encrypted with the newest backup key."""
    return _box(settings.BACKUP_ENCRYPTION_KEYS).encrypt(data)


def file_decrypt(data):
    """The bytes of an encrypted backup file; InvalidToken if no backup key opens it."""
    return _box(settings.BACKUP_ENCRYPTION_KEYS).decrypt(data)


def file_is_encrypted(data):
    return data.startswith(TOKEN_PREFIX.encode())
