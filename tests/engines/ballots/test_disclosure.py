"""What a published result withholds: no group of fewer than ten voters, directly or by
subtraction from what is shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.ballots.disclosure import (
    COALITION,
    COMPLEMENT,
    FEW,
    withheld_bodies,
    withheld_channels,
)

LEAST = 10


def test_nothing_is_withheld_when_every_local_is_large_enough() -> None:
    assert withheld_bodies({"a": 30, "b": 12}, 42, "coalition", LEAST) == {}


def test_a_small_local_beside_one_other_takes_that_one_with_it_when_the_total_decides() -> None:
    # Shown: A's 30 and the total 39 would give B's 9 by subtraction.
    assert withheld_bodies({"a": 30, "b": 9}, 39, "coalition", LEAST) == {"b": FEW, "a": COMPLEMENT}


def test_when_each_local_decides_the_total_goes_instead() -> None:
    assert withheld_bodies({"a": 30, "b": 9}, 39, "local", LEAST) == {
        "b": FEW,
        COALITION: COMPLEMENT,
    }


def test_the_smallest_shown_locals_go_until_the_withheld_add_up_to_ten() -> None:
    turnouts = {"a": 500, "b": 3, "c": 4, "d": 40, "e": 2}
    withheld = withheld_bodies(turnouts, 549, "both", LEAST)
    assert withheld == {"b": FEW, "c": FEW, "e": FEW, "d": COMPLEMENT}


def test_small_locals_that_add_up_to_ten_need_no_more() -> None:
    withheld = withheld_bodies({"a": 500, "b": 6, "c": 4}, 510, "coalition", LEAST)
    assert withheld == {"b": FEW, "c": FEW}


def test_a_small_coalition_is_withheld_whole() -> None:
    assert withheld_bodies({"a": 5, "b": 3}, 8, "coalition", LEAST) == {
        "a": FEW,
        "b": FEW,
        COALITION: FEW,
    }


def test_a_local_where_no_one_voted_gives_nothing_away() -> None:
    assert withheld_bodies({"a": 50, "b": 0}, 50, "coalition", LEAST) == {"b": FEW}


def test_a_hidden_paper_count_takes_the_next_smallest_channel_with_it() -> None:
    # Shown: the local's 520 and online's 500 would give paper's 4 by subtraction.
    ballots = {"online": 500, "paper": 4, "challenged": 16}
    assert withheld_channels(ballots, LEAST) == {"paper": FEW, "challenged": COMPLEMENT}


def test_channels_of_ten_or_more_are_all_shown() -> None:
    assert withheld_channels({"online": 500, "paper": 10, "challenged": 0}, LEAST) == {}


def test_two_small_channels_that_add_up_to_ten_are_withheld_alone() -> None:
    ballots = {"online": 500, "paper": 7, "challenged": 3}
    assert withheld_channels(ballots, LEAST) == {"paper": FEW, "challenged": FEW}


turnouts = st.dictionaries(
    st.sampled_from([f"local-{n}" for n in range(6)]),
    st.one_of(st.integers(0, 12), st.integers(0, 400)),
    min_size=1,
)


@given(turnouts, st.sampled_from(["local", "coalition", "both"]))
def test_subtraction_never_gives_a_group_of_fewer_than_ten(
    turnouts: dict[str, int], scope: str
) -> None:
    coalition = sum(turnouts.values())
    withheld = withheld_bodies(turnouts, coalition, scope, LEAST)  # type: ignore[arg-type]
    hidden_locals = [k for k in turnouts if k in withheld]
    assert all(k in withheld for k, n in turnouts.items() if n < LEAST)
    if COALITION not in withheld:
        # What is shown gives exactly one sum of the hidden: the total less the shown locals.
        assert not 0 < sum(turnouts[k] for k in hidden_locals) < LEAST
    if scope != "local":
        # The total decides: it is withheld only when it is itself too small to show.
        assert (COALITION in withheld) == (coalition < LEAST)
    # Only what is needed goes: with the last complement back, the hidden would be too few.
    complements = [k for k in hidden_locals if withheld[k] == COMPLEMENT]
    if complements:
        last = max(complements, key=lambda k: (turnouts[k], k))
        without = sum(turnouts[k] for k in hidden_locals if k != last)
        assert 0 < without < LEAST


@given(
    st.fixed_dictionaries(
        {c: st.one_of(st.integers(0, 12), st.integers(0, 300)) for c in ("online", "paper", "x")}
    )
)
def test_no_channel_of_fewer_than_ten_can_be_worked_out(ballots: dict[str, int]) -> None:
    total = sum(ballots.values())
    withheld = withheld_channels(ballots, LEAST)
    assert all(c in withheld for c, n in ballots.items() if 0 < n < LEAST)
    if total >= LEAST:
        # The local's total is shown: it less the shown channels gives the withheld ones' sum.
        assert not 0 < sum(ballots[c] for c in withheld) < LEAST
