"""Tallies CSV: strict, every refusal naming its row (the header is row 1) and column."""

from __future__ import annotations

import pytest

from caucus.engines.ballots.tallies import Tally, TallyError, parse_tallies

HEADER = "local,eligible,yes,no,void\n"


def refusal(text: str) -> list[str]:
    with pytest.raises(TallyError) as caught:
        parse_tallies(text)
    return caught.value.messages


def test_a_well_formed_file_gives_one_tally_a_row() -> None:
    text = HEADER + "local-2,3000,1200,800,12\nLocal 12 , 500,100,50,0\n"
    assert parse_tallies(text) == [
        Tally("local-2", 3000, 1200, 800, 12),
        Tally("Local 12", 500, 100, 50, 0),
    ]


def test_columns_may_come_in_any_order() -> None:
    assert parse_tallies("void,no,yes,eligible,local\n1,2,3,10,a\n") == [Tally("a", 10, 3, 2, 1)]


def test_a_missing_column_is_named() -> None:
    assert refusal("local,eligible,yes,no\na,10,1,1\n") == ["row 1: missing column void"]


def test_an_unknown_column_is_refused() -> None:
    assert refusal("local,eligible,yes,no,void,blank\n") == ["row 1: unknown column 'blank'"]


def test_a_count_that_is_not_a_whole_number_names_the_row_and_column() -> None:
    assert refusal(HEADER + "a,10,1,1,0\nb,10,one,1,0\n") == [
        "row 3, yes: 'one' is not a whole number"
    ]


def test_a_negative_count_is_refused() -> None:
    assert refusal(HEADER + "a,10,1,-1,0\n") == ["row 2, no: -1 is negative"]


def test_a_decimal_count_is_refused() -> None:
    assert refusal(HEADER + "a,10,1.0,1,0\n") == ["row 2, yes: '1.0' is not a whole number"]


def test_more_ballots_than_eligible_voters_is_refused() -> None:
    assert refusal(HEADER + "a,3000,2000,900,101\n") == [
        "row 2, eligible: yes + no + void = 3,001 is more than the 3,000 eligible"
    ]


def test_a_local_given_twice_is_refused() -> None:
    assert refusal(HEADER + "a,10,1,1,0\nb,10,1,1,0\na,10,1,1,0\n") == [
        "row 4, local: 'a' is already on row 2"
    ]


def test_a_short_row_is_refused() -> None:
    assert refusal(HEADER + "a,10,1,1\n") == ["row 2: fewer cells than the header's 5 columns"]


def test_an_empty_file_is_refused() -> None:
    assert refusal(HEADER) == ["row 2: no local's tally is given"]


def test_a_tally_built_in_code_refuses_impossible_counts() -> None:
    with pytest.raises(
        ValueError, match="local-3: yes \\+ no \\+ void = 11 is more than the 10 eligible"
    ):
        Tally("local-3", 10, 5, 5, 1)
