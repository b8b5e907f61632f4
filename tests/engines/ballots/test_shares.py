"""Shares written for people: exact where they can be, never rounded across a threshold."""

from __future__ import annotations

from fractions import Fraction

import pytest

from caucus.engines.ballots.shares import percent, read_fraction, share_words

HALF = Fraction(1, 2)


def test_a_share_just_below_half_is_not_written_as_fifty_percent() -> None:
    assert percent(Fraction(49_995, 100_000), against=HALF) == "49.995%"
    assert percent(Fraction(49_995, 100_000)) == "50.0%"  # without a threshold to respect


def test_a_share_on_the_threshold_is_written_exactly() -> None:
    assert share_words(Fraction(2_000, 3_000), against=Fraction(2, 3)) == "exactly 2/3"
    assert share_words(Fraction(1, 2), against=HALF) == "exactly half"


def test_a_whole_percentage_has_no_decimals() -> None:
    assert (percent(Fraction(1, 2)), percent(Fraction(1)), percent(Fraction(0))) == (
        "50%",
        "100%",
        "0%",
    )


def test_a_share_too_close_to_tell_at_six_decimals_is_written_as_its_fraction() -> None:
    near = Fraction(2, 3) - Fraction(1, 10**12)
    assert percent(near, against=Fraction(2, 3)) == f"{near.numerator}/{near.denominator}"


@pytest.mark.parametrize("text", ["abc", "2/0", "0.5", "-1/2", "2 / 3 / 4", ""])
def test_anything_but_whole_over_whole_is_not_a_fraction(text: str) -> None:
    with pytest.raises(ValueError, match='must be a fraction like "2/3" or "1/2"'):
        read_fraction(text)


def test_spaces_around_the_slash_are_allowed() -> None:
    assert read_fraction(" 2 / 3 ") == Fraction(2, 3)
