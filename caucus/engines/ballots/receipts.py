"""Receipts and the roll hash: what lets a member, and an observer, check the count.

A receipt code is the first 100 bits of SHA-256 over a sealed ballot, in Crockford's base32
(no I, L, O or U), in five groups of four: ``K7QF-2M9X-…``. The member gets it when they vote;
the tally publishes the codes of the counted ballots, and a member finds theirs among them.
The code says nothing about the choice (the sealed ballot is random to anyone without the key).

The roll hash fixes the frozen voter roll: SHA-256 of the voter keys sorted by code point,
each followed by a newline, in UTF-8; the same as ``LC_ALL=C sort keys.txt | sha256sum`` on a
file of the keys, one a line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32
RECEIPT_BITS = 100
GROUP = 4
_DOMAIN = b"caucus-receipt-v1\x00"
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def receipt_code(sealed: bytes) -> str:
    """The receipt code of a sealed ballot, e.g. ``"K7QF-2M9X-B4WD-HT06-ZN3R"``."""
    digest = int.from_bytes(hashlib.sha256(_DOMAIN + sealed).digest(), "big")
    value = digest >> (256 - RECEIPT_BITS)
    digits = [ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(RECEIPT_BITS // 5))]
    return "-".join("".join(digits[i : i + GROUP]) for i in range(0, len(digits), GROUP))


def normalize_receipt(text: str) -> str:
    """A receipt code as a member typed it (any case, with or without dashes and spaces, O for
    0, I or L for 1), written as ``receipt_code`` writes it. ValueError when it cannot be one."""
    chars = [_READ_AS.get(c, c) for c in text.upper() if c not in "- "]
    if len(chars) != RECEIPT_BITS // 5 or any(c not in ALPHABET for c in chars):
        raise ValueError(f"{text!r} is not a receipt code: 20 letters and digits, like K7QF-2M9X-…")
    return "-".join("".join(chars[i : i + GROUP]) for i in range(0, len(chars), GROUP))


def roll_hash(voter_keys: Iterable[str]) -> str:
    """SHA-256 (hex) of the voter keys, sorted, one a line. Refuses a key given twice, and a
    key that is empty or holds a line break (either would make two rolls hash alike)."""
    keys = sorted(voter_keys)
    for before, key in zip([None, *keys], keys, strict=False):
        if not key or "\n" in key or "\r" in key:
            raise ValueError(f"voter key {key!r} is empty or holds a line break")
        if key == before:
            raise ValueError(f"voter key {key!r} is on the roll twice")
    return hashlib.sha256("".join(f"{k}\n" for k in keys).encode("utf-8")).hexdigest()
