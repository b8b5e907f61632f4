"""Applying a raise to hourly rates: percent (with floor and cap in cents) or cents per hour.

Raises compound: each applies to the rate left by the ones before it, in date order.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.terms import Raise

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


def apply_raise(rate: Floats, raise_: Raise, eligible: Bools | None) -> None:
    """Raise ``rate`` in place for the eligible workers (everyone when ``eligible`` is None)."""
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


def raised(rate: float, raise_: Raise) -> float:
    """One rate after one raise (the market rate a red circle tracks)."""
    if raise_.percent is None:
        return rate + (raise_.cents or 0.0) / 100.0
    increase = rate * raise_.percent / 100.0
    if raise_.floor_cents is not None:
        increase = max(increase, raise_.floor_cents / 100.0)
    if raise_.cap_cents is not None:
        increase = min(increase, raise_.cap_cents / 100.0)
    return rate + increase
