"""Receipt codes and the roll hash: stable, distinct, and checkable by hand."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from caucus.engines.ballots.keys import new_private_key, public_key_bytes
from caucus.engines.ballots.receipts import normalize_receipt, receipt_code, roll_hash
from caucus.engines.ballots.sealing import seal_choice

PUBLIC = public_key_bytes(new_private_key())
RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_a_receipt_code_is_five_groups_of_four_crockford_characters() -> None:
    code = receipt_code(seal_choice(PUBLIC, "yes"))
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}", code)


def test_a_receipt_code_is_the_first_100_bits_of_sha256_in_crockford_base32() -> None:
    sealed = b"\x01" * 112
    digest = hashlib.sha256(b"caucus-receipt-v1\x00" + sealed).digest()
    rfc = base64.b32encode(digest)[:20].decode()  # 20 characters of 5 bits: the first 100
    crockford = rfc.translate(str.maketrans(RFC4648, CROCKFORD))
    expected = "-".join(crockford[i : i + 4] for i in range(0, 20, 4))
    assert receipt_code(sealed) == receipt_code(bytes(sealed)) == expected


def test_receipt_codes_of_many_ballots_are_all_distinct() -> None:
    codes = {receipt_code(seal_choice(PUBLIC, "yes")) for _ in range(2_000)}
    assert len(codes) == 2_000


def test_a_receipt_typed_loosely_reads_as_the_code() -> None:
    code = receipt_code(seal_choice(PUBLIC, "no"))
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalize_receipt(typed) == code


def test_something_that_cannot_be_a_receipt_is_refused() -> None:
    with pytest.raises(ValueError, match="not a receipt code"):
        normalize_receipt("K7QF-2M9X")
    with pytest.raises(ValueError, match="not a receipt code"):
        normalize_receipt("UUUU-UUUU-UUUU-UUUU-UUUU")


def test_the_roll_hash_is_sha256_of_the_sorted_keys_one_a_line() -> None:
    keys = ["m-0042", "m-0007", "m-1000"]
    expected = hashlib.sha256(b"m-0007\nm-0042\nm-1000\n").hexdigest()
    assert roll_hash(keys) == roll_hash(reversed(keys)) == expected


def test_the_roll_hash_changes_when_one_voter_is_added() -> None:
    assert roll_hash(["a", "b"]) != roll_hash(["a", "b", "c"])


def test_the_roll_hash_refuses_a_voter_twice_and_keys_with_line_breaks() -> None:
    with pytest.raises(ValueError, match="twice"):
        roll_hash(["a", "b", "a"])
    with pytest.raises(ValueError, match="line break"):
        roll_hash(["a\nb"])
