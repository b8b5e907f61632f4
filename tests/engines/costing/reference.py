"""A straightforward pure-Python costing: one loop per worker, per contract year, per piece of the
year between the dates where their rate can change. It shares only the terms dataclasses and the
date arithmetic with the engine, so the engine's arrays are checked against an independent
reading of the same method (tests) and timed against it (bench/bench_costing.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from caucus.engines.costing.calendar import add_years, contract_years, fraction, year_of
from caucus.engines.costing.roster import Roster
from caucus.engines.costing.terms import (
    MinimumRate,
    Raise,
    RollupComponent,
    Scope,
    Terms,
    overlay,
)

KEYS = (
    "wages",
    "differentials",
    "time_off",
    "lump_sums",
    "profit_sharing",
    "rollup",
    "health",
    "total",
)


@dataclass
class Worker:
    classification: str
    local: str
    unit: str
    region: str
    step: int
    rate: float
    fte: float
    hours: float
    hire_date: date
    month: int
    day: int


def workers_of(roster: Roster, hours_per_fte: float = 2080.0) -> list[Worker]:
    hours = roster.annual_hours(hours_per_fte)
    out = []
    for i in range(len(roster)):
        out.append(
            Worker(
                roster.classification.names[roster.classification.codes[i]],
                roster.local.names[roster.local.codes[i]],
                roster.unit.names[roster.unit.codes[i]],
                roster.region.names[roster.region.codes[i]],
                int(roster.step[i]),
                float(roster.rate[i]),
                float(roster.fte[i]),
                float(hours[i]),
                roster.hire_date[i].item(),
                int(roster.anniversary_month[i]),
                int(roster.anniversary_day[i]),
            )
        )
    return out


def reference_cost(workers: list[Worker], proposal: Terms, status_quo: Terms) -> dict[str, object]:
    """Per-year totals and per-worker pay and change for the proposal and the status quo."""
    terms = overlay(proposal, status_quo)
    assert terms.term is not None
    sq = overlay(Terms(name="sq", term=terms.term, sections=frozenset({"term"})), status_quo)
    tier = terms.new_hire_tier
    turnover, hiring = (tier.turnover, tier.hiring) if tier else (0.0, 0.0)
    n_years = terms.term.years
    stay = [(1 - turnover) ** (k + 0.5) for k in range(n_years)]
    hired = [(1 + hiring) ** (k + 0.5) - stay[k] for k in range(n_years)]
    mine = _one(workers, terms, status_quo, stay, hired)
    theirs = _one(workers, sq, status_quo, stay, hired)
    change = []
    for w, (p, s) in enumerate(zip(mine["pay"], theirs["pay"], strict=True)):
        change.append(
            [p[k] - s[k] - (mine["premium"][k] - theirs["premium"][k]) for k in range(n_years)]
        )
        del w
    return {
        "totals": mine["totals"],
        "sq_totals": theirs["totals"],
        "pay": mine["pay"],
        "change": change,
    }


def _in(scope: Scope, w: Worker) -> bool:
    for name in ("local", "unit", "region", "classification"):
        wanted = getattr(scope, name)
        if wanted and getattr(w, name) not in wanted:
            return False
    return True


def _scale(scales: object, classification: str) -> list[float] | None:
    for s in scales:  # type: ignore[attr-defined]
        if s.classification == classification:
            return list(s.rates)
    return None


def _adjustments(terms: Terms) -> list:  # type: ignore[type-arg]
    """Raises and the contract's minimum rates, by date; a minimum rate after the raises of its
    day, on the term's start when it gives no date."""
    assert terms.term is not None
    start = terms.term.start
    dated = [(r.effective, 0, r) for r in terms.raises]
    dated += [
        (m.effective or start, 1, replace(m, effective=m.effective or start))
        for m in terms.minimum_rates
    ]
    return [a for _, _, a in sorted(dated, key=lambda d: (d[0], d[1]))]


def _rate_on(day: date, w: Worker, terms: Terms, sq: Terms, entry: bool) -> float:
    """The hourly rate paid on ``day``, worked out from nothing."""
    raises = _adjustments(terms)
    mine = _raised(_normal(day, w, terms, sq, entry), raises, w, terms, before=day, including=True)
    paid = mine
    for circle in terms.red_circles:
        if circle.effective <= day and _in(circle.where, w):
            then = _normal(circle.effective, w, terms, sq, entry)
            frozen = _raised(then, raises, w, terms, before=circle.effective)
            market = circle.market_rate
            for r in raises:
                if circle.effective <= r.effective <= day and isinstance(r, Raise):
                    market = _one_raise(market, r)
            if frozen > circle.market_rate:
                paid = max(frozen, min(mine, market))
    for wage in terms.minimum_wages:
        if wage.effective <= day and _in(wage.where, w):
            paid = max(paid, wage.rate)
    return paid


def _normal(day: date, w: Worker, terms: Terms, sq: Terms, entry: bool) -> float:
    """The rate on ``day`` before any raise: the worker's step on the scale then in force."""
    assert terms.term is not None
    start = terms.term.start
    tier = terms.new_hire_tier
    tier_scale = _scale(tier.scales, w.classification) if tier else None
    on_tier = tier_scale is not None and (entry or w.hire_date > tier.hired_after)  # type: ignore[union-attr]
    sq_scale = _scale(sq.scales, w.classification)
    step = 1 if entry else w.step
    if not entry and terms.steps.movement:
        k = 0
        while add_years(start, k) <= day:
            step += _anniversary(w, add_years(start, k)) <= day
            k += 1
    scale = _scale(terms.scales, w.classification)
    for change in sorted(terms.steps.scales, key=lambda s: s.effective or start):
        if change.classification == w.classification and (change.effective or start) <= day:
            scale = list(change.rates)
    if on_tier:
        assert tier_scale is not None
        return tier_scale[min(step, len(tier_scale)) - 1]
    if sq_scale is None or scale is None:
        return w.rate
    own = 1.0 if entry else w.rate / sq_scale[min(w.step, len(sq_scale)) - 1]
    return own * scale[min(step, len(scale)) - 1]


def _raised(
    rate: float, raises: list, w: Worker, terms: Terms, *, before: date, including: bool = False
) -> float:  # type: ignore[type-arg]
    for r in raises:
        if r.effective < before or (including and r.effective == before):
            if not _in(r.where, w):
                continue
            if isinstance(r, MinimumRate):
                rate = max(rate, r.rate)
                continue
            if any(f.start <= r.effective <= f.end and _in(f.where, w) for f in terms.freezes):
                continue
            rate = _one_raise(rate, r)
    return rate


def _one_raise(rate: float, r: object) -> float:
    if r.percent is None:  # type: ignore[attr-defined]
        return rate + r.cents / 100.0  # type: ignore[attr-defined]
    increase = rate * r.percent / 100.0  # type: ignore[attr-defined]
    if r.floor_cents is not None:  # type: ignore[attr-defined]
        increase = max(increase, r.floor_cents / 100.0)  # type: ignore[attr-defined]
    if r.cap_cents is not None:  # type: ignore[attr-defined]
        increase = min(increase, r.cap_cents / 100.0)  # type: ignore[attr-defined]
    return rate + increase


def _anniversary(w: Worker, begin: date) -> date:
    for year in (begin.year, begin.year + 1):
        day = w.day
        while True:
            try:
                candidate = date(year, w.month, day)
                break
            except ValueError:
                day -= 1
        if candidate >= begin:
            return candidate
    raise AssertionError("unreachable")


def _paths(
    w: Worker, terms: Terms, sq: Terms, entry: bool
) -> tuple[list[float], list[float], dict[date, float]]:
    assert terms.term is not None
    term = terms.term
    cash, end, on = [], [], {}
    fixed = [r.effective for r in terms.raises] + [s.effective for s in terms.steps.scales]
    fixed += [c.effective for c in terms.red_circles] + [lump.paid for lump in terms.lump_sums]
    fixed += [m.effective for m in terms.minimum_rates] + [m.effective for m in terms.minimum_wages]
    for begin, finish in contract_years(term.start, term.years):
        cuts = {begin, finish} | {d for d in fixed if d and begin < d < finish}
        if not entry and terms.steps.movement:
            cuts.add(_anniversary(w, begin))
        ordered = sorted(cuts)
        total = 0.0
        for low, high in pairwise(ordered):
            rate = _rate_on(low, w, terms, sq, entry)
            total += rate * (
                fraction(high, begin, finish, term.day_count)
                - fraction(low, begin, finish, term.day_count)
            )
        cash.append(total)
        end.append(_rate_on(date.fromordinal(finish.toordinal() - 1), w, terms, sq, entry))
    for lump in terms.lump_sums:
        on[lump.paid] = _rate_on(lump.paid, w, terms, sq, entry)
    return cash, end, on


def _one(
    workers: list[Worker], terms: Terms, sq: Terms, stay: list[float], hired: list[float]
) -> dict:  # type: ignore[type-arg]
    assert terms.term is not None
    term = terms.term
    n_years = term.years
    rows = _rows(workers, terms, sq, hired)
    for row in rows:
        row["diffs"] = _differentials(terms, row, n_years)
        row["lumps"] = _lump_sums(terms, row, n_years)
        mine, theirs = (
            _hours_off(terms, row),
            _hours_off(
                overlay(Terms("sq", term=terms.term, sections=frozenset({"term"})), sq), row
            ),
        )
        row["off"] = mine
        row["time_off"] = [
            (mine[k] - theirs[k]) * row["wages"][k] / row["w"].hours if row["w"].hours else 0.0
            for k in range(n_years)
        ]
    _profit_shares(terms, rows, stay, hired)
    totals = {key: [0.0] * n_years for key in (*KEYS, "hours_off")}
    premium = _health(terms, totals, len(workers), stay, hired)
    pay = _add_up(rows, totals, stay, hired)
    roll = terms.rollup
    parts = roll.components or [RollupComponent("all", roll.rate, False)]
    for k in range(n_years):
        base = totals["wages"][k] + totals["differentials"][k] + totals["time_off"][k]
        outside = totals["lump_sums"][k] + totals["profit_sharing"][k]
        if roll.components:
            totals["rollup"][k] = sum(
                c.rate * base + (0 if c.base_only else c.rate) * outside for c in parts
            )
        else:
            totals["rollup"][k] = roll.rate * base + roll.lump_rate * outside
        totals["total"][k] = sum(totals[key][k] for key in KEYS[:-1])
    return {"totals": totals, "pay": pay, "premium": premium}


def _hours_off(terms: Terms, row: dict) -> list[float]:  # type: ignore[type-arg]
    """Hours off with pay in each contract year: holidays prorated by hours paid, from their day;
    vacation weeks of the highest band the worker's service reaches on the year's first day,
    under the schedule (entries of one effective day) in force, piece by piece of the year."""
    assert terms.term is not None
    term = terms.term
    w = row["w"]
    out = []
    for begin, finish in contract_years(term.start, term.years):
        total = 0.0
        for h in terms.holidays:
            if not _in(h.where, w):
                continue
            day = h.effective or term.start
            share = (
                1.0
                if day <= begin
                else 0.0
                if day >= finish
                else 1 - fraction(day, begin, finish, term.day_count)
            )
            total += h.hours * w.hours / term.hours_per_fte * share
        days = sorted({v.effective or term.start for v in terms.vacation})
        cuts = sorted({begin, finish} | {d for d in days if begin < d < finish})
        for low, high in pairwise(cuts):
            in_force = [d for d in days if d <= low]
            if not in_force:
                continue
            weeks, best = 0.0, -1
            for v in terms.vacation:
                if (v.effective or term.start) != in_force[-1] or not _in(v.where, w):
                    continue
                served = min_years_served(w.hire_date, begin) if not row["hire"] else 0
                if served >= v.min_years and (v.min_years, v.weeks) > (best, weeks):
                    weeks, best = v.weeks, v.min_years
            share = fraction(high, begin, finish, term.day_count) - fraction(
                low, begin, finish, term.day_count
            )
            total += weeks * w.hours / 52 * share
        out.append(total)
    return out


def min_years_served(hired: date, on: date) -> int:
    """Whole years from ``hired`` to ``on``."""
    years = on.year - hired.year
    while years > 0 and add_years(hired, years) > on:
        years -= 1
    return max(years, 0)


def _rows(workers: list[Worker], terms: Terms, sq: Terms, hired: list[float]) -> list[dict]:  # type: ignore[type-arg]
    """One row per worker, then (when any position goes to hires) one per hire in their place."""
    lowest: dict[str, float] = {}
    for w in workers:
        lowest[w.classification] = min(lowest.get(w.classification, w.rate), w.rate)
    rows = []
    for w in workers:
        cash, end, on = _paths(w, terms, sq, entry=False)
        row = {"w": w, "wages": [c * w.hours for c in cash], "end": end, "on": on, "hire": False}
        rows.append(row)
    if any(h != 0 for h in hired):
        for w in workers:
            e = Worker(**{**w.__dict__, "rate": lowest[w.classification], "step": 1})
            cash, end, on = _paths(e, terms, sq, entry=True)
            rows.append(
                {"w": e, "wages": [c * w.hours for c in cash], "end": end, "on": on, "hire": True}
            )
    return rows


def _differentials(terms: Terms, row: dict, n_years: int) -> list[float]:  # type: ignore[type-arg]
    w = row["w"]
    diffs = [0.0] * n_years
    for d in terms.differentials:
        if _in(d.where, w):
            for k in range(n_years):
                if d.cents is not None:
                    diffs[k] += d.share_of_hours * d.cents / 100.0 * w.hours
                else:
                    diffs[k] += d.share_of_hours * d.percent / 100.0 * row["wages"][k]
    return diffs


def _lump_sums(terms: Terms, row: dict, n_years: int) -> list[float]:  # type: ignore[type-arg]
    assert terms.term is not None
    w = row["w"]
    lumps = [0.0] * n_years
    for lump in terms.lump_sums:
        k = year_of(lump.paid, terms.term.start, n_years)
        if k is None or w.fte < lump.min_fte or not _in(lump.where, w):
            continue
        if lump.hired_before is not None and (row["hire"] or not w.hire_date < lump.hired_before):
            continue
        if lump.amount is not None:
            lumps[k] += lump.amount * (w.fte if lump.prorate_fte else 1.0)
        else:
            lumps[k] += lump.percent / 100.0 * row["on"][lump.paid] * w.hours
    return lumps


def _profit_shares(terms: Terms, rows: list[dict], stay: list[float], hired: list[float]) -> None:  # type: ignore[type-arg]
    """Each row's profit share by year, into ``row["share"]``."""
    sharing = terms.profit_sharing
    for row in rows:
        row["share"] = [0.0] * len(stay)
    if sharing is None:
        return
    for k in range(len(stay)):
        weight_total = 0.0
        for row in rows:
            weight_total += _weight(sharing.formula, row, k) * (
                hired[k] if row["hire"] else stay[k]
            )
        per = sharing.pools[k] / weight_total if weight_total > 0 else 0.0
        for row in rows:
            row["share"][k] = max(per * _weight(sharing.formula, row, k), sharing.minimum)


def _health(
    terms: Terms,
    totals: dict[str, list[float]],
    workers: int,
    stay: list[float],
    hired: list[float],
) -> list[float]:
    """The employer's premiums by year into ``totals``; returns the employee's, per worker."""
    health = terms.health
    premium = [0.0] * len(stay)
    for k in range(len(stay)):
        employer = 0.0
        if health is not None:
            yearly = (
                12
                * health.monthly_premium
                * health.enrolled
                * (1 + health.premium_growth) ** (k + 1)
            )
            employer, premium[k] = (
                yearly * health.employer_share,
                yearly * (1 - health.employer_share),
            )
        totals["health"][k] = employer * workers * (stay[k] + hired[k])
    return premium


def _add_up(
    rows: list[dict],  # type: ignore[type-arg]
    totals: dict[str, list[float]],
    stay: list[float],
    hired: list[float],
) -> list[list[float]]:
    """Every row's pay into ``totals``, each times the share of the position it holds; returns
    each worker's pay by year."""
    pay = []
    for row in rows:
        weight = hired if row["hire"] else stay
        for k in range(len(stay)):
            totals["hours_off"][k] += row["off"][k] * weight[k]
            for key, values in (
                ("wages", row["wages"]),
                ("differentials", row["diffs"]),
                ("time_off", row["time_off"]),
                ("lump_sums", row["lumps"]),
                ("profit_sharing", row["share"]),
            ):
                totals[key][k] += values[k] * weight[k]
        if not row["hire"]:
            pay.append(
                [
                    row["wages"][k] + row["diffs"][k] + row["lumps"][k] + row["share"][k]
                    for k in range(len(stay))
                ]
            )
    return pay


def _weight(formula: str, row: dict, k: int) -> float:  # type: ignore[type-arg]
    if formula == "hours":
        return float(row["w"].hours)
    if formula == "pay":
        return float(row["wages"][k])
    return 1.0
