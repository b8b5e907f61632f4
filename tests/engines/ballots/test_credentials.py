"""Voting credentials: long random secrets, stored only as hashes, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac

from caucus.engines.ballots.credentials import credential_hash, is_valid_credential, new_credential


def test_a_credential_carries_at_least_128_random_bits() -> None:
    credential = new_credential()
    assert len(credential) * 6 >= 128  # URL-safe base64: six bits a character
    assert len({new_credential() for _ in range(1_000)}) == 1_000


def test_the_stored_hash_is_sha256_or_hmac_under_the_given_key() -> None:
    assert credential_hash("abc") == hashlib.sha256(b"abc").hexdigest()
    assert credential_hash("abc", b"k") == hmac.new(b"k", b"abc", hashlib.sha256).hexdigest()


def test_a_credential_is_valid_only_against_its_own_hash_and_key() -> None:
    credential = new_credential()
    stored = credential_hash(credential, b"pepper")
    assert is_valid_credential(credential, stored, b"pepper")
    assert not is_valid_credential(credential, stored, b"other")
    assert not is_valid_credential(new_credential(), stored, b"pepper")
    assert not is_valid_credential(credential, "é" * 64, b"pepper")
