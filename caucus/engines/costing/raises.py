"""Applying a raise to hourly rates: percent (with floor and cap in cents) or cents per hour, or
a contract's minimum rate (rates below it raised to it).

Raises compound: each applies to the rate left by the ones before it, in date order; a minimum
rate effective on the same day as raises applies after them (``in_date_order``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.floors import MinimumRate
from caucus.engines.costing.terms import Raise

Adjustment = Raise | MinimumRate

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


def in_date_order(
    raises: tuple[Raise, ...], floors: tuple[MinimumRate, ...], start: date
) -> list[Adjustment]:
    """Raises and minimum rates in the order they apply: by date, minimum rates after the
    raises of their day; a minimum rate with no date is given the term's ``start``."""
    dated: list[tuple[date, int, Adjustment]] = [(r.effective, 0, r) for r in raises]
    for floor in floors:
        day = floor.effective or start
        dated.append((day, 1, replace(floor, effective=day)))
    return [a for _, _, a in sorted(dated, key=lambda d: (d[0], d[1]))]


def day_of(adjustment: Adjustment) -> date:
    """The day ``adjustment`` applies (a minimum rate's, once ``in_date_order`` dated it)."""
    if adjustment.effective is None:
        raise ValueError(f"{adjustment!r} has no date: order it with in_date_order")
    return adjustment.effective


def apply_raise(rate: Floats, raise_: Adjustment, eligible: Bools | None) -> None:
    """Raise ``rate`` in place for the eligible workers (everyone when ``eligible`` is None)."""
    if isinstance(raise_, MinimumRate):
        if eligible is None:
            np.maximum(rate, raise_.rate, out=rate)
        else:
            np.maximum(rate, raise_.rate, out=rate, where=eligible)
        return
    if raise_.percent is None:
        step = (raise_.cents or 0.0) / 100.0
        if eligible is None:
            rate += step
        else:
            np.add(rate, step, out=rate, where=eligible)
        return
    increase = rate * (raise_.percent / 100.0)
    if raise_.floor_cents is not None:
        np.maximum(increase, raise_.floor_cents / 100.0, out=increase)
    if raise_.cap_cents is not None:
        np.minimum(increase, raise_.cap_cents / 100.0, out=increase)
    if eligible is None:
        rate += increase
    else:
        np.add(rate, increase, out=rate, where=eligible)


def raised(rate: float, raise_: Adjustment) -> float:
    """One rate after one raise (the market rate a red circle tracks; a minimum rate leaves
    it where it is)."""
    if isinstance(raise_, MinimumRate):
        return rate
    if raise_.percent is None:
        return rate + (raise_.cents or 0.0) / 100.0
    increase = rate * raise_.percent / 100.0
    if raise_.floor_cents is not None:
        increase = max(increase, raise_.floor_cents / 100.0)
    if raise_.cap_cents is not None:
        increase = min(increase, raise_.cap_cents / 100.0)
    return rate + increase
