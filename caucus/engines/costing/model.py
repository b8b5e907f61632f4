"""The cost model: a roster, the status quo and proposals in; costs per contract year, over the
term and per worker out (``cost_proposals``). The method is in docs/costing.md.

Each proposal is the status quo with the proposal's sections laid over it, costed over the
proposal's term (``pay.cost_terms``); the status quo is costed over the same dates and with the
same workforce assumption, so "above status quo" compares like with like. The base year and the
status quo are paid the status quo's hours per FTE (``base_hours_per_fte``), each proposal its
own. No figure depends on the order the proposals are listed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.beside_rate import Side, differential_pay
from caucus.engines.costing.calendar import add_years, contract_years
from caucus.engines.costing.leave import service_cuts
from caucus.engines.costing.pay import Costed, cost_terms
from caucus.engines.costing.plans import scale_width, scope_mask
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.results import (
    BaseYear,
    CostingRun,
    ProposalCost,
    RollupCost,
    YearCost,
)
from caucus.engines.costing.roster import Roster
from caucus.engines.costing.steps import scale_grid
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
from caucus.engines.costing.tiers import anniversary_positions, workforce
from caucus.engines.costing.wages import WagePaths

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
SCOPED = (
    "raises",
    "freezes",
    "red_circles",
    "minimum_rates",
    "minimum_wages",
    "lump_sums",
    "differentials",
    "holidays",
    "vacation",
)  # the sections whose entries name the workers they reach (``where``)
# progress(done, total, stage): proposals costed so far, proposals in all, what runs now
Progress = Callable[[int, int, str], None]


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
    group, alike, count = _alike(roster, status_quo, resolved)
    base = base_year(alike, status_quo, alike.annual_hours(hours_per_fte), count)
    cache: dict[tuple[object, ...], Costed] = {}
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
        costed = cost_terms(alike, terms, status_quo, force, positions, count)
        # the status quo over the proposal's dates, on the status quo's hours
        sq_term = replace(term, hours_per_fte=hours_per_fte)
        sq_terms = overlay(
            Terms(name=status_quo.name, term=sq_term, sections=frozenset({"term"})), status_quo
        )
        key = (sq_term, force)
        if key not in cache:
            cache[key] = cost_terms(alike, sq_terms, status_quo, force, positions, count, paths)
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


def _alike(roster: Roster, status_quo: Terms, resolved: list[Terms]) -> tuple[Ints, Roster, Floats]:
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
    for terms in [status_quo, *resolved]:
        if terms.new_hire_tier is not None:
            cuts.add(terms.new_hire_tier.hired_after + timedelta(days=1))
        cuts |= {lump.hired_before for lump in terms.lump_sums if lump.hired_before is not None}
    # vacation bands: years of service on the first day of each contract year, under each
    # proposal and under the status quo over the proposal's dates
    for terms in resolved:
        term = term_of(terms)
        years = contract_years(term.start, term.years)
        cuts |= service_cuts(terms.vacation, years) | service_cuts(status_quo.vacation, years)
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
    masks = [scope_mask(roster, d.where) for d in status_quo.differentials]
    side = Side(hours, roster.fte, wages[None, :], {}, roster.hire_date, weight)
    diffs = float(side.total(differential_pay(status_quo.differentials, side, masks)).sum())
    roll = status_quo.rollup
    rollup = roll.base_rate * (payroll + diffs)
    components = tuple(
        RollupCost(c.name, c.rate, c.base_only, c.rate * (payroll + diffs)) for c in roll.components
    )
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
        cost_of_one_percent_with_rollup=payroll * 0.01 * (1.0 + roll.base_rate),
        rollup_components=components,
    )


def _proposal_cost(
    terms: Terms, costed: Costed, sq: Costed, base: BaseYear, group: Ints
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


def _total(c: Costed, k: int) -> float:
    t = c.totals
    keys = ("wages", "differentials", "time_off", "lump_sums", "profit_sharing", "rollup", "health")
    return float(sum(t[name][k] for name in keys))


def _year_cost(
    year: int, span: tuple[date, date], c: Costed, sq: Costed, base: BaseYear, k: int
) -> YearCost:
    total, sq_total = _total(c, k), _total(sq, k)
    t = c.totals
    hours = float(t["hours"][k])
    above_base, above_sq = total - base.total, total - sq_total
    lift = float(c.end_payroll[k]) - base.payroll
    return YearCost(
        year=year,
        start=span[0],
        end=span[1],
        headcount=float(t["headcount"][k]),
        hours=hours,
        wages=float(t["wages"][k]),
        differentials=float(t["differentials"][k]),
        lump_sums=float(t["lump_sums"][k]),
        profit_sharing=float(t["profit_sharing"][k]),
        rollup=float(t["rollup"][k]),
        health=float(t["health"][k]),
        total=total,
        status_quo_total=sq_total,
        above_status_quo=above_sq,
        above_base=above_base,
        percent_of_base_payroll=_share(above_base, base.payroll),
        above_status_quo_percent=_share(above_sq, base.payroll),
        cents_per_hour=_cents(above_base, hours),
        above_status_quo_cents_per_hour=_cents(above_sq, hours),
        end_payroll=float(c.end_payroll[k]),
        lift=lift,
        lift_percent=_share(lift, base.payroll),
        percent_of_base_payroll_a_year=_share(above_base, base.payroll),
        **_wages_and_time_off(c, sq, base, k, above_base, above_sq),
        rollup_components=_rollup_costs(c, sq, k),
    )


def _wages_and_time_off(
    c: Costed, sq: Costed, base: BaseYear, k: int, above_base: float, above_sq: float
) -> dict[str, float]:
    """Year ``k``'s wages alone against the base year and the status quo, and its time off
    and hours worked (the cents per hour worked the costing guides give)."""
    t = c.totals
    hours = float(t["hours"][k])
    worked = hours - float(t["hours_off"][k])
    wages = float(t["wages"][k])
    above, above_sq_wages = wages - base.payroll, wages - float(sq.totals["wages"][k])
    time_off = float(t["time_off"][k])
    return {
        "wages_above_base": above,
        "wages_percent_of_base_payroll": _share(above, base.payroll),
        "wages_cents_per_hour": _cents(above, hours),
        "wages_above_status_quo": above_sq_wages,
        "wages_above_status_quo_percent": _share(above_sq_wages, base.payroll),
        "wages_above_status_quo_cents_per_hour": _cents(above_sq_wages, hours),
        "wages_percent_of_base_payroll_a_year": _share(above, base.payroll),
        "time_off": time_off,
        "hours_off": float(t["hours_off"][k]),
        "hours_worked": worked,
        "time_off_cents_per_hour_worked": _cents(time_off, worked),
        "cents_per_hour_worked": _cents(above_base, worked),
        "above_status_quo_cents_per_hour_worked": _cents(above_sq, worked),
    }


def _rollup_costs(c: Costed, sq: Costed, k: int) -> tuple[RollupCost, ...]:
    """Each roll-up component's dollars in year ``k``, and above the status quo's (a component
    the status quo has not got is all above it)."""
    sq_parts = {part.name: dollars for part, dollars in sq.rollup_parts}
    out = []
    for part, dollars in c.rollup_parts:
        theirs = float(sq_parts[part.name][k]) if part.name in sq_parts else 0.0
        out.append(
            RollupCost(
                part.name, part.rate, part.base_only, float(dollars[k]), float(dollars[k]) - theirs
            )
        )
    return tuple(out)


def _term_cost(years: tuple[YearCost, ...], base: BaseYear, start: date, end: date) -> YearCost:
    def total(name: str) -> float:
        return float(sum(getattr(y, name) for y in years))

    hours, above_base, above_sq = total("hours"), total("above_base"), total("above_status_quo")
    worked, time_off = total("hours_worked"), total("time_off")
    wages_above_base, wages_above_sq = total("wages_above_base"), total("wages_above_status_quo")
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
        cents_per_hour=_cents(above_base, hours),
        above_status_quo_cents_per_hour=_cents(above_sq, hours),
        end_payroll=last.end_payroll,
        lift=last.lift,
        lift_percent=last.lift_percent,
        wages_above_base=wages_above_base,
        wages_percent_of_base_payroll=_share(wages_above_base, payroll_over_term),
        wages_cents_per_hour=_cents(wages_above_base, hours),
        wages_above_status_quo=wages_above_sq,
        wages_above_status_quo_percent=_share(wages_above_sq, payroll_over_term),
        wages_above_status_quo_cents_per_hour=_cents(wages_above_sq, hours),
        percent_of_base_payroll_a_year=_share(above_base, payroll_over_term),
        wages_percent_of_base_payroll_a_year=_share(wages_above_base, payroll_over_term),
        time_off=time_off,
        hours_off=total("hours_off"),
        hours_worked=worked,
        time_off_cents_per_hour_worked=_cents(time_off, worked),
        cents_per_hour_worked=_cents(above_base, worked),
        above_status_quo_cents_per_hour_worked=_cents(above_sq, worked),
        rollup_components=tuple(
            RollupCost(
                part.name,
                part.rate,
                part.base_only,
                sum(y.rollup_components[i].amount for y in years),
                sum(y.rollup_components[i].above_status_quo for y in years),
            )
            for i, part in enumerate(last.rollup_components)
        ),
    )


def _cents(dollars: float, hours: float) -> float:
    return 100.0 * dollars / hours if hours else 0.0


def _share(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def _check_names(roster: Roster, terms: Terms, status_quo: Terms) -> None:
    """Refuse scopes and scales that name nothing on the roster: a typo would cost nothing."""
    errors: list[str] = []
    scoped: list[tuple[str, Scope]] = []
    for field in SCOPED:
        scoped += [(f"{field}[{i}]", x.where) for i, x in enumerate(getattr(terms, field))]
    for label, scope in scoped:
        for name in ("local", "unit", "region", "classification"):
            known = roster.coded(name).names
            for wanted in sorted(getattr(scope, name) or ()):
                if wanted not in known:
                    errors.append(f"{label}.where.{name}: {wanted!r} is not on the roster")
    wide = scale_width(roster, terms, status_quo)
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
