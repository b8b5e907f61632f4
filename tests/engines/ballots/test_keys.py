"""Trustee files: the vote's private key out under a passphrase, and back."""

from __future__ import annotations

import json

import pytest

from caucus.engines.ballots.keys import (
    KeyFileError,
    load_trustee_file,
    new_private_key,
    public_key_bytes,
    trustee_file,
)
from caucus.engines.ballots.sealing import SealedBallot, open_ballots, seal_choice

PASSPHRASE = "a long and memorable teller phrase"


def test_the_trustee_file_gives_back_the_key_that_opens_the_ballots() -> None:
    key = new_private_key()
    sealed = [SealedBallot(seal_choice(public_key_bytes(key), "yes"))]
    loaded = load_trustee_file(trustee_file(key, PASSPHRASE), PASSPHRASE)
    assert open_ballots(loaded, sealed, ["yes", "no"]).counts == {"yes": 1, "no": 0}


def test_the_trustee_file_holds_no_private_key_in_clear() -> None:
    key = new_private_key()
    document = json.loads(trustee_file(key, PASSPHRASE, vote="2026 TA"))
    assert set(document) == {
        "format", "version", "vote", "public_key", "kdf", "salt", "opslimit", "memlimit",
        "ciphertext",
    }  # fmt: skip
    assert bytes(key).hex() not in json.dumps(document)
    assert (document["format"], document["version"], document["vote"]) == (
        "caucus-trustee-key",
        1,
        "2026 TA",
    )


def test_a_wrong_passphrase_is_refused_in_words() -> None:
    text = trustee_file(new_private_key(), PASSPHRASE)
    with pytest.raises(KeyFileError, match=r"^wrong passphrase for this trustee file"):
        load_trustee_file(text, PASSPHRASE + "!")


def test_another_votes_trustee_file_is_refused() -> None:
    text = trustee_file(new_private_key(), PASSPHRASE)
    with pytest.raises(KeyFileError, match="for another vote"):
        load_trustee_file(text, PASSPHRASE, public_key=public_key_bytes(new_private_key()))


def test_a_file_whose_public_key_was_swapped_is_refused() -> None:
    document = json.loads(trustee_file(new_private_key(), PASSPHRASE))
    other = json.loads(trustee_file(new_private_key(), PASSPHRASE))
    document["public_key"] = other["public_key"]
    with pytest.raises(KeyFileError, match="altered: its key does not match its public key"):
        load_trustee_file(json.dumps(document), PASSPHRASE)


def test_a_file_that_asks_for_absurd_argon2_limits_is_refused() -> None:
    document = json.loads(trustee_file(new_private_key(), PASSPHRASE))
    document["memlimit"] = 2**42
    with pytest.raises(KeyFileError, match="memlimit is out of range"):
        load_trustee_file(json.dumps(document), PASSPHRASE)


def test_something_that_is_not_a_trustee_file_is_refused() -> None:
    with pytest.raises(KeyFileError, match="not a trustee file"):
        load_trustee_file('{"format": "caucus-costing"}', PASSPHRASE)
    with pytest.raises(KeyFileError, match="not JSON"):
        load_trustee_file(b"\x00\x01", PASSPHRASE)


def test_an_empty_passphrase_is_refused() -> None:
    with pytest.raises(KeyFileError, match="empty"):
        trustee_file(new_private_key(), "")


def test_two_files_of_one_key_differ_by_their_salt() -> None:
    key = new_private_key()
    first, second = (json.loads(trustee_file(key, PASSPHRASE)) for _ in range(2))
    assert first["salt"] != second["salt"]
    assert first["ciphertext"] != second["ciphertext"]
    assert first["public_key"] == second["public_key"]
