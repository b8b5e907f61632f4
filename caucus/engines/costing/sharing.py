"""Money paid outside the base rate: lump sums and profit-sharing payouts (neither adds to the
rates the next raise compounds on), and the differentials paid on top of the rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import year_of
from caucus.engines.costing.terms import Differential, LumpSum, ProfitSharing

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Days = npt.NDArray[np.datetime64]


@dataclass(frozen=True, eq=False)
class Side:
    """Incumbents, or the hires who take their places: arrays of one row per worker."""

    hours: Floats  # annual hours paid
    fte: Floats
    wages: Floats  # years x workers, dollars paid at the base rate
    rate_on: dict[date, Floats]  # hourly rate paid on each lump-sum pay day
    hire_date: Days | None  # None for hires, who are hired after any cut-off
    weight: Floats | None = None  # workers each row stands for (one each when None)

    def total(self, values: Floats) -> Floats:
        """Sum over the workers of per-row values (the last axis)."""
        if self.weight is None:
            summed: Floats = values.sum(axis=-1)
            return summed
        weighted: Floats = values @ self.weight
        return weighted


def differential_pay(
    differentials: tuple[Differential, ...], side: Side, masks: list[Bools | None]
) -> Floats:
    """share of hours x (cents per hour, or percent of the rate), per worker and year."""
    out = np.zeros_like(side.wages)
    for diff, mask in zip(differentials, masks, strict=True):
        if diff.cents is not None:
            pay = np.broadcast_to(diff.share_of_hours * diff.cents / 100.0 * side.hours, out.shape)
        else:
            pay = diff.share_of_hours * (diff.percent or 0.0) / 100.0 * side.wages
        out += pay if mask is None else np.where(mask, pay, 0.0)
    return out


def lump_sum_pay(
    lumps: tuple[LumpSum, ...],
    side: Side,
    masks: list[Bools | None],
    start: date,
    years: int,
) -> Floats:
    """Each lump sum in the contract year it is paid: flat (prorated by FTE if asked) or a
    percent of the annual pay at the rate on pay day; only to the eligible."""
    out = np.zeros_like(side.wages)
    for lump, mask in zip(lumps, masks, strict=True):
        k = year_of(lump.paid, start, years)
        if k is None:
            continue
        eligible = side.fte >= lump.min_fte
        if mask is not None:
            eligible &= mask
        if lump.hired_before is not None:
            if side.hire_date is None:
                continue
            eligible &= side.hire_date < np.datetime64(lump.hired_before, "D")
        if lump.amount is not None:
            amount = lump.amount * (side.fte if lump.prorate_fte else 1.0)
        else:
            amount = (lump.percent or 0.0) / 100.0 * side.rate_on[lump.paid] * side.hours
        out[k] += np.where(eligible, amount, 0.0)
    return out


def profit_sharing_pay(
    sharing: ProfitSharing | None,
    sides: list[tuple[Side, tuple[float, ...]]],
    years: int,
) -> list[Floats]:
    """Each year's pool shared by the formula over everyone expected on the job, then topped up
    to the guaranteed minimum: so the cost is the pool plus the top-ups, never less.

    ``sides`` pairs each side with its expected share of positions by year.
    """
    out = [np.zeros_like(side.wages) for side, _ in sides]
    if sharing is None:
        return out
    for k in range(years):
        pool = sharing.pools[k] if k < len(sharing.pools) else 0.0
        weights = [_weights(sharing, side, k) for side, _ in sides]
        total = sum(
            float(side.total(w)) * share[k] for w, (side, share) in zip(weights, sides, strict=True)
        )
        per = pool / total if total > 0 else 0.0
        for i, w in enumerate(weights):
            out[i][k] = np.maximum(per * w, sharing.minimum)
    return out


def _weights(sharing: ProfitSharing, side: Side, k: int) -> Floats:
    if sharing.formula == "hours":
        return side.hours
    if sharing.formula == "pay":
        row: Floats = side.wages[k]
        return row
    ones: Floats = np.ones_like(side.hours)
    return ones
