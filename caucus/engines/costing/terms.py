"""Economic terms of a proposal (or of the status quo): the schema, its validation, the overlay.

A terms file (TOML or JSON, schema in docs/costing.md) lists the sections it sets. A proposal's
missing sections are the status quo's (``overlay``). ``parse_terms`` refuses unknown fields,
impossible dates, negative hours and the like, naming each field; it never returns half-checked
terms.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

from caucus.engines.costing.calendar import DayCount, add_years
from caucus.engines.costing.floors import (
    MinimumRate,
    MinimumWage,
    read_minimum_rate,
    read_minimum_wage,
)
from caucus.engines.costing.leave import Holiday, Vacation, read_holiday, read_vacation
from caucus.engines.costing.reader import Reader, TermsError
from caucus.engines.costing.rollups import NO_ROLLUP, Rollup, RollupComponent, read_rollup
from caucus.engines.costing.scopes import EVERYONE, Scope, read_scope

SharingFormula = Literal["equal", "hours", "pay"]
HOURS_PER_FTE = 2080.0  # a year of 40-hour weeks, when a term gives no hours_per_fte
SECTIONS = (
    "term",
    "scales",
    "raises",
    "steps",
    "new_hire_tier",
    "freezes",
    "red_circles",
    "minimum_rates",
    "minimum_wages",
    "lump_sums",
    "profit_sharing",
    "differentials",
    "health",
    "rollup",
    "holidays",
    "vacation",
)


@dataclass(frozen=True)
class Term:
    start: date
    years: int
    day_count: DayCount = "actual"
    hours_per_fte: float = HOURS_PER_FTE


@dataclass(frozen=True)
class Scale:
    """Hourly rates by step (step 1 first) for one classification, from ``effective`` on."""

    classification: str
    rates: tuple[float, ...]
    effective: date | None = None


@dataclass(frozen=True)
class Raise:
    """An across-the-board (or scoped) raise: a percent with optional floor and cap, or cents."""

    effective: date
    percent: float | None = None
    cents: float | None = None
    floor_cents: float | None = None
    cap_cents: float | None = None
    where: Scope = EVERYONE
    label: str = ""


@dataclass(frozen=True)
class Steps:
    movement: bool = True
    scales: tuple[Scale, ...] = ()


@dataclass(frozen=True)
class NewHireTier:
    hired_after: date
    scales: tuple[Scale, ...]
    turnover: float = 0.0
    hiring: float = 0.0


@dataclass(frozen=True)
class Freeze:
    start: date
    end: date
    where: Scope = EVERYONE


@dataclass(frozen=True)
class RedCircle:
    market_rate: float
    effective: date
    where: Scope = EVERYONE


@dataclass(frozen=True)
class LumpSum:
    paid: date
    amount: float | None = None
    percent: float | None = None
    where: Scope = EVERYONE
    min_fte: float = 0.0
    hired_before: date | None = None
    prorate_fte: bool = False
    label: str = ""


@dataclass(frozen=True)
class ProfitSharing:
    pools: tuple[float, ...]
    formula: SharingFormula = "equal"
    minimum: float = 0.0


@dataclass(frozen=True)
class Differential:
    name: str
    share_of_hours: float
    cents: float | None = None
    percent: float | None = None
    where: Scope = EVERYONE


@dataclass(frozen=True)
class Health:
    monthly_premium: float
    employer_share: float
    enrolled: float = 1.0
    premium_growth: float = 0.0


@dataclass(frozen=True)
class Terms:
    name: str
    term: Term | None = None
    scales: tuple[Scale, ...] = ()
    raises: tuple[Raise, ...] = ()
    steps: Steps = Steps()
    new_hire_tier: NewHireTier | None = None
    freezes: tuple[Freeze, ...] = ()
    red_circles: tuple[RedCircle, ...] = ()
    minimum_rates: tuple[MinimumRate, ...] = ()
    minimum_wages: tuple[MinimumWage, ...] = ()
    lump_sums: tuple[LumpSum, ...] = ()
    profit_sharing: ProfitSharing | None = None
    differentials: tuple[Differential, ...] = ()
    health: Health | None = None
    rollup: Rollup = NO_ROLLUP
    holidays: tuple[Holiday, ...] = ()
    vacation: tuple[Vacation, ...] = ()
    sections: frozenset[str] = field(default_factory=frozenset)


def overlay(proposal: Terms, status_quo: Terms) -> Terms:
    """The proposal with every section it leaves out taken from the status quo."""
    taken = {s: getattr(status_quo, s) for s in SECTIONS if s not in proposal.sections}
    return replace(proposal, **taken, sections=proposal.sections | status_quo.sections)


def load_terms(path: str | Path) -> Terms:
    """Read and validate a TOML or JSON terms file; the name defaults to the file's stem."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode())
    except (ValueError, UnicodeDecodeError) as error:
        raise TermsError([f"{path.name}: {error}"]) from error
    return parse_terms(data, default_name=path.stem)


def parse_terms(data: object, default_name: str = "proposal") -> Terms:
    errors: list[str] = []
    top = Reader(data, "", errors)
    top.refuse_unknown({"name", *SECTIONS})
    name = top.text("name", default_name) or default_name
    term = _term(top.table("term"))
    scales = tuple(s for r in top.tables("scales") if (s := _scale(r, dated=False)))
    raises = tuple(x for r in top.tables("raises") if (x := _raise(r)))
    steps_reader = top.table("steps")
    steps = _steps(steps_reader) if steps_reader else Steps()
    tier_reader = top.table("new_hire_tier")
    tier = _tier(tier_reader) if tier_reader else None
    freezes = tuple(f for r in top.tables("freezes") if (f := _freeze(r)))
    circles = tuple(c for r in top.tables("red_circles") if (c := _red_circle(r)))
    minimum_rates = tuple(m for r in top.tables("minimum_rates") if (m := read_minimum_rate(r)))
    minimum_wages = tuple(w for r in top.tables("minimum_wages") if (w := read_minimum_wage(r)))
    lumps = tuple(ls for r in top.tables("lump_sums") if (ls := _lump_sum(r)))
    sharing_reader = top.table("profit_sharing")
    sharing = _sharing(sharing_reader) if sharing_reader else None
    diffs = tuple(d for r in top.tables("differentials") if (d := _differential(r)))
    health_reader = top.table("health")
    health = _health(health_reader) if health_reader else None
    rollup_reader = top.table("rollup")
    rollup = read_rollup(rollup_reader) if rollup_reader else NO_ROLLUP
    holidays = tuple(h for r in top.tables("holidays") if (h := read_holiday(r)))
    vacation = tuple(v for r in top.tables("vacation") if (v := read_vacation(r)))
    if errors:
        raise TermsError(errors)
    terms = Terms(
        name=name,
        term=term,
        scales=scales,
        raises=raises,
        steps=steps,
        new_hire_tier=tier,
        freezes=freezes,
        red_circles=circles,
        minimum_rates=minimum_rates,
        minimum_wages=minimum_wages,
        lump_sums=lumps,
        profit_sharing=sharing,
        differentials=diffs,
        health=health,
        rollup=rollup,
        holidays=holidays,
        vacation=vacation,
        sections=frozenset(k for k in SECTIONS if top.has(k)),
    )
    return terms


def term_of(terms: Terms) -> Term:
    """The contract term of ``terms``; TermsError when they have none (costing needs one)."""
    if terms.term is None:
        raise TermsError([f"{terms.name}: term: is required (start and years)"])
    return terms.term


def check_dates(terms: Terms) -> None:
    """Refuse dated terms that fall outside the contract term (after the overlay)."""
    term = term_of(terms)
    start, end = term.start, add_years(term.start, term.years)
    dated: list[tuple[str, date | None]] = []
    dated += [(f"raises[{i}].effective", r.effective) for i, r in enumerate(terms.raises)]
    dated += [
        (f"steps.scales[{i}].effective", s.effective) for i, s in enumerate(terms.steps.scales)
    ]
    dated += [(f"red_circles[{i}].effective", c.effective) for i, c in enumerate(terms.red_circles)]
    dated += [(f"lump_sums[{i}].paid", x.paid) for i, x in enumerate(terms.lump_sums)]
    dated += [
        (f"minimum_rates[{i}].effective", m.effective) for i, m in enumerate(terms.minimum_rates)
    ]
    dated += [(f"holidays[{i}].effective", h.effective) for i, h in enumerate(terms.holidays)]
    dated += [(f"vacation[{i}].effective", v.effective) for i, v in enumerate(terms.vacation)]
    errors = [
        f"{name}: {value} is outside the term ({start} to {end})"
        for name, value in dated
        if value is not None and not start <= value < end
    ]
    # a minimum wage may be in force already: only one the term never reaches is refused
    errors += [
        f"minimum_wages[{i}].effective: {w.effective} is after the term ({start} to {end})"
        for i, w in enumerate(terms.minimum_wages)
        if w.effective >= end
    ]
    if errors:
        raise TermsError(errors)


def _term(r: Reader | None) -> Term | None:
    if r is None:
        return None
    r.refuse_unknown({"start", "years", "day_count", "hours_per_fte"})
    start = r.day("start", required=True)
    years = r.integer("years", low=1, high=10, required=True)
    day_count = r.text("day_count", "actual")
    if day_count not in ("actual", "30/360"):
        r.fail("day_count", f"{day_count!r} is not 'actual' or '30/360'")
        day_count = "actual"
    hours = r.number("hours_per_fte", HOURS_PER_FTE, low=1.0, high=8784.0)
    if start is None or years is None:
        return None
    return Term(
        start, years, "30/360" if day_count == "30/360" else "actual", hours or HOURS_PER_FTE
    )


def _scale(r: Reader, *, dated: bool) -> Scale | None:
    r.refuse_unknown(
        {"classification", "rates", "effective"} if dated else {"classification", "rates"}
    )
    classification = r.text("classification")
    if classification is None:
        r.fail("classification", "is required")
    rates = r.data.get("rates")
    good: list[float] = []
    if not isinstance(rates, list) or not rates:
        r.fail("rates", "expected a non-empty list of hourly rates, step 1 first")
    else:
        for i, value in enumerate(rates):
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                r.errors.append(f"{r.name('rates')}[{i}]: {value!r} is not a positive rate")
            else:
                good.append(float(value))
    effective = r.day("effective", required=True) if dated else None
    if classification is None or len(good) != len(rates or []) or (dated and effective is None):
        return None
    return Scale(classification, tuple(good), effective)


def _raise(r: Reader) -> Raise | None:
    r.refuse_unknown(
        {"effective", "percent", "cents", "floor_cents", "cap_cents", "where", "label"}
    )
    effective = r.day("effective", required=True)
    percent = r.number("percent", low=-50.0, high=100.0)
    cents = r.number("cents", low=-1000.0, high=10000.0)
    if r.has("percent") and r.has("cents"):
        r.fail("cents", "give either percent or cents, not both")
    elif not r.has("percent") and not r.has("cents"):
        r.fail("percent", "give either percent or cents")
    floor = r.number("floor_cents", low=0.0)
    cap = r.number("cap_cents", low=0.0)
    if (floor is not None or cap is not None) and percent is None:
        r.fail(
            "floor_cents" if floor is not None else "cap_cents", "applies to percent raises only"
        )
    if (floor is not None or cap is not None) and percent is not None and percent < 0:
        r.fail("percent", "a cut takes no floor_cents or cap_cents")
    if floor is not None and cap is not None and floor > cap:
        r.fail("cap_cents", f"{cap:g} is below floor_cents {floor:g}")
    where = read_scope(r)
    label = r.text("label", "") or ""
    if effective is None or (percent is None and cents is None):
        return None
    return Raise(effective, percent, cents, floor, cap, where, label)


def _steps(r: Reader) -> Steps:
    r.refuse_unknown({"movement", "scales"})
    movement = r.boolean("movement", True)
    scales = tuple(s for x in r.tables("scales") if (s := _scale(x, dated=True)))
    return Steps(movement, scales)


def _tier(r: Reader) -> NewHireTier | None:
    r.refuse_unknown({"hired_after", "scales", "turnover", "hiring"})
    hired_after = r.day("hired_after", required=True)
    scales = tuple(s for x in r.tables("scales") if (s := _scale(x, dated=False)))
    if not r.has("scales"):
        r.fail("scales", "is required (the tier's rates by classification)")
    turnover = r.number("turnover", 0.0, low=0.0, high=0.99) or 0.0
    hiring = r.number("hiring", 0.0, low=-0.5, high=1.0) or 0.0
    return None if hired_after is None else NewHireTier(hired_after, scales, turnover, hiring)


def _freeze(r: Reader) -> Freeze | None:
    r.refuse_unknown({"start", "end", "where"})
    start, end = r.day("start", required=True), r.day("end", required=True)
    where = read_scope(r)
    if start and end and end < start:
        r.fail("end", f"{end} is before start {start}")
        return None
    return Freeze(start, end, where) if start and end else None


def _red_circle(r: Reader) -> RedCircle | None:
    r.refuse_unknown({"market_rate", "effective", "where"})
    rate = r.number("market_rate", low=0.01, required=True)
    effective = r.day("effective", required=True)
    where = read_scope(r)
    return RedCircle(rate, effective, where) if rate is not None and effective else None


def _lump_sum(r: Reader) -> LumpSum | None:
    allowed = {
        "paid",
        "amount",
        "percent",
        "where",
        "min_fte",
        "hired_before",
        "prorate_fte",
        "label",
    }
    r.refuse_unknown(allowed)
    paid = r.day("paid", required=True)
    amount = r.number("amount", low=0.0)
    percent = r.number("percent", low=0.0, high=100.0)
    if r.has("amount") == r.has("percent"):
        r.fail("amount", "give either amount or percent")
    min_fte = r.number("min_fte", 0.0, low=0.0, high=1.5) or 0.0
    hired_before = r.day("hired_before")
    prorate = r.boolean("prorate_fte", False)
    where = read_scope(r)
    label = r.text("label", "") or ""
    if paid is None or (amount is None and percent is None):
        return None
    return LumpSum(paid, amount, percent, where, min_fte, hired_before, prorate, label)


def _sharing(r: Reader) -> ProfitSharing | None:
    r.refuse_unknown({"pools", "formula", "minimum"})
    pools = r.data.get("pools")
    good: list[float] = []
    if not isinstance(pools, list) or not pools:
        r.fail("pools", "expected a list of pool amounts, one per contract year")
    else:
        for i, value in enumerate(pools):
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                r.errors.append(f"{r.name('pools')}[{i}]: {value!r} is not an amount of 0 or more")
            else:
                good.append(float(value))
    formula = r.text("formula", "equal")
    if formula not in ("equal", "hours", "pay"):
        r.fail("formula", f"{formula!r} is not 'equal', 'hours' or 'pay'")
        return None
    minimum = r.number("minimum", 0.0, low=0.0) or 0.0
    if not good or len(good) != len(pools or []):
        return None
    shape: SharingFormula = (
        "hours" if formula == "hours" else "pay" if formula == "pay" else "equal"
    )
    return ProfitSharing(tuple(good), shape, minimum)


def _differential(r: Reader) -> Differential | None:
    r.refuse_unknown({"name", "share_of_hours", "cents", "percent", "where"})
    name = r.text("name", "differential") or "differential"
    share = r.number("share_of_hours", low=0.0, high=1.0, required=True)
    cents = r.number("cents", low=0.0)
    percent = r.number("percent", low=0.0, high=100.0)
    if r.has("cents") == r.has("percent"):
        r.fail("cents", "give either cents or percent")
    where = read_scope(r)
    if share is None or (cents is None and percent is None):
        return None
    return Differential(name, share, cents, percent, where)


def _health(r: Reader) -> Health | None:
    r.refuse_unknown({"monthly_premium", "employer_share", "enrolled", "premium_growth"})
    premium = r.number("monthly_premium", low=0.0, required=True)
    share = r.number("employer_share", low=0.0, high=1.0, required=True)
    enrolled = r.number("enrolled", 1.0, low=0.0, high=1.0)
    growth = r.number("premium_growth", 0.0, low=-0.5, high=1.0)
    if premium is None or share is None:
        return None
    return Health(premium, share, 1.0 if enrolled is None else enrolled, growth or 0.0)


__all__ = [
    "Holiday",
    "MinimumRate",
    "MinimumWage",
    "Rollup",
    "RollupComponent",
    "Scope",
    "Terms",
    "TermsError",
    "Vacation",
    "check_dates",
    "load_terms",
    "overlay",
    "parse_terms",
    "term_of",
]
