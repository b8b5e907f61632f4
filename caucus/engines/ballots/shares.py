"""Shares of a vote as exact fractions: read from rule files ("2/3", "majority"), tested ("more
than" or "at least"), and written for people ("90.6%", "2/3", "half").

Every test is done on ``fractions.Fraction``: 2,000 yes of 3,000 votes cast is exactly two
thirds, never 0.666…. Percentages are only for reading, and are printed with as many decimals as
it takes to show which side of a threshold they fall on: 1,999 of 3,000 reads "66.6%" beside a
two-thirds threshold, and 49,995 of 100,000 reads "49.995%" beside one half, never "50.0%".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Comparison = Literal["more_than", "at_least"]
COMPARISONS: tuple[Comparison, ...] = ("more_than", "at_least")
HALF = Fraction(1, 2)
_FRACTION = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")
_MAX_DIGITS = 6


def read_fraction(value: object) -> Fraction:
    """The fraction written as ``"a/b"`` (whole numbers, b > 0); ValueError saying what it got."""
    if isinstance(value, str) and (match := _FRACTION.fullmatch(value)):
        numerator, denominator = int(match[1]), int(match[2])
        if denominator > 0:
            return Fraction(numerator, denominator)
    shown = f'"{value}"' if isinstance(value, str) else _plain(value)
    raise ValueError(f'must be a fraction like "2/3" or "1/2", not {shown}')


@dataclass(frozen=True)
class Share:
    """A share test: the part over the whole must be more than, or at least, ``fraction``."""

    fraction: Fraction
    comparison: Comparison

    def is_met(self, part: int, whole: int) -> bool:
        if whole <= 0:
            return False
        share = Fraction(part, whole)
        return share > self.fraction if self.comparison == "more_than" else share >= self.fraction

    def words(self) -> str:
        """``"more than half"``, ``"at least 2/3"``."""
        how = "more than" if self.comparison == "more_than" else "at least"
        return f"{how} {fraction_words(self.fraction)}"


def fraction_words(value: Fraction) -> str:
    """``"half"`` for 1/2, ``"100%"`` for 1, otherwise the fraction as written: ``"2/3"``."""
    if value == HALF:
        return "half"
    if value == 1:
        return "100%"
    return f"{value.numerator}/{value.denominator}"


def percent(value: Fraction, *, against: Fraction | None = None) -> str:
    """``value`` as a percentage: whole when exact (``"50%"``), else one decimal, or more when
    one decimal would not tell it apart from ``against``; the exact fraction as a last resort."""
    hundred = value * 100
    if hundred.denominator == 1:
        return f"{hundred.numerator}%"
    for digits in range(1, _MAX_DIGITS + 1):
        shown = round(hundred, digits)
        if against is None or value == against or shown != round(against * 100, digits):
            return f"{_decimal(shown, digits)}%"
    return f"{value.numerator}/{value.denominator}"


def share_words(value: Fraction, *, against: Fraction) -> str:
    """``"90.6%"``, or ``"exactly 2/3"`` when the share sits on the threshold itself."""
    if value == against:
        return f"exactly {fraction_words(value)}"
    return percent(value, against=against)


def turnout_words(value: Fraction) -> str:
    """A turnout fraction, or a fraction of eligible in general, as a percentage (``"50%"``),
    or as written when no short percentage is exact (``"1/3"``)."""
    hundred = value * 1000
    return percent(value) if hundred.denominator == 1 else fraction_words(value)


def count(number: int) -> str:
    return f"{number:,}"


def ceil_of(fraction: Fraction, whole: int) -> int:
    """The least whole number of ``whole`` that reaches ``fraction`` of it."""
    return -((-fraction.numerator * whole) // fraction.denominator)


def _decimal(value: Fraction, digits: int) -> str:
    scaled = int(value * 10**digits)
    return f"{scaled // 10**digits}.{scaled % 10**digits:0{digits}d}"


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)
