"""Who is paid on which scale: incumbents (some moved to a new-hire tier) and replacement hires.

Workforce assumption (from the new-hire tier's ``turnover`` and ``hiring``): in contract year k
(from 0) the expected share of each roster position still held by its incumbent is
``(1 - turnover) ** (k + 1/2)`` (leavers spread evenly, counted at mid-year) and the positions
held by hires, replacements plus net growth, are ``(1 + hiring) ** (k + 1/2)`` minus that. Hires
are paid the entry step of their classification (the tier's scale when the proposal has one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import DayCount, add_years, anniversaries, fractions
from caucus.engines.costing.roster import Roster
from caucus.engines.costing.steps import scale_grid
from caucus.engines.costing.terms import Term, Terms
from caucus.engines.costing.wages import Population

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Workforce:
    incumbents: tuple[float, ...]  # expected share of each position held by its incumbent, by year
    hires: tuple[float, ...]  # expected share held by hires (replacements and growth), by year

    @property
    def has_hires(self) -> bool:
        return any(h != 0.0 for h in self.hires)


def workforce(terms: Terms, years: int) -> Workforce:
    tier = terms.new_hire_tier
    turnover, hiring = (tier.turnover, tier.hiring) if tier else (0.0, 0.0)
    stay = tuple((1.0 - turnover) ** (k + 0.5) for k in range(years))
    total = tuple((1.0 + hiring) ** (k + 0.5) for k in range(years))
    return Workforce(stay, tuple(t - s for t, s in zip(total, stay, strict=True)))


def anniversary_positions(roster: Roster, term: Term) -> Floats:
    """Where each worker's anniversary falls in each contract year of ``term`` (years x
    workers), found once per distinct month and day and gathered, not computed per worker."""
    start, day_count = term.start, term.day_count
    month_day = (roster.anniversary_month - 1) * 31 + (roster.anniversary_day - 1)
    months = np.repeat(np.arange(1, 13), 31)
    days = np.tile(np.arange(1, 32), 12)
    out = np.empty((term.years, len(roster)))
    for k in range(term.years):
        begin, end = add_years(start, k), add_years(start, k + 1)
        table = _positions(months, days, begin, end, day_count)
        out[k] = table[month_day]
    return out


def _positions(months: Ints, days: Ints, begin: date, end: date, day_count: DayCount) -> Floats:
    return fractions(anniversaries(months, days, begin), begin, end, day_count)


def on_tier(roster: Roster, terms: Terms) -> tuple[Bools, Bools]:
    """(workers on the new-hire tier, classifications the tier has a scale for)."""
    names = roster.classification.names
    tier = terms.new_hire_tier
    has = np.zeros(len(names), dtype=bool)
    if tier is None:
        return np.zeros(len(roster), dtype=bool), has
    for scale in tier.scales:
        if scale.classification in names:
            has[names.index(scale.classification)] = True
    hired_after = np.datetime64(tier.hired_after, "D")
    return (roster.hire_date > hired_after) & has[roster.classification.codes], has


def incumbents(
    roster: Roster, terms: Terms, status_quo: Terms, width: int, positions: Floats
) -> Population:
    """The roster's workers. Their own rate over the status-quo scale rate they sit on carries
    through step moves and scale changes; workers moved to the tier sit on it exactly."""
    codes = roster.classification.codes
    grid, _ = scale_grid(roster.classification.names, status_quo.scales, width)
    step_index = np.clip(roster.step - 1, 0, width - 1)
    tiered, _ = on_tier(roster, terms)
    ratio = np.where(tiered, 1.0, roster.rate / grid[codes, step_index])
    row = codes + tiered * len(roster.classification.names)
    return Population(ratio, row, step_index, terms.steps.movement, positions)


def hires(roster: Roster, terms: Terms, status_quo: Terms, width: int) -> Population:
    """One replacement-hire slot per group of alike workers (``Roster.slots``), at the entry
    step; in a classification with no scale, at the lowest rate the roster shows for it."""
    first, _ = roster.slots
    codes = roster.classification.codes
    names = roster.classification.names
    _, has_scale = scale_grid(names, status_quo.scales, width)
    lowest = np.full(len(names), np.inf)
    np.minimum.at(lowest, codes, roster.rate)
    slot_codes = codes[first]
    _, tier_has = on_tier(roster, terms)
    tiered = tier_has[slot_codes]
    ratio = np.where(tiered | has_scale[slot_codes], 1.0, lowest[slot_codes])
    row = slot_codes + tiered * len(names)
    return Population(ratio, row, np.zeros(first.shape[0], dtype=np.int64), False, None)
