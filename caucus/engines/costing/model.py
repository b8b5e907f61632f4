"""The cost model: a roster, the status quo and proposals in; costs per contract year, over the
term and per worker out (``cost_proposals``). The method is in docs/costing.md.

Each proposal is the status quo with the proposal's sections laid over it, costed over the
proposal's term; the status quo is costed over the same dates and with the same workforce
assumption, so "above status quo" compares like with like. The base year and the status quo
are paid the status quo's hours per FTE (``base_hours_per_fte``), each proposal its own. No
figure depends on the order the proposals are listed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import add_years, contract_years
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.results import BaseYear, CostingRun, ProposalCost, YearCost
from caucus.engines.costing.roster import Roster, combined, dense_codes
from caucus.engines.costing.sharing import (
    Side,
    YearSide,
    differential_factors,
    differential_pay,
    lump_sums_in_year,
    profit_sharing_in_year,
)
from caucus.engines.costing.steps import grid_versions, grid_width, scale_grid
from caucus.engines.costing.sums import total
from caucus.engines.costing.terms import (
    HOURS_PER_FTE,
    Scope,
    Term,
    Terms,
    check_dates,
    overlay,
    term_of,
)
from caucus.engines.costing.tiers import (
    Workforce,
    anniversary_positions,
    hires,
    incumbents,
    on_tier,
    workforce,
)
from caucus.engines.costing.wages import Plan, Population, WagePaths, wage_paths

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
COMPONENTS = ("wages", "differentials", "lump_sums", "profit_sharing")
# progress(done, total, stage): proposals costed so far, proposals in all, what runs now
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, eq=False)
class _Costed:
    """One set of terms costed: per-worker arrays for the roster, totals for the workforce."""

    pay: Floats  # years x rows
    end_payroll: Floats  # by year, whole workforce
    totals: dict[str, Floats]  # by year, whole workforce
    employee_premium: Floats  # by year, per enrolled worker


def cost_proposals(
    roster: Roster,
    proposals: Sequence[Terms],
    status_quo: Terms | None = None,
    *,
    progress: Progress | None = None,
) -> CostingRun:
    """Cost every proposal against the status quo, sharing what they have in common (the
    grouping of alike workers, the base year, the status quo's costing per term, anniversary
    positions per term). ``progress``, if given, is called before each proposal is costed, as
    ``progress(done, len(proposals), f"Costing {name}")``, and once all are, with ``done`` equal
    to the total and the stage "Costed"."""
    status_quo = status_quo or Terms(name="status quo")
    resolved = [overlay(p, status_quo) for p in proposals]
    for terms in resolved:
        check_dates(terms)
        _check_names(roster, terms, status_quo)
    hours_per_fte = base_hours_per_fte(status_quo, resolved)
    group, alike, count = _alike(roster, [status_quo, *resolved])
    base = base_year(alike, status_quo, alike.annual_hours(hours_per_fte), count)
    cache: dict[tuple[object, ...], _Costed] = {}
    # the status quo's wage paths serve every proposal with the same term, whatever its
    # workforce assumption
    paths: dict[Terms, WagePaths] = {}
    positions_in: dict[Term, Floats] = {}
    out = []
    for done, terms in enumerate(resolved):
        if progress is not None:
            progress(done, len(resolved), f"Costing {terms.name}")
        term = term_of(terms)
        force = workforce(terms, term.years)
        if term not in positions_in:
            positions_in[term] = anniversary_positions(alike, term)
        positions = positions_in[term]
        costed = _cost(alike, terms, status_quo, force, positions, count)
        # the status quo over the proposal's dates, on the status quo's hours
        sq_term = replace(term, hours_per_fte=hours_per_fte)
        sq_terms = overlay(
            Terms(name=status_quo.name, term=sq_term, sections=frozenset({"term"})), status_quo
        )
        key = (sq_term, force)
        if key not in cache:
            cache[key] = _cost(alike, sq_terms, status_quo, force, positions, count, paths)
        out.append(_proposal_cost(terms, costed, cache[key], base, group))
    if progress is not None:
        progress(len(resolved), len(resolved), "Costed")
    return CostingRun(roster, status_quo, base, tuple(out))


def base_hours_per_fte(status_quo: Terms, proposals: Sequence[Terms]) -> float:
    """The hours per FTE the base year and the status quo are paid: the status quo's term's;
    without one, the hours every proposal's term gives (2,080 when there is no proposal).
    Proposals that give different hours, with a status quo that gives none, are refused:
    which of them is the unit as it stands cannot be told."""
    if status_quo.term is not None:
        return status_quo.term.hours_per_fte
    given = sorted({term_of(p).hours_per_fte for p in proposals})
    if len(given) > 1:
        shown = " and ".join(f"{h:,g}" for h in given)
        raise TermsError(
            [
                f"term.hours_per_fte: the proposals give {shown} hours per FTE and the status "
                "quo gives none; give the status quo a term with the hours_per_fte its base "
                "year is paid"
            ]
        )
    return given[0] if given else HOURS_PER_FTE


def _alike(roster: Roster, every: list[Terms]) -> tuple[Ints, Roster, Floats]:
    """(group of each worker, a roster of one row per group, workers in each group): workers of
    one profile (``Roster.profiles``) whose hire dates fall on the same side of every cut-off
    the terms name are paid the same under all of them, so each group is costed once.

    A group's row has its profile's columns and, for hire date, the first day between its two
    cut-offs: the hire date is only ever compared with the cut-offs."""
    _, profile = roster.profiles
    rows = roster.profile_roster
    # hired after c (the tier) is hired on or after c + 1 day; hired before c (a lump sum) is not
    # hired on or after c: workers between the same two cut-offs answer both alike
    cuts: set[date] = set()
    for terms in every:
        if terms.new_hire_tier is not None:
            cuts.add(terms.new_hire_tier.hired_after + timedelta(days=1))
        cuts |= {lump.hired_before for lump in terms.lump_sums if lump.hired_before is not None}
    if not cuts:
        return profile, rows, np.bincount(profile, minlength=len(rows)).astype(np.float64)
    edges = np.array(sorted(cuts), dtype="datetime64[D]")
    spans = len(cuts) + 1
    key = profile * spans
    distinct, hired = roster.hire_days
    key += np.searchsorted(edges, distinct, side="right")[hired]
    present = np.zeros(len(rows) * spans, dtype=bool)
    present[key] = True
    codes = np.cumsum(present, dtype=np.int64)
    codes -= 1
    group = codes[key]
    keys = np.flatnonzero(present)
    firsts = np.concatenate((edges[:1] - np.timedelta64(1, "D"), edges))
    grouped = rows.take(keys // spans, hire_date=firsts[keys % spans])
    return group, grouped, np.bincount(group, minlength=keys.shape[0]).astype(np.float64)


def base_year(
    roster: Roster, status_quo: Terms, hours: Floats, weight: Floats | None = None
) -> BaseYear:
    """The base year of the roster's workers, each row standing for ``weight`` workers."""
    weight = np.ones(len(roster)) if weight is None else weight
    n = round(float(weight.sum()))
    wages = hours * roster.rate
    payroll = total(wages, weight)
    masks = [_mask(roster, d.where) for d in status_quo.differentials]
    side = Side(hours, roster.fte, wages[None, :], {}, roster.hire_date, weight)
    diffs = float(side.total(differential_pay(status_quo.differentials, side, masks)).sum())
    rollup = status_quo.rollup.rate * (payroll + diffs)
    health = status_quo.health
    premium = (
        12.0 * health.monthly_premium * health.employer_share * health.enrolled if health else 0.0
    )
    total_hours = total(hours, weight)
    return BaseYear(
        workers=n,
        hours=total_hours,
        payroll=payroll,
        weighted_average_rate=total(roster.rate, weight) / n if n else 0.0,
        average_rate_per_hour=payroll / total_hours if total_hours else 0.0,
        differentials=diffs,
        rollup=rollup,
        health=premium * n,
        total=payroll + diffs + rollup + premium * n,
        cost_of_one_percent=payroll * 0.01,
        cost_of_one_percent_with_rollup=payroll * 0.01 * (1.0 + status_quo.rollup.rate),
    )


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
        width = _width(roster, terms, status_quo)
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
            _stacked_versions(roster, terms, term, width),
            captures,
        )

    def wage_paths(self, pop: Population, pick: Ints | None) -> WagePaths:
        """The wage paths of ``pop``: the roster's rows, or the rows at ``pick``."""
        plan = _plan(
            self.roster, self.terms, self.stacked, _codes(self.roster, pick), self.captures
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


def _cost(
    roster: Roster,
    terms: Terms,
    status_quo: Terms,
    force: Workforce,
    positions: Floats,
    weight: Floats,
    known: dict[Terms, WagePaths] | None = None,
) -> _Costed:
    """Costs each row of ``roster`` once; totals count each row ``weight`` times. The
    incumbents' wage paths are taken from ``known`` when there, and left there (with None,
    they are found and spent on this costing alone)."""
    setting = _Setting.of(roster, terms, status_quo, weight)
    paths = _incumbent_paths(setting, positions, known)
    diff_masks = [_mask(roster, d.where) for d in terms.differentials]
    factor, flat = differential_factors(terms.differentials, setting.hours, diff_masks)
    extra = weight * (factor - 1.0)
    hires = _hire_paths(setting, extra) if force.has_hires else None
    # wages + differentials = cash rate x hours x factor + flat; lump sums and profit sharing are
    # added year by year. Totals come from the cash rates and summed weights, taken (with the
    # wages profit is shared by) before pay is built over the cash rates.
    parts = _wages_and_differentials(setting, force, paths, hires, extra, total(flat, weight))
    sharing = terms.profit_sharing
    by_pay = sharing is not None and sharing.formula == "pay"
    wage_rows = [row * setting.hours for row in paths.cash] if by_pay else []
    pay = _pay(paths, setting.hours, factor, flat, is_own=known is None)
    _add_money_outside_the_rate(setting, force, paths, hires, wage_rows, parts, pay)
    employer, employee = _premiums(terms, setting.term.years)
    _add_totals(setting, force, employer, parts)
    return _Costed(pay, _end_payroll(setting, force, paths, hires), parts, employee)


def _incumbent_paths(
    setting: _Setting, positions: Floats, known: dict[Terms, WagePaths] | None
) -> WagePaths:
    terms = setting.terms
    if known is not None and terms in known:
        return known[terms]
    pop = replace(
        incumbents(setting.roster, terms, setting.status_quo, setting.width, positions),
        alike=_wage_alike(setting.roster, terms),
    )
    paths = setting.wage_paths(pop, None)
    if known is not None:
        known[terms] = paths
    return paths


def _hire_paths(setting: _Setting, extra: Floats) -> _Hires:
    """The hires' paths, and their wages summed by slot, not spread over every row."""
    roster = setting.roster
    first, group = roster.slots
    pop = hires(roster, setting.terms, setting.status_quo, setting.width)
    hours: Floats = np.asarray(
        np.bincount(group, weights=setting.hours * setting.weight, minlength=first.shape[0]),
        dtype=np.float64,
    )
    extra_hours: Floats = np.asarray(
        np.bincount(group, weights=setting.hours * extra, minlength=first.shape[0]),
        dtype=np.float64,
    )
    return _Hires(setting.wage_paths(pop, first), group, hours, extra_hours)


def _wages_and_differentials(
    setting: _Setting,
    force: Workforce,
    paths: WagePaths,
    hires: _Hires | None,
    extra: Floats,
    flat_total: float,
) -> dict[str, Floats]:
    """Each component by year, wages and differentials filled in, over the whole workforce."""
    hours_paid, hours_extra = setting.hours * setting.weight, setting.hours * extra
    parts = {name: np.zeros(len(setting.years)) for name in COMPONENTS}
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
    lump_masks = [_mask(setting.roster, x.where) for x in terms.lump_sums]
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


def _add_totals(
    setting: _Setting, force: Workforce, employer: Floats, parts: dict[str, Floats]
) -> None:
    """Headcount, hours, health and roll-up by year into ``parts``."""
    positions_held = np.asarray(force.incumbents) + np.asarray(force.hires)
    headcount = float(setting.weight.sum()) * positions_held
    parts["headcount"] = headcount
    parts["hours"] = total(setting.hours, setting.weight) * positions_held
    parts["health"] = employer * headcount
    roll = setting.terms.rollup
    parts["rollup"] = roll.rate * (parts["wages"] + parts["differentials"]) + roll.lump_rate * (
        parts["lump_sums"] + parts["profit_sharing"]
    )


def _end_payroll(
    setting: _Setting, force: Workforce, paths: WagePaths, hires: _Hires | None
) -> Floats:
    """By year: the payroll at the rates of the year's last day, over the whole workforce."""
    hire_end = (
        np.zeros(len(setting.years)) if hires is None else hires.paths.end_payroll(hires.hours)
    )
    incumbents_end = paths.end_payroll(setting.hours * setting.weight)
    end: Floats = incumbents_end * np.asarray(force.incumbents) + hire_end * np.asarray(force.hires)
    return end


def _wage_alike(roster: Roster, terms: Terms) -> Ints:
    """Codes equal for rows on the same pay point (classification, step, rate), on the tier or
    not alike, and alike in every field the raises, freezes and red circles are scoped by."""
    scopes = [r.where for r in terms.raises] + [f.where for f in terms.freezes]
    scopes += [c.where for c in terms.red_circles]
    named = {n for scope in scopes for n in ("local", "unit", "region") if getattr(scope, n)}
    tiered, _ = on_tier(roster, terms)
    columns = [roster.pay_points, tiered.astype(np.int64)]
    columns += [roster.coded(name).codes for name in sorted(named)]
    _, codes = dense_codes(*combined(columns))
    return codes


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


def _proposal_cost(
    terms: Terms, costed: _Costed, sq: _Costed, base: BaseYear, group: Ints
) -> ProposalCost:
    term = term_of(terms)
    spans = contract_years(term.start, term.years)
    change = np.subtract(costed.pay, sq.pay)
    change -= (costed.employee_premium - sq.employee_premium)[:, None]
    years = tuple(_year_cost(k + 1, span, costed, sq, base, k) for k, span in enumerate(spans))
    sq_years = tuple(_year_cost(k + 1, span, sq, sq, base, k) for k, span in enumerate(spans))
    whole = _term_cost(years, base, term.start, add_years(term.start, term.years))
    return ProposalCost(
        terms.name, terms, years, whole, sq_years, costed.pay, sq.pay, change, group
    )


def _total(c: _Costed, k: int) -> float:
    t = c.totals
    keys = ("wages", "differentials", "lump_sums", "profit_sharing", "rollup", "health")
    return float(sum(t[name][k] for name in keys))


def _year_cost(
    year: int, span: tuple[date, date], c: _Costed, sq: _Costed, base: BaseYear, k: int
) -> YearCost:
    total, sq_total = _total(c, k), _total(sq, k)
    hours = float(c.totals["hours"][k])
    above_base, above_sq = total - base.total, total - sq_total
    lift = float(c.end_payroll[k]) - base.payroll
    return YearCost(
        year=year,
        start=span[0],
        end=span[1],
        headcount=float(c.totals["headcount"][k]),
        hours=hours,
        wages=float(c.totals["wages"][k]),
        differentials=float(c.totals["differentials"][k]),
        lump_sums=float(c.totals["lump_sums"][k]),
        profit_sharing=float(c.totals["profit_sharing"][k]),
        rollup=float(c.totals["rollup"][k]),
        health=float(c.totals["health"][k]),
        total=total,
        status_quo_total=sq_total,
        above_status_quo=above_sq,
        above_base=above_base,
        percent_of_base_payroll=_share(above_base, base.payroll),
        above_status_quo_percent=_share(above_sq, base.payroll),
        cents_per_hour=100.0 * above_base / hours if hours else 0.0,
        above_status_quo_cents_per_hour=100.0 * above_sq / hours if hours else 0.0,
        end_payroll=float(c.end_payroll[k]),
        lift=lift,
        lift_percent=_share(lift, base.payroll),
    )


def _term_cost(years: tuple[YearCost, ...], base: BaseYear, start: date, end: date) -> YearCost:
    def total(name: str) -> float:
        return float(sum(getattr(y, name) for y in years))

    hours, above_base, above_sq = total("hours"), total("above_base"), total("above_status_quo")
    payroll_over_term = base.payroll * len(years)
    last = years[-1]
    return YearCost(
        year=0,
        start=start,
        end=end,
        headcount=last.headcount,
        hours=hours,
        wages=total("wages"),
        differentials=total("differentials"),
        lump_sums=total("lump_sums"),
        profit_sharing=total("profit_sharing"),
        rollup=total("rollup"),
        health=total("health"),
        total=total("total"),
        status_quo_total=total("status_quo_total"),
        above_status_quo=above_sq,
        above_base=above_base,
        percent_of_base_payroll=_share(above_base, payroll_over_term),
        above_status_quo_percent=_share(above_sq, payroll_over_term),
        cents_per_hour=100.0 * above_base / hours if hours else 0.0,
        above_status_quo_cents_per_hour=100.0 * above_sq / hours if hours else 0.0,
        end_payroll=last.end_payroll,
        lift=last.lift,
        lift_percent=last.lift_percent,
    )


def _share(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def _width(roster: Roster, terms: Terms, status_quo: Terms) -> int:
    tier_scales = terms.new_hire_tier.scales if terms.new_hire_tier else ()
    every = (*terms.scales, *status_quo.scales, *terms.steps.scales, *tier_scales)
    return grid_width(every, int(roster.step.max()) if len(roster) else 1)


def _stacked_versions(
    roster: Roster, terms: Terms, term: Term, width: int
) -> list[tuple[date, Floats]]:
    names = roster.classification.names
    tier, _ = scale_grid(names, terms.new_hire_tier.scales if terms.new_hire_tier else (), width)
    versions = grid_versions(names, term.start, terms.scales, terms.steps.scales, width)
    return [(since, np.vstack([grid, tier])) for since, grid in versions]


def _codes(roster: Roster, pick: Ints | None) -> dict[str, Ints]:
    names = ("local", "unit", "region", "classification")
    return {
        n: roster.coded(n).codes if pick is None else roster.coded(n).codes[pick] for n in names
    }


def _plan(
    roster: Roster,
    terms: Terms,
    stacked: list[tuple[date, Floats]],
    codes: dict[str, Ints],
    captures: tuple[date, ...],
) -> Plan:
    raises = []
    for r in sorted(terms.raises, key=lambda r: r.effective):
        eligible = _scope_mask(roster, r.where, codes)
        for freeze in terms.freezes:
            if freeze.start <= r.effective <= freeze.end:
                frozen = _scope_mask(roster, freeze.where, codes)
                keep = np.zeros_like(codes["local"], dtype=bool) if frozen is None else ~frozen
                eligible = keep if eligible is None else eligible & keep
        raises.append((r, eligible))
    circles = [(c, _scope_mask(roster, c.where, codes)) for c in terms.red_circles]
    return Plan(stacked, raises, circles, captures)


def _mask(roster: Roster, scope: Scope) -> Bools | None:
    return _scope_mask(roster, scope, _codes(roster, None))


def _scope_mask(roster: Roster, scope: Scope, codes: dict[str, Ints]) -> Bools | None:
    if scope.is_everyone:
        return None
    mask: Bools | None = None
    for name in ("local", "unit", "region", "classification"):
        wanted: frozenset[str] | None = getattr(scope, name)
        if not wanted:
            continue
        names = roster.coded(name).names
        picked = np.isin(codes[name], [names.index(w) for w in wanted if w in names])
        mask = picked if mask is None else mask & picked
    return mask


def _check_names(roster: Roster, terms: Terms, status_quo: Terms) -> None:
    """Refuse scopes and scales that name nothing on the roster: a typo would cost nothing."""
    errors: list[str] = []
    scoped: list[tuple[str, Scope]] = []
    for field in ("raises", "freezes", "red_circles", "lump_sums", "differentials"):
        scoped += [(f"{field}[{i}]", x.where) for i, x in enumerate(getattr(terms, field))]
    for label, scope in scoped:
        for name in ("local", "unit", "region", "classification"):
            known = roster.coded(name).names
            for wanted in sorted(getattr(scope, name) or ()):
                if wanted not in known:
                    errors.append(f"{label}.where.{name}: {wanted!r} is not on the roster")
    wide = _width(roster, terms, status_quo)
    _, has_scale = scale_grid(roster.classification.names, terms.scales, wide)
    _, had_scale = scale_grid(roster.classification.names, status_quo.scales, wide)
    for i in np.flatnonzero(has_scale & ~had_scale).tolist():
        errors.append(
            f"scales: {roster.classification.names[i]!r} has no status-quo scale to replace"
        )
    for i, scale in enumerate(terms.steps.scales):
        names = roster.classification.names
        if scale.classification in names and not has_scale[names.index(scale.classification)]:
            errors.append(
                f"steps.scales[{i}].classification: {scale.classification!r} has no scale to change"
            )
    sharing = terms.profit_sharing
    if sharing is not None and terms.term is not None and len(sharing.pools) != terms.term.years:
        errors.append(
            f"profit_sharing.pools: {len(sharing.pools)} pools for a {terms.term.years}-year term"
        )
    if errors:
        raise TermsError(errors)
