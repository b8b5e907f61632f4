"""Contract years and the fraction of a year a date falls at, under either day count.

``actual``: days elapsed over the days in that contract year (365 or 366).
``30/360``: every month counts 30 days and a year 360 (the months the costing guides count in),
so a raise on the first of the seventh month falls exactly half-way.
A contract year runs from its start date (inclusive) to the next anniversary of it (exclusive).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import numpy as np
import numpy.typing as npt

DayCount = Literal["actual", "30/360"]
Days = npt.NDArray[np.datetime64]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def add_years(day: date, years: int) -> date:
    """The same month and day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def contract_years(start: date, years: int) -> list[tuple[date, date]]:
    return [(add_years(start, k), add_years(start, k + 1)) for k in range(years)]


def year_of(day: date, start: date, years: int) -> int | None:
    """Index of the contract year holding ``day``, or None outside the term."""
    for k, (begin, end) in enumerate(contract_years(start, years)):
        if begin <= day < end:
            return k
    return None


def fraction(day: date, begin: date, end: date, day_count: DayCount) -> float:
    """Where ``day`` falls in the year [begin, end), from 0 to 1."""
    if day_count == "30/360":
        return (
            float(_days360(begin.year, begin.month, begin.day, day.year, day.month, day.day))
            / 360.0
        )
    return (day - begin).days / (end - begin).days


def fractions(days: Days, begin: date, end: date, day_count: DayCount) -> Floats:
    """``fraction`` for an array of dates."""
    if day_count == "30/360":
        years = days.astype("datetime64[Y]").astype(np.int64) + 1970
        months = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
        mdays = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
        out = np.asarray(_days360(begin.year, begin.month, begin.day, years, months, mdays))
        return out.astype(np.float64) / 360.0
    elapsed = (days - np.datetime64(begin, "D")).astype(np.int64)
    return elapsed / float((end - begin).days)


def anniversaries(month: Ints, day: Ints, begin: date) -> Days:
    """Each worker's anniversary (month, day) falling in the year that starts on ``begin``.

    A 29 February anniversary falls on 28 February in other years.
    """
    this_year = _make_days(begin.year, month, day)
    next_year = _make_days(begin.year + 1, month, day)
    found: Days = np.where(this_year < np.datetime64(begin, "D"), next_year, this_year)
    return found


def _make_days(year: int, month: Ints, day: Ints) -> Days:
    first = np.datetime64(f"{year:04d}-01", "M") + (month - 1)
    first_day = first.astype("datetime64[D]")
    length = ((first + 1).astype("datetime64[D]") - first_day).astype(np.int64)
    made: Days = first_day + (np.minimum(day, length) - 1)
    return made


def _days360(y1: int, m1: int, d1: int, y2: object, m2: object, d2: object) -> Ints:
    # European 30/360: the 31st counts as the 30th.
    return np.asarray(
        (np.asarray(y2) - y1) * 360
        + (np.asarray(m2) - m1) * 30
        + (np.minimum(np.asarray(d2), 30) - min(d1, 30))
    )
