"""Hourly rates through the term, worker by worker, as arrays: the cash rate of each contract year
and the rate at its end.

Within a contract year the rate is piecewise constant. Dates every worker shares (raises, scale
changes, red circles, lump-sum pay days) cut the year into pieces; each worker's anniversary cuts
one piece in two, with the step before it on the left and the step after it on the right. So a
year costs a handful of whole-array operations per piece, never a loop over workers.

``cash[k]`` is the time-weighted mean hourly rate of year k (times annual hours: the wages paid);
``end[k]`` is the rate on the last day of year k (times annual hours: the annualized payroll
whose growth over the base year is the lift).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import DayCount, fraction
from caucus.engines.costing.floors import MinimumWage
from caucus.engines.costing.raises import Adjustment, apply_raise, day_of, raised
from caucus.engines.costing.roster import dense_codes
from caucus.engines.costing.sums import totals
from caucus.engines.costing.terms import RedCircle

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Population:
    """Workers (or replacement-hire slots) as the wage path needs them."""

    ratio: Floats  # own rate over the scale rate it sits on (1 for workers on the scale)
    row: Ints  # row of the stacked grid: classification, or classification + n on the tier
    step_index: Ints  # step at the start of the term, counted from 0
    moves: bool
    # anniversary position in each contract year (years x workers); None when nobody moves
    anniversary: Floats | None
    # equal codes where ratio, row, step and every scope in the plan agree: such rows differ at
    # most by their anniversaries, so their paths are found once (None: not known)
    alike: Ints | None = None


@dataclass(frozen=True, eq=False)
class Plan:
    """The dated terms that move rates, already matched to a population."""

    versions: list[tuple[date, Floats]]  # stacked grid in force from each date
    raises: list[tuple[Adjustment, Bools | None]]  # raises and minimum rates, in date order
    circles: list[tuple[RedCircle, Bools | None]]
    captures: tuple[date, ...] = ()
    minimum_wages: list[tuple[MinimumWage, Bools | None]] = field(default_factory=list)


@dataclass(frozen=True, eq=False)
class WagePaths:
    cash: Floats  # years x workers: mean hourly rate in the year
    end: Floats  # years x workers (x groups when ``group`` is given): rate on the year's last day
    at: dict[date, Floats] = field(default_factory=dict)  # hourly rate paid on capture dates
    group: Ints | None = None  # the group of each worker whose ``end`` they share

    def end_payroll(self, hours: Floats) -> Floats:
        """By year: the sum over workers of their hours times their rate on the last day."""
        if self.group is None:
            return totals(self.end, hours)
        by_group = np.bincount(self.group, weights=hours, minlength=self.end.shape[1])
        return totals(self.end, by_group.astype(np.float64))


@dataclass
class _Circle:
    rule: RedCircle
    eligible: Bools | None
    index: Ints | None = None
    frozen: Floats | None = None
    market: float = 0.0


@dataclass(frozen=True, eq=False)
class _Pieces:
    """One contract year cut where rates change: piece j runs from ``low[j]`` to ``high[j]``
    (fractions of the year) and pays ``before[j]`` until a worker's anniversary, ``after[j]``
    from it (pieces x workers); ``captured`` holds the same for each capture date's piece."""

    low: Floats
    high: Floats
    before: Floats
    after: Floats
    captured: dict[date, tuple[float, Floats, Floats]]


BLOCK = 32_768  # workers costed together: their arrays stay in the CPU cache


def wage_paths(
    pop: Population, plan: Plan, years: list[tuple[date, date]], day_count: DayCount
) -> WagePaths:
    """Cost the population once per group of alike rows when ``pop.alike`` says which, else
    block by block; every worker's path is independent of the others'."""
    if pop.alike is not None:
        return _alike_paths(pop, pop.alike, plan, years, day_count)
    return _blocked_paths(pop, plan, years, day_count)


def _alike_paths(
    pop: Population,
    alike: Ints,
    plan: Plan,
    years: list[tuple[date, date]],
    day_count: DayCount,
) -> WagePaths:
    """Rows alike but for their anniversaries are paid the same rate in every piece of the year,
    before and after their anniversary; only where the anniversary splits the year differs. So
    the pieces are costed once per group, and each row's year is the sum of the whole pieces
    before its anniversary at the before rate, the split piece, and the whole pieces after at
    the after rate (prefix sums over the pieces, gathered per row)."""
    one, group = dense_codes(*_circle_sides(pop, alike, plan, years, day_count))
    recorded: list[_Pieces] = []
    rep_paths = _block_paths(*_rows(pop, plan, one), years, day_count, recorded)
    n = pop.ratio.shape[0]
    cash = np.empty((len(years), n))
    scratch = np.empty(n)
    at: dict[date, Floats] = {}
    for k, pieces in enumerate(recorded):
        anniversary = None if pop.anniversary is None else pop.anniversary[k]
        _spread(pieces, group, anniversary, cash[k], scratch)
        for day, (spot, before, after) in pieces.captured.items():
            if anniversary is None:
                at[day] = before[group]
            else:
                at[day] = np.where(anniversary <= spot, after[group], before[group])
    return WagePaths(cash, rep_paths.end, at, group)


def _circle_sides(
    pop: Population,
    alike: Ints,
    plan: Plan,
    years: list[tuple[date, date]],
    day_count: DayCount,
) -> tuple[Ints, int]:
    """(``alike`` split by which side of each red circle's day each row's anniversary falls
    on, an upper bound of the codes): a red circle freezes the rate a worker is paid on its
    day, before or after their anniversary."""
    key, size = alike, int(alike.max()) + 1 if alike.shape[0] else 1
    if not pop.moves or pop.anniversary is None:
        return key, size
    for rule, eligible in plan.circles:
        for k, (begin, finish) in enumerate(years):
            if begin <= rule.effective < finish:
                spot = fraction(rule.effective, begin, finish, day_count)
                passed = pop.anniversary[k] <= spot
                if eligible is not None:
                    passed &= eligible
                key, size = key * 2 + passed, size * 2
    return key, size


def _rows(pop: Population, plan: Plan, pick: Ints | slice) -> tuple[Population, Plan]:
    """The rows at ``pick`` of a population, and the plan matched to them."""
    rows = Population(
        pop.ratio[pick],
        pop.row[pick],
        pop.step_index[pick],
        pop.moves,
        None if pop.anniversary is None else pop.anniversary[:, pick],
    )
    matched = Plan(
        plan.versions,
        [(r, None if m is None else m[pick]) for r, m in plan.raises],
        [(c, None if m is None else m[pick]) for c, m in plan.circles],
        plan.captures,
        [(w, None if m is None else m[pick]) for w, m in plan.minimum_wages],
    )
    return rows, matched


def _spread(
    pieces: _Pieces, group: Ints, anniversary: Floats | None, out: Floats, scratch: Floats
) -> None:
    """Each row's mean rate over the year, from its group's pieces and its anniversary, into
    ``out`` (``scratch``: a row-sized buffer to use)."""
    low, high = pieces.low, pieces.high
    length = (high - low)[:, None]
    paid_before = length * pieces.before
    paid_after = length * pieces.after
    # the whole pieces before piece j at the before rate, and after it at the after rate
    ahead = np.cumsum(paid_before, axis=0) - paid_before
    behind = np.cumsum(paid_after[::-1], axis=0)[::-1] - paid_after
    # a row whose anniversary falls at a in piece j: ahead + behind + (a - low) before
    # + (high - a) after, which is constant + a x slope
    constant = ahead + behind + high[:, None] * pieces.after - low[:, None] * pieces.before
    slope = pieces.before - pieces.after
    if anniversary is None:
        np.take(constant[0], group, out=out)
        return
    # anniversaries fall in the year, at or after the first piece's start: piece >= 0
    flat = np.searchsorted(low, anniversary, side="right")
    flat -= 1
    flat *= constant.shape[1]
    flat += group
    np.take(slope, flat, out=out)
    out *= anniversary
    out += np.take(constant, flat, out=scratch)


def _blocked_paths(
    pop: Population, plan: Plan, years: list[tuple[date, date]], day_count: DayCount
) -> WagePaths:
    n = pop.ratio.shape[0]
    if n <= BLOCK:
        return _block_paths(pop, plan, years, day_count)
    cash = np.empty((len(years), n))
    end = np.empty((len(years), n))
    at = {day: np.empty(n) for day in plan.captures}
    for low in range(0, n, BLOCK):
        part = slice(low, min(low + BLOCK, n))
        paths = _block_paths(*_rows(pop, plan, part), years, day_count)
        cash[:, part], end[:, part] = paths.cash, paths.end
        for day, rates in paths.at.items():
            at[day][part] = rates
    return WagePaths(cash, end, at)


def _block_paths(
    pop: Population,
    plan: Plan,
    years: list[tuple[date, date]],
    day_count: DayCount,
    recorded: list[_Pieces] | None = None,
) -> WagePaths:
    """The paths of one block of workers; each year's pieces go to ``recorded`` if given."""
    n = pop.ratio.shape[0]
    cash = np.zeros((len(years), n))
    end = np.empty((len(years), n))
    walk = _Walk(pop, plan, is_recorded=recorded is not None)
    days = sorted(
        {day_of(r) for r, _ in plan.raises}
        | {v for v, _ in plan.versions}
        | {c.effective for c, _ in plan.circles}
        | set(plan.captures)
        | {w.effective for w, _ in plan.minimum_wages}
    )
    carry: Floats | None = None
    for k, (begin, finish) in enumerate(years):
        cuts = [begin, *(d for d in days if begin < d < finish), finish]
        spots = [fraction(d, begin, finish, day_count) for d in cuts]
        carry, end[k], pieces = walk.year(k, cuts, spots, carry, cash[k])
        if recorded is not None and pieces is not None:
            recorded.append(pieces)
    return WagePaths(cash, end, walk.at)


class _Walk:
    """One block of workers walked through the term, piece by piece of each contract year.
    Raises change the rates in place, and the rates and the red circles carry on from one
    year to the next."""

    def __init__(self, pop: Population, plan: Plan, *, is_recorded: bool) -> None:
        self.pop = pop
        self.plan = plan
        self.is_recorded = is_recorded  # keep each year's pieces (``_Pieces``)
        self.width = plan.versions[0][1].shape[1]
        self.base_flat = pop.row * self.width
        self.version_days = {since for since, _ in plan.versions}
        self.circles = [_Circle(rule, eligible) for rule, eligible in plan.circles]
        self.at: dict[date, Floats] = {}  # the rate paid on each capture day

    def rates_on(self, offset: int, day: date) -> Floats:
        """The scale rates on ``day``, ``offset`` steps above the start step (the top at most),
        with every raise effective before that day applied."""
        index = self.base_flat + np.minimum(self.pop.step_index + offset, self.width - 1)
        grid = [g for since, g in self.plan.versions if since <= day][-1]
        rate: Floats = grid.ravel()[index] * self.pop.ratio
        for raise_, eligible in self.plan.raises:
            if day_of(raise_) < day:
                apply_raise(rate, raise_, eligible)
        return rate

    def year(
        self, k: int, cuts: list[date], spots: list[float], carry: Floats | None, cash: Floats
    ) -> tuple[Floats, Floats, _Pieces | None]:
        """Year ``k``, cut at ``cuts`` (``spots``: where they fall in the year), its mean rate
        added to ``cash``: (the rate the next year goes on from, the rate paid on the last day,
        the pieces when recorded)."""
        pop = self.pop
        moving = pop.moves and pop.anniversary is not None
        anniversary = pop.anniversary[k] if moving and pop.anniversary is not None else None
        step = k if pop.moves else 0
        before = carry if carry is not None else self.rates_on(step, cuts[0])
        after = self.rates_on(k + 1, cuts[0]) if moving else before
        kept_before: list[Floats] = []
        kept_after: list[Floats] = []
        captured: dict[date, tuple[float, Floats, Floats]] = {}
        paid_after = after
        for j, day in enumerate(cuts[:-1]):
            if (k > 0 or j > 0) and day in self.version_days:
                before = self.rates_on(step, day)
                after = self.rates_on(k + 1, day) if moving else before
            self._freeze(day, before, after, anniversary, spots[j])
            self._raise(day, before, after)
            paid_before = _red_circled(before, self.circles)
            paid_after = paid_before if after is before else _red_circled(after, self.circles)
            floor = self._minimum_wage(day)
            if floor is not None:
                paid_before = np.maximum(paid_before, floor)
                paid_after = paid_before if after is before else np.maximum(paid_after, floor)
            if self.is_recorded:
                # copies: the raises to come change ``before`` and ``after`` in place
                kept_before.append(paid_before.copy())
                kept_after.append(paid_after.copy())
                if day in self.plan.captures:
                    captured[day] = (spots[j], kept_before[-1], kept_after[-1])
            if day in self.plan.captures:
                # a copy: the raises to come change ``before`` in place, and it may be that
                self.at[day] = (
                    paid_before.copy()
                    if anniversary is None
                    else np.where(anniversary <= spots[j], paid_after, paid_before)
                )
            _add_piece(cash, paid_before, paid_after, anniversary, spots[j], spots[j + 1])
        pieces = None
        if self.is_recorded:
            edges = np.array(spots, dtype=np.float64)
            pieces = _Pieces(
                edges[:-1], edges[1:], np.array(kept_before), np.array(kept_after), captured
            )
        return (after if moving else before), paid_after, pieces

    def _minimum_wage(self, day: date) -> Floats | None:
        """The least each worker may be paid from ``day`` on (None: no minimum wage yet)."""
        floor: Floats | None = None
        for wage, eligible in self.plan.minimum_wages:
            if wage.effective > day:
                continue
            least = np.full(self.pop.ratio.shape[0], wage.rate)
            if eligible is not None:
                least = np.where(eligible, least, 0.0)
            floor = least if floor is None else np.maximum(floor, least)
        return floor

    def _freeze(
        self, day: date, before: Floats, after: Floats, anniversary: Floats | None, spot: float
    ) -> None:
        """The red circles from ``day`` on freeze the rate of those they name paid above the
        market rate that day."""
        starting = [c for c in self.circles if c.rule.effective == day]
        if not starting:
            return
        now = before if anniversary is None else np.where(anniversary <= spot, after, before)
        for circle in starting:
            above = now > circle.rule.market_rate
            if circle.eligible is not None:
                above &= circle.eligible
            circle.index = np.flatnonzero(above)
            circle.frozen = now[circle.index]
            circle.market = circle.rule.market_rate

    def _raise(self, day: date, before: Floats, after: Floats) -> None:
        """The raises effective on ``day``, applied in place; red circles' market rates follow."""
        for raise_, eligible in self.plan.raises:
            if day_of(raise_) != day:
                continue
            apply_raise(before, raise_, eligible)
            if after is not before:
                apply_raise(after, raise_, eligible)
            for circle in self.circles:
                if circle.index is not None:
                    circle.market = raised(circle.market, raise_)


def _add_piece(
    cash: Floats,
    paid_before: Floats,
    paid_after: Floats,
    anniversary: Floats | None,
    low: float,
    high: float,
) -> None:
    """Add to ``cash`` the piece of the year from ``low`` to ``high``: paid ``paid_before``
    until each worker's anniversary and ``paid_after`` from it."""
    if anniversary is None:
        cash += (high - low) * paid_before
    else:
        split = np.clip(anniversary, low, high)
        cash += (split - low) * paid_before + (high - split) * paid_after


def _red_circled(rate: Floats, circles: list[_Circle]) -> Floats:
    """Red-circled workers keep their frozen rate until the market rate, raised as the scale
    is, catches up; they are never paid more than the scale would pay them."""
    paid: Floats | None = None
    for circle in circles:
        index, frozen = circle.index, circle.frozen
        if index is None or frozen is None or not index.size:
            continue
        if paid is None:
            paid = rate.copy()
        paid[index] = np.maximum(frozen, np.minimum(rate[index], circle.market))
    return rate if paid is None else paid
