"""Money paid outside the base rate: lump sums and profit-sharing payouts (neither adds to the
rates the next raise compounds on), and the differentials paid on top of the rate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import year_of
from caucus.engines.costing.sums import total, totals
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
        return totals(values, self.weight)


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


@dataclass(frozen=True, eq=False)
class YearSide:
    """Incumbents, or the hires who take their places, in one contract year: one entry per row,
    each row standing for ``weight`` workers, each holding ``share`` of a position."""

    hours: Floats
    fte: Floats
    weight: Floats
    hire_date: Days | None  # None for hires, who are hired after any cut-off
    share: float
    wages_of: Callable[[], Floats]  # this year's dollars paid at the base rate
    rate_on: Callable[[date], Floats]  # hourly rate paid on a lump-sum pay day

    @cached_property
    def wages(self) -> Floats:
        return self.wages_of()

    def total(self, values: Floats) -> float:
        """Dollars over the whole workforce: summed over workers, times the share held."""
        return total(values, self.weight) * self.share


def differential_factors(
    differentials: tuple[Differential, ...], hours: Floats, masks: list[Bools | None]
) -> tuple[Floats, Floats]:
    """(factor, flat) per row: wages plus differentials are wages x factor + flat, every year
    (percent differentials scale the wages paid, cents ones add a sum per hour)."""
    factor = np.ones_like(hours)
    flat = np.zeros_like(hours)
    for diff, mask in zip(differentials, masks, strict=True):
        on = 1.0 if mask is None else mask
        if diff.cents is not None:
            flat += diff.share_of_hours * diff.cents / 100.0 * hours * on
        else:
            factor += diff.share_of_hours * (diff.percent or 0.0) / 100.0 * on
    return factor, flat


def lump_sums_in_year(
    lumps: tuple[LumpSum, ...],
    side: YearSide,
    masks: list[Bools | None],
    k: int,
    start: date,
    years: int,
) -> Floats | None:
    """The lump sums paid in contract year ``k``, per row (None when none is paid that year):
    flat (prorated by FTE if asked) or a percent of the annual pay at the rate on pay day; only
    to the eligible."""
    out: Floats | None = None
    for lump, mask in zip(lumps, masks, strict=True):
        if year_of(lump.paid, start, years) != k:
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
            amount = (lump.percent or 0.0) / 100.0 * side.rate_on(lump.paid) * side.hours
        paid = np.where(eligible, amount, 0.0)
        out = paid if out is None else out + paid
    return out


def profit_sharing_in_year(
    sharing: ProfitSharing | None, sides: list[YearSide], k: int
) -> list[Floats] | None:
    """Year ``k``'s pool shared by the formula over everyone expected on the job, then topped up
    to the guaranteed minimum: so the cost is the pool plus the top-ups, never less. One array
    per side; None without profit sharing."""
    if sharing is None:
        return None
    pool = sharing.pools[k] if k < len(sharing.pools) else 0.0
    weights = [_weights(sharing, side) for side in sides]
    total = sum(side.total(w) for w, side in zip(weights, sides, strict=True))
    per = pool / total if total > 0 else 0.0
    shares = [np.multiply(w, per) for w in weights]
    for share in shares:
        np.maximum(share, sharing.minimum, out=share)
    return shares


def _weights(sharing: ProfitSharing, side: YearSide) -> Floats:
    if sharing.formula == "hours":
        return side.hours
    if sharing.formula == "pay":
        return side.wages
    ones: Floats = np.ones_like(side.hours)
    return ones
