"""Sealing a ballot's choice to the vote's public key, and opening the sealed ballots at the
tally.

A choice (an option's key, at most 63 bytes of UTF-8) is padded to 64 bytes before it is sealed
(``nacl.public.SealedBox``: an ephemeral X25519 key and XSalsa20-Poly1305), so every sealed
ballot is ``SEALED_SIZE`` bytes whatever it says. Opening shuffles the ballots first
(``secrets.SystemRandom``), so the order in which choices are read tells nothing about the order
they were stored in. A ballot that cannot be opened (foreign, damaged, not padded as sealed
here) or whose choice is not an option is never a crash: it is left out of the counts and
reported, by its receipt code, in ``Opening.problems``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import nacl.exceptions
from nacl.bindings import crypto_box_SEALBYTES
from nacl.public import PrivateKey, PublicKey, SealedBox

from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.tallies import Tally

PADDED_SIZE = 64
SEALED_SIZE = PADDED_SIZE + crypto_box_SEALBYTES  # the ephemeral public key and the MAC: 112


def pad(choice: str) -> bytes:
    """``choice`` as ``PADDED_SIZE`` bytes: its length, its UTF-8, then zeros."""
    raw = choice.encode("utf-8")
    if not 0 < len(raw) < PADDED_SIZE:
        raise ValueError(f"a choice is 1 to {PADDED_SIZE - 1} bytes of UTF-8, not {len(raw)}")
    return bytes([len(raw)]) + raw + bytes(PADDED_SIZE - 1 - len(raw))


def unpad(padded: bytes) -> str | None:
    """The choice ``pad`` made these bytes from; None when they are not ``pad``'s."""
    if len(padded) != PADDED_SIZE or not 0 < padded[0] < PADDED_SIZE:
        return None
    size = padded[0]
    if any(padded[1 + size :]):
        return None
    try:
        return padded[1 : 1 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None


def seal_choice(public_key: bytes, choice: str) -> bytes:
    """``choice`` sealed to the vote's public key: ``SEALED_SIZE`` bytes, different each time."""
    sealed: bytes = SealedBox(PublicKey(public_key)).encrypt(pad(choice))
    return sealed


@dataclass(frozen=True)
class SealedBallot:
    """A sealed choice as the app stores it, with the local it was cast in (the local is not
    secret: turnout by local is published; the choice is)."""

    sealed: bytes
    local: str = ""


@dataclass(frozen=True)
class Opening:
    """The ballots opened and counted. ``counts`` and ``by_local`` give every option, zeros
    included; ``spoiled`` counts per local the ballots left out (``undecryptable`` ones that
    could not be opened, ``not_an_option`` ones whose choice is no option of the vote), each
    described in ``problems``, sorted."""

    options: tuple[str, ...]
    counts: dict[str, int]
    by_local: dict[str, dict[str, int]]
    spoiled: dict[str, int] = field(default_factory=dict)
    undecryptable: int = 0
    not_an_option: int = 0
    problems: tuple[str, ...] = ()

    @property
    def counted(self) -> int:
        return sum(self.counts.values())

    def tally(self, local: str, eligible: int, *, yes: str = "yes", no: str = "no") -> Tally:
        """The local's ``Tally`` for a yes/no vote: every other option (a blank) and every
        spoiled ballot of the local is void."""
        if yes not in self.options or no not in self.options:
            raise ValueError(f"{yes!r} and {no!r} must both be options of this vote")
        counts = self.by_local.get(local, dict.fromkeys(self.options, 0))
        void = sum(n for option, n in counts.items() if option not in (yes, no))
        return Tally(local, eligible, counts[yes], counts[no], void + self.spoiled.get(local, 0))


def open_ballots(
    private_key: PrivateKey, ballots: Iterable[SealedBallot], options: Sequence[str]
) -> Opening:
    """Open every ballot, in a random order, and count the choices per option and per local."""
    shuffled = list(ballots)
    secrets.SystemRandom().shuffle(shuffled)
    box = SealedBox(private_key)
    known = set(options)
    counts = dict.fromkeys(options, 0)
    by_local: dict[str, dict[str, int]] = {}
    spoiled: dict[str, int] = {}
    problems: list[str] = []
    undecryptable = not_an_option = 0
    for ballot in shuffled:
        local = by_local.get(ballot.local)
        if local is None:
            local = by_local[ballot.local] = dict.fromkeys(options, 0)
        choice = _open(box, ballot.sealed)
        if choice in known:
            counts[choice] += 1
            local[choice] += 1
            continue
        spoiled[ballot.local] = spoiled.get(ballot.local, 0) + 1
        if choice is None:
            undecryptable += 1
            problems.append(f"ballot {_named(ballot)}: cannot be opened with this vote's key")
        else:
            not_an_option += 1
            problems.append(f"ballot {_named(ballot)}: {choice!r} is not an option of this vote")
    return Opening(
        tuple(options),
        counts,
        by_local,
        spoiled,
        undecryptable,
        not_an_option,
        tuple(sorted(problems)),
    )


def _open(box: SealedBox[PrivateKey], sealed: bytes) -> str | None:
    if len(sealed) != SEALED_SIZE:
        return None
    try:
        return unpad(box.decrypt(sealed))
    except (nacl.exceptions.CryptoError, TypeError, ValueError):
        return None


def _named(ballot: SealedBallot) -> str:
    where = f" (local {ballot.local})" if ballot.local else ""
    return f"{receipt_code(ballot.sealed)}{where}"
