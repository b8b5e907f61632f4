"""What one set of terms pays: each row of a roster's pay by contract year (wages, differentials,
lump sums, profit sharing, for the incumbents; their replacement hires are counted in the totals)
and the whole workforce's totals by year (``cost_terms``).

Rows stand for groups of workers paid alike; totals count each row as many times as it has
workers. Wage paths come from ``wages.py`` (walking the plan ``plans.py`` makes), who holds each
position from ``tiers.py``, money outside the rate from ``beside_rate.py``, hours off from
``leave.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.beside_rate import (
    YearSide,
    differential_factors,
    lump_sums_in_year,
    profit_sharing_in_year,
)
from caucus.engines.costing.calendar import contract_years
from caucus.engines.costing.leave import hours_off
from caucus.engines.costing.plans import (
    codes_of,
    plan_of,
    scale_width,
    scope_mask,
    stacked_versions,
    wage_alike,
)
from caucus.engines.costing.rollups import RollupComponent
from caucus.engines.costing.roster import Roster
from caucus.engines.costing.sums import total
from caucus.engines.costing.terms import Term, Terms, term_of
from caucus.engines.costing.tiers import Workforce, hires, incumbents
from caucus.engines.costing.wages import Population, WagePaths, wage_paths

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Days = npt.NDArray[np.datetime64]
COMPONENTS = ("wages", "differentials", "lump_sums", "profit_sharing")


@dataclass(frozen=True, eq=False)
class Costed:
    """One set of terms costed: per-worker arrays for the roster, totals for the workforce."""

    pay: Floats  # years x rows
    end_payroll: Floats  # by year, whole workforce
    totals: dict[str, Floats]  # by year, whole workforce
    employee_premium: Floats  # by year, per enrolled worker
    # each roll-up component and its dollars by year (none when the roll-up is one rate)
    rollup_parts: tuple[tuple[RollupComponent, Floats], ...] = ()


@dataclass(frozen=True, eq=False)
class _Setting:
    """One set of terms about to be costed on a roster: what every part of the costing reads."""

    roster: Roster
    terms: Terms
    status_quo: Terms
    term: Term
    years: list[tuple[date, date]]
    hours: Floats  # annual hours paid, by row
    weight: Floats  # workers each row stands for
    width: int  # steps of the widest scale
    stacked: list[tuple[date, Floats]]  # scale grid (and the tier's below it) from each date
    captures: tuple[date, ...]  # days whose rate a lump sum is a percent of

    @classmethod
    def of(cls, roster: Roster, terms: Terms, status_quo: Terms, weight: Floats) -> _Setting:
        term = term_of(terms)
        width = scale_width(roster, terms, status_quo)
        # the rate paid on pay day matters only to lump sums that are a percent of pay
        captures = tuple(sorted({x.paid for x in terms.lump_sums if x.amount is None}))
        return cls(
            roster,
            terms,
            status_quo,
            term,
            contract_years(term.start, term.years),
            roster.annual_hours(term.hours_per_fte),
            weight,
            width,
            stacked_versions(roster, terms, term, width),
            captures,
        )

    def wage_paths(self, pop: Population, pick: Ints | None) -> WagePaths:
        """The wage paths of ``pop``: the roster's rows, or the rows at ``pick``."""
        plan = plan_of(
            self.roster, self.terms, self.stacked, codes_of(self.roster, pick), self.captures
        )
        return wage_paths(pop, plan, self.years, self.term.day_count)


@dataclass(frozen=True, eq=False)
class _Hires:
    """The replacement hires' wage paths, one column per slot (``Roster.slots``), and what each
    slot pays for: the hours of the rows it stands for, plain and at percent differentials."""

    paths: WagePaths
    group: Ints  # slot of each row
    hours: Floats  # by slot
    extra: Floats  # by slot


def cost_terms(
    roster: Roster,
    terms: Terms,
    status_quo: Terms,
    force: Workforce,
    positions: Floats,
    weight: Floats,
    known: dict[Terms, WagePaths] | None = None,
) -> Costed:
    """Costs each row of ``roster`` once; totals count each row ``weight`` times. The
    incumbents' wage paths are taken from ``known`` when there, and left there (with None,
    they are found and spent on this costing alone)."""
    setting = _Setting.of(roster, terms, status_quo, weight)
    paths = _incumbent_paths(setting, positions, known)
    diff_masks = [scope_mask(roster, d.where) for d in terms.differentials]
    factor, flat = differential_factors(terms.differentials, setting.hours, diff_masks)
    # the hours each row pays, plain and at percent differentials, over the workers it stands for
    hours_paid, hours_extra = setting.hours * weight, setting.hours * (weight * (factor - 1.0))
    hires = _hire_paths(setting, hours_paid, hours_extra) if force.has_hires else None
    # wages + differentials = cash rate x hours x factor + flat; lump sums and profit sharing are
    # added year by year. Totals come from the cash rates and summed weights, taken (with the
    # wages profit is shared by, and time off valued) before pay is built over the cash rates.
    flat_total = total(flat, weight)
    parts = _wages_and_differentials(force, paths, hires, hours_paid, hours_extra, flat_total)
    _add_time_off(setting, force, paths, hires, parts)
    sharing = terms.profit_sharing
    by_pay = sharing is not None and sharing.formula == "pay"
    wage_rows = [row * setting.hours for row in paths.cash] if by_pay else []
    pay = _pay(paths, setting.hours, factor, flat, is_own=known is None)
    _add_money_outside_the_rate(setting, force, paths, hires, wage_rows, parts, pay)
    employer, employee = _premiums(terms, setting.term.years)
    rollup_parts = _add_totals(setting, force, employer, parts)
    end_payroll = _end_payroll(force, paths, hires, hours_paid)
    return Costed(pay, end_payroll, parts, employee, rollup_parts)


def _incumbent_paths(
    setting: _Setting, positions: Floats, known: dict[Terms, WagePaths] | None
) -> WagePaths:
    terms = setting.terms
    if known is not None and terms in known:
        return known[terms]
    pop = replace(
        incumbents(setting.roster, terms, setting.status_quo, setting.width, positions),
        alike=wage_alike(setting.roster, terms),
    )
    paths = setting.wage_paths(pop, None)
    if known is not None:
        known[terms] = paths
    return paths


def _hire_paths(setting: _Setting, hours_paid: Floats, hours_extra: Floats) -> _Hires:
    """The hires' paths, and the hours they are paid summed by slot, not spread over every row."""
    roster = setting.roster
    first, group = roster.slots
    pop = hires(roster, setting.terms, setting.status_quo, setting.width)
    slots = first.shape[0]
    hours: Floats = np.asarray(
        np.bincount(group, weights=hours_paid, minlength=slots), dtype=np.float64
    )
    extra: Floats = np.asarray(
        np.bincount(group, weights=hours_extra, minlength=slots), dtype=np.float64
    )
    return _Hires(setting.wage_paths(pop, first), group, hours, extra)


def _wages_and_differentials(
    force: Workforce,
    paths: WagePaths,
    hires: _Hires | None,
    hours_paid: Floats,
    hours_extra: Floats,
    flat_total: float,
) -> dict[str, Floats]:
    """Each component by year, wages and differentials filled in, over the whole workforce."""
    parts = {name: np.zeros(paths.cash.shape[0]) for name in COMPONENTS}
    for k, cash in enumerate(paths.cash):
        share = force.incumbents[k]
        parts["wages"][k] += total(cash, hours_paid) * share
        parts["differentials"][k] += (total(cash, hours_extra) + flat_total) * share
        if hires is not None:
            hire_cash, hire_share = hires.paths.cash[k], force.hires[k]
            parts["wages"][k] += total(hire_cash, hires.hours) * hire_share
            with_extra = total(hire_cash, hires.extra)
            parts["differentials"][k] += (with_extra + flat_total) * hire_share
    return parts


def _pay(paths: WagePaths, hours: Floats, factor: Floats, flat: Floats, *, is_own: bool) -> Floats:
    """Years x rows: wages and differentials, cash rate x hours x factor + flat. With
    ``is_own`` the cash rates are this costing's alone, and pay is built over them (and over
    ``factor``)."""
    hours_paid_more = np.multiply(hours, factor, out=factor)
    if is_own:
        pay = paths.cash
        pay *= hours_paid_more
    else:
        pay = np.multiply(paths.cash, hours_paid_more)
    pay += flat
    return pay


def _year_sides(
    setting: _Setting,
    force: Workforce,
    k: int,
    paths: WagePaths,
    hires: _Hires | None,
    wage_rows: list[Floats],
) -> list[YearSide]:
    """The incumbents, and the hires if any, in year ``k``."""
    roster, hours, weight = setting.roster, setting.hours, setting.weight
    sides = [
        YearSide(
            hours,
            roster.fte,
            weight,
            roster.hire_date,
            force.incumbents[k],
            lambda: wage_rows[k],
            lambda day: paths.at[day],
        )
    ]
    if hires is not None:
        cash, group, at = hires.paths.cash[k], hires.group, hires.paths.at
        sides.append(
            YearSide(
                hours,
                roster.fte,
                weight,
                None,
                force.hires[k],
                lambda: cash[group] * hours,
                lambda day: at[day][group],
            )
        )
    return sides


def _add_money_outside_the_rate(
    setting: _Setting,
    force: Workforce,
    paths: WagePaths,
    hires: _Hires | None,
    wage_rows: list[Floats],
    parts: dict[str, Floats],
    pay: Floats,
) -> None:
    """Lump sums and profit sharing, year by year: their totals into ``parts``, what the
    incumbents are paid into ``pay``."""
    terms, term = setting.terms, setting.term
    lump_masks = [scope_mask(setting.roster, x.where) for x in terms.lump_sums]
    for k in range(len(setting.years)):
        sides = _year_sides(setting, force, k, paths, hires, wage_rows)
        shared = profit_sharing_in_year(terms.profit_sharing, sides, k)
        own: list[Floats] = []
        for i, side in enumerate(sides):
            lumps = lump_sums_in_year(terms.lump_sums, side, lump_masks, k, term.start, term.years)
            if lumps is not None:
                parts["lump_sums"][k] += side.total(lumps)
            if shared is not None:
                parts["profit_sharing"][k] += side.total(shared[i])
            if i == 0:
                own = [x for x in (lumps, None if shared is None else shared[0]) if x is not None]
        row = pay[k]
        for values in own:
            row += values


def _add_time_off(
    setting: _Setting,
    force: Workforce,
    paths: WagePaths,
    hires: _Hires | None,
    parts: dict[str, Floats],
) -> None:
    """The hours taken off with pay, and the cost of the hours off the status quo does not
    give (bought back at the year's rate of the worker taking them), by year into ``parts``."""
    years = len(setting.years)
    parts["hours_off"] = np.zeros(years)
    parts["time_off"] = np.zeros(years)
    terms, sq = setting.terms, setting.status_quo
    if not (terms.holidays or terms.vacation or sq.holidays or sq.vacation):
        return
    is_same = (terms.holidays, terms.vacation) == (sq.holidays, sq.vacation)
    sides: list[tuple[Days | None, tuple[float, ...], Floats, Ints | None]] = [
        (setting.roster.hire_date, force.incumbents, paths.cash, None)
    ]
    if hires is not None:
        sides.append((None, force.hires, hires.paths.cash, hires.group))
    for hire_date, shares, cash, group in sides:
        off = _hours_off(setting, terms, hire_date)
        added = np.zeros_like(off) if is_same else off - _hours_off(setting, sq, hire_date)
        for k in range(years):
            rate = cash[k] if group is None else cash[k][group]
            parts["hours_off"][k] += total(off[k], setting.weight) * shares[k]
            parts["time_off"][k] += total(added[k] * rate, setting.weight) * shares[k]


def _hours_off(setting: _Setting, terms: Terms, hire_date: Days | None) -> Floats:
    """Years x rows: the hours ``terms`` give each row off with pay."""
    roster = setting.roster
    masks = (
        [scope_mask(roster, h.where) for h in terms.holidays],
        [scope_mask(roster, v.where) for v in terms.vacation],
    )
    term = setting.term
    return hours_off(
        terms.holidays,
        terms.vacation,
        masks,
        setting.hours,
        term.hours_per_fte,
        hire_date,
        setting.years,
        term.day_count,
    )


def _add_totals(
    setting: _Setting, force: Workforce, employer: Floats, parts: dict[str, Floats]
) -> tuple[tuple[RollupComponent, Floats], ...]:
    """Headcount, hours, health and roll-up by year into ``parts``; returns each roll-up
    component with its dollars by year (none when the roll-up is one rate)."""
    positions_held = np.asarray(force.incumbents) + np.asarray(force.hires)
    headcount = float(setting.weight.sum()) * positions_held
    parts["headcount"] = headcount
    parts["hours"] = total(setting.hours, setting.weight) * positions_held
    parts["health"] = employer * headcount
    roll = setting.terms.rollup
    base = parts["wages"] + parts["differentials"] + parts["time_off"]
    outside = parts["lump_sums"] + parts["profit_sharing"]
    parts["rollup"] = roll.base_rate * base + roll.lump_rate * outside
    return tuple(
        (c, c.rate * base + (0.0 if c.base_only else c.rate) * outside) for c in roll.components
    )


def _end_payroll(
    force: Workforce, paths: WagePaths, hires: _Hires | None, hours_paid: Floats
) -> Floats:
    """By year: the payroll at the rates of the year's last day, over the whole workforce."""
    years = paths.cash.shape[0]
    hire_end = np.zeros(years) if hires is None else hires.paths.end_payroll(hires.hours)
    incumbents_end = paths.end_payroll(hours_paid)
    end: Floats = incumbents_end * np.asarray(force.incumbents) + hire_end * np.asarray(force.hires)
    return end


def _premiums(terms: Terms, years: int) -> tuple[Floats, Floats]:
    """(employer, employee) yearly premium per position, each times the share enrolled."""
    health = terms.health
    if health is None:
        return np.zeros(years), np.zeros(years)
    growth = (1.0 + health.premium_growth) ** np.arange(1, years + 1, dtype=np.float64)
    yearly = 12.0 * health.monthly_premium * health.enrolled * growth
    employer = np.asarray(yearly * health.employer_share, dtype=np.float64)
    employee = np.asarray(yearly * (1.0 - health.employer_share), dtype=np.float64)
    return employer, employee
