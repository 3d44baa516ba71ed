"""Secrets kept in the database (TOTP keys, recovery-code seeds) are encrypted at rest with
Fernet (`cryptography`), so a database copy or backup alone can't be used to pass MFA.

Keys come from `MFA_ENCRYPTION_KEYS` (newest first, so a key can be rotated: older keys still
decrypt, `rotate` re-encrypts with the newest). Production refuses to start without one."""

import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

logger = logging.getLogger(__name__)
# Every Fernet token starts with its version byte, 0x80, which base64 writes as "gAAAAA".
TOKEN_PREFIX = "gAAAAA"


def _box():
    return MultiFernet([Fernet(key) for key in settings.MFA_ENCRYPTION_KEYS])


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
