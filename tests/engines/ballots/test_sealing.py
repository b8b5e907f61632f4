"""Sealed ballots: fixed length whatever the choice, and opened into counts equal to the
choices cast, with foreign or damaged ones reported, never crashing the tally."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.ballots.keys import new_private_key, public_key_bytes
from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.sealing import (
    SEALED_SIZE,
    SealedBallot,
    Tally,
    open_ballots,
    pad,
    seal_choice,
    unpad,
)

KEY = new_private_key()
PUBLIC = public_key_bytes(KEY)
OPTIONS = ["yes", "no", "blank"]


@settings(max_examples=40, deadline=None)
@given(
    cast=st.lists(
        st.tuples(st.sampled_from(OPTIONS), st.sampled_from(["local-1", "local-2", "local-12"])),
        max_size=40,
    )
)
def test_opening_counts_exactly_the_choices_cast(cast: list[tuple[str, str]]) -> None:
    opening = open_ballots(
        KEY, [SealedBallot(seal_choice(PUBLIC, c), loc) for c, loc in cast], OPTIONS
    )
    assert opening.counts == {o: sum(1 for c, _ in cast if c == o) for o in OPTIONS}
    for local in {loc for _, loc in cast}:
        assert opening.by_local[local] == {o: cast.count((o, local)) for o in OPTIONS}
    assert (opening.undecryptable, opening.not_an_option, opening.problems) == (0, 0, ())


def test_every_sealed_ballot_has_the_same_length_whatever_the_choice() -> None:
    choices = ["yes", "no", "blank", "a" * 63, "ñ"]
    assert {len(seal_choice(PUBLIC, c)) for c in choices} == {SEALED_SIZE}


def test_sealing_the_same_choice_twice_gives_different_ballots() -> None:
    assert seal_choice(PUBLIC, "yes") != seal_choice(PUBLIC, "yes")


def test_a_choice_too_long_to_pad_is_refused() -> None:
    with pytest.raises(ValueError, match="1 to 63 bytes"):
        seal_choice(PUBLIC, "a" * 64)


def test_padding_round_trips_and_refuses_what_it_did_not_make() -> None:
    assert unpad(pad("yes")) == "yes"
    assert unpad(pad("yes")[:-1] + b"\x01") is None
    assert unpad(b"\x00" * 64) is None


def test_foreign_and_damaged_ballots_are_reported_not_counted() -> None:
    foreign = seal_choice(public_key_bytes(new_private_key()), "yes")
    damaged = bytearray(seal_choice(PUBLIC, "no"))
    damaged[-1] ^= 1
    ballots = [
        SealedBallot(seal_choice(PUBLIC, "yes"), "local-1"),
        SealedBallot(foreign, "local-1"),
        SealedBallot(bytes(damaged), "local-2"),
        SealedBallot(b"short", "local-2"),
    ]
    opening = open_ballots(KEY, ballots, OPTIONS)
    assert opening.counts == {"yes": 1, "no": 0, "blank": 0}
    assert (opening.undecryptable, opening.spoiled) == (3, {"local-1": 1, "local-2": 2})
    assert (
        f"ballot {receipt_code(foreign)} (local local-1): cannot be opened with this vote's key"
        in opening.problems
    )


def test_a_choice_that_is_not_an_option_is_reported() -> None:
    maybe = seal_choice(PUBLIC, "maybe")
    opening = open_ballots(KEY, [SealedBallot(maybe)], OPTIONS)
    assert (opening.counted, opening.not_an_option) == (0, 1)
    assert opening.problems == (
        f"ballot {receipt_code(maybe)}: 'maybe' is not an option of this vote",
    )


def test_an_opening_gives_a_locals_tally_with_blanks_and_spoiled_ballots_void() -> None:
    cast = ["yes", "yes", "no", "blank"]
    ballots = [SealedBallot(seal_choice(PUBLIC, c), "local-7") for c in cast]
    ballots.append(SealedBallot(b"\x00" * SEALED_SIZE, "local-7"))
    opening = open_ballots(KEY, ballots, OPTIONS)
    assert opening.tally("local-7", 10) == Tally("local-7", 10, 2, 1, 2)
    assert opening.tally("local-8", 10) == Tally("local-8", 10, 0, 0, 0)


def test_openings_of_the_same_ballots_agree_though_each_shuffles() -> None:
    ballots = [
        SealedBallot(seal_choice(PUBLIC, c), f"local-{i % 3}") for i, c in enumerate(OPTIONS * 5)
    ]
    assert open_ballots(KEY, ballots, OPTIONS) == open_ballots(
        KEY, list(reversed(ballots)), OPTIONS
    )
