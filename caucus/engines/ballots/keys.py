"""A vote's keypair, and the trustee file that carries its private key.

Ballots are sealed to the vote's public key (32 bytes, stored with the vote); the private key
never enters the database: it leaves the machine as a trustee file, a small JSON document in
which it is encrypted (``nacl.secret.SecretBox``) under a key derived from the trustee's
passphrase (Argon2id, random salt, limits stored in the file). The file also holds the public
key, so a trustee who brings another vote's file is told so before any ballot is opened.

``load_trustee_file`` either returns the private key or raises ``KeyFileError`` with a sentence
a trustee can act on (wrong passphrase, another vote's file, not a trustee file).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey

FORMAT, VERSION = "caucus-trustee-key", 1
KDF = nacl.pwhash.argon2id
OPSLIMIT = KDF.OPSLIMIT_INTERACTIVE
MEMLIMIT = KDF.MEMLIMIT_INTERACTIVE
# A file asking for more than this is refused rather than obeyed: it could stall the tally.
MAX_OPSLIMIT = KDF.OPSLIMIT_SENSITIVE
MAX_MEMLIMIT = KDF.MEMLIMIT_SENSITIVE


class KeyFileError(ValueError):
    """The trustee file cannot give the vote's private key; the message says why."""


def new_private_key() -> PrivateKey:
    """A fresh vote key (X25519). Its public half, ``public_key_bytes``, is what ballots are
    sealed to."""
    return PrivateKey.generate()


def public_key_bytes(key: PrivateKey) -> bytes:
    return bytes(key.public_key)


def trustee_file(
    key: PrivateKey,
    passphrase: str,
    *,
    vote: str = "",
    opslimit: int = OPSLIMIT,
    memlimit: int = MEMLIMIT,
) -> str:
    """The private key as trustee-file JSON, encrypted under ``passphrase`` (not empty)."""
    if not passphrase:
        raise KeyFileError("the passphrase is empty")
    salt = nacl.utils.random(KDF.SALTBYTES)
    box = nacl.secret.SecretBox(_derive(passphrase, salt, opslimit, memlimit))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "vote": vote,
        "public_key": _b64(public_key_bytes(key)),
        "kdf": "argon2id",
        "salt": _b64(salt),
        "opslimit": opslimit,
        "memlimit": memlimit,
        "ciphertext": _b64(box.encrypt(bytes(key))),
    }
    return json.dumps(document, indent=1) + "\n"


def load_trustee_file(
    text: str | bytes, passphrase: str, *, public_key: bytes | None = None
) -> PrivateKey:
    """The private key in a trustee file. With ``public_key`` (the vote's), a file made for
    another vote is refused before the passphrase is even tried."""
    document = _document(text)
    stated = _field_bytes(document, "public_key", PublicKey.SIZE)
    if public_key is not None and stated != public_key:
        raise KeyFileError("this trustee file is for another vote: its public key differs")
    salt = _field_bytes(document, "salt", KDF.SALTBYTES)
    opslimit = _limit(document, "opslimit", KDF.OPSLIMIT_MIN, MAX_OPSLIMIT)
    memlimit = _limit(document, "memlimit", KDF.MEMLIMIT_MIN, MAX_MEMLIMIT)
    ciphertext = _field_bytes(document, "ciphertext", None)
    box = nacl.secret.SecretBox(_derive(passphrase, salt, opslimit, memlimit))
    try:
        key = PrivateKey(box.decrypt(ciphertext))
    except nacl.exceptions.CryptoError:
        raise KeyFileError(
            "wrong passphrase for this trustee file (or the file was altered)"
        ) from None
    if public_key_bytes(key) != stated:
        raise KeyFileError("the trustee file was altered: its key does not match its public key")
    return key


def _derive(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    derived: bytes = KDF.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        passphrase.encode("utf-8"),
        salt,
        opslimit=opslimit,
        memlimit=memlimit,
    )
    return derived


def _document(text: str | bytes) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise KeyFileError("this is not a trustee file: it is not JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeyFileError("this is not a trustee file")
    if document.get("version") != VERSION or document.get("kdf") != "argon2id":
        raise KeyFileError(f"this trustee file's version is not {VERSION}; use a newer Caucus")
    return document


def _field_bytes(document: dict[str, Any], name: str, size: int | None) -> bytes:
    value = document.get(name)
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else None
    except binascii.Error:
        raw = None
    if raw is None or (size is not None and len(raw) != size):
        raise KeyFileError(f"the trustee file's {name} is damaged")
    return raw


def _limit(document: dict[str, Any], name: str, low: int, high: int) -> int:
    value = document.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise KeyFileError(f"the trustee file's {name} is out of range")
    return value


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
