"""Voting credentials: the secret a member votes with, and what is stored of it.

A credential is 192 random bits (``secrets.token_urlsafe``, 32 characters). Only its hash is
stored: HMAC-SHA256 under a key the app keeps outside the database when it gives one (so a
stolen table of hashes cannot be checked against guesses), plain SHA-256 otherwise; both in hex.
``is_valid_credential`` compares in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CREDENTIAL_BYTES = 24


def new_credential() -> str:
    return secrets.token_urlsafe(CREDENTIAL_BYTES)


def credential_hash(credential: str, key: bytes | None = None) -> str:
    """What is stored of a credential: hex HMAC-SHA256 under ``key``, or hex SHA-256."""
    raw = credential.strip().encode("utf-8")
    if key is None:
        return hashlib.sha256(raw).hexdigest()
    return hmac.new(key, raw, hashlib.sha256).hexdigest()


def is_valid_credential(credential: str, stored_hash: str, key: bytes | None = None) -> bool:
    """Whether ``credential`` is the one ``stored_hash`` was made from (constant time)."""
    if not stored_hash.isascii():
        return False
    return hmac.compare_digest(credential_hash(credential, key), stored_hash.lower())
