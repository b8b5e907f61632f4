"""Economic terms in plain words, and the amounts a proposal's text names that its terms do
not cost.

``describe_terms`` turns parsed terms (``caucus.engines.costing.terms``) into short phrases a
member reads ("3% on April 1, 2027", "a $1,000 lump sum on December 1, 2026 to everyone hired
before January 1, 2026"), one per provision, in the order of the terms file; ``terms_in_words``
joins them into one sentence. Nothing is left out silently: every section the terms set gives
at least one phrase.

``uncosted_amounts`` reads a proposal's text for money ("$19.25", "$1,000", "50¢", "50 cents")
and percentages ("3%", "2.5 percent") and returns, in the order the text names them, those that
no figure of the terms matches: what the text promises and the costing would not count. A
figure matches to the cent (money) or to the hundredth of a point (percent); a scale's rate
matches as set and once the raises effective the same day apply ("no rate below $19.50",
costed as a scale of $18.40 raised 6% that day).

Pure: no Django; the staff pages, the member pages and the API all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from caucus.engines.costing.terms import (
    HOURS_PER_FTE,
    Differential,
    Health,
    LumpSum,
    NewHireTier,
    ProfitSharing,
    Raise,
    Scale,
    Terms,
)


class Scope(Protocol):
    """Who a term reaches (``caucus.engines.costing`` scopes): any of these, or everyone."""

    @property
    def local(self) -> frozenset[str] | None: ...
    @property
    def unit(self) -> frozenset[str] | None: ...
    @property
    def region(self) -> frozenset[str] | None: ...
    @property
    def classification(self) -> frozenset[str] | None: ...
    @property
    def is_everyone(self) -> bool: ...


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FORMULAS = {"equal": "in equal shares", "hours": "by hours worked", "pay": "by pay"}


def day(value: date) -> str:
    """``April 1, 2027``: the one way this module writes a date, the pages' DATE_FORMAT in
    English (caucus/formats/en)."""
    return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"


def number(value: float, places: int = 2) -> str:
    """``3``, ``2.5``, ``0.25``: a figure with no trailing zeros."""
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(value: float) -> str:
    return f"{number(value)}%"


def money(value: float, *, cents: bool | None = None) -> str:
    """``$19.25``, ``$1,000``; whole dollars drop the cents unless ``cents`` asks for them."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    show_cents = cents if cents is not None else value != int(value)
    return f"{sign}${value:,.2f}" if show_cents else f"{sign}${value:,.0f}"


def per_hour(cents_value: float) -> str:
    """A cents-per-hour figure: ``75¢ an hour``, ``$1.50 an hour``."""
    if abs(cents_value) < 100:
        return f"{number(abs(cents_value))}¢ an hour"
    return f"{money(abs(cents_value) / 100, cents=True)} an hour"


def listing(words: Iterable[str], conjunction: str = "and") -> str:
    items = list(words)
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def scope(where: Scope) -> str:
    """`` for Nurse and Tech in North`` — who a term reaches; "" for everyone."""
    if where.is_everyone:
        return ""
    parts = []
    if where.classification:
        parts.append(f" for {listing(sorted(where.classification))}")
    places = [
        (where.region, "the {} region", "the {} regions"),
        (where.local, "local {}", "locals {}"),
        (where.unit, "unit {}", "units {}"),
    ]
    for names, one, several in places:
        if names:
            shown = listing(sorted(names))
            parts.append(f" in {(one if len(names) == 1 else several).format(shown)}")
    if not where.classification:
        parts.insert(0, " for workers")
    return "".join(parts)


def describe_raise(r: Raise) -> str:
    if r.percent is not None:
        what = percent(r.percent) if r.percent >= 0 else f"a cut of {percent(-r.percent)}"
        bounds = []
        if r.floor_cents is not None:
            bounds.append(f"at least {per_hour(r.floor_cents)}")
        if r.cap_cents is not None:
            bounds.append(f"at most {per_hour(r.cap_cents)}")
        if bounds:
            what += f" ({listing(bounds)})"
    else:
        cents_value = r.cents or 0.0
        what = per_hour(cents_value) if cents_value >= 0 else f"a cut of {per_hour(cents_value)}"
    label = f" ({r.label})" if r.label and r.label.lower() not in ("atb", "raise") else ""
    return f"{what} on {day(r.effective)}{scope(r.where)}{label}"


def _range(rates: tuple[float, ...]) -> str:
    low, high = min(rates), max(rates)
    if low == high:
        return f"{money(low, cents=True)} an hour"
    return f"{money(low, cents=True)} to {money(high, cents=True)} an hour ({len(rates)} steps)"


def describe_scale(scale: Scale) -> str:
    """A status-quo scale: ``Nurse paid $30.00 to $33.00 an hour (3 steps)``."""
    return f"{scale.classification} paid {_range(scale.rates)}"


def describe_new_scales(scales: Iterable[Scale], raises: tuple[Raise, ...] = ()) -> Iterator[str]:
    """New scales, one phrase per date they take effect, with the lowest rate they pay once
    that day's raises apply (how a "no rate below $X" floor is costed)."""
    by_day: dict[date | None, list[Scale]] = {}
    for scale in scales:
        by_day.setdefault(scale.effective, []).append(scale)
    for effective, group in by_day.items():
        when = f"from {day(effective)}, " if effective else ""
        each = listing(f"{s.classification} {_range(s.rates)}" for s in group)
        text = f"{when}new rates for {each}"
        lowest = min(min(rates_after_raises(s, raises)) for s in group)
        if round(lowest, 2) != round(min(min(s.rates) for s in group), 2):
            text += f", none below {money(lowest, cents=True)} once that day's raise applies"
        yield text


def describe_tier(tier: NewHireTier) -> str:
    scales = listing(f"{s.classification} {_range(s.rates)}" for s in tier.scales)
    text = f"workers hired after {day(tier.hired_after)} paid on a separate scale: {scales}"
    if tier.turnover:
        text += f", costed with {percent(tier.turnover * 100)} of positions turning over a year"
    return text


def describe_lump_sum(lump: LumpSum) -> str:
    if lump.amount is not None:
        what = f"a {money(lump.amount)} lump sum"
    else:
        what = f"a lump sum of {percent(lump.percent or 0.0)} of a year's pay"
    who = []
    if lump.hired_before is not None:
        who.append(f"hired before {day(lump.hired_before)}")
    if lump.min_fte:
        who.append(f"at {number(lump.min_fte)} FTE or more")
    reach = scope(lump.where)
    if who:
        reach = f"{reach or ' to everyone'} {listing(who)}"
    elif not reach:
        reach = " to everyone"
    prorated = ", prorated by FTE" if lump.prorate_fte else ""
    label = f" ({lump.label})" if lump.label else ""
    return f"{what} on {day(lump.paid)}{reach}{prorated}{label}"


def describe_sharing(sharing: ProfitSharing) -> str:
    pools = listing(money(p) for p in sharing.pools)
    years = "contract year 1" if len(sharing.pools) == 1 else f"years 1–{len(sharing.pools)}"
    text = f"profit sharing: pools of {pools} ({years}), shared {FORMULAS[sharing.formula]}"
    if sharing.minimum:
        text += f", at least {money(sharing.minimum)} to each worker"
    return text


def describe_differential(diff: Differential) -> str:
    amount = per_hour(diff.cents) if diff.cents is not None else percent(diff.percent or 0.0)
    share = percent(diff.share_of_hours * 100)
    return f"a {diff.name} differential of {amount}{scope(diff.where)} (on {share} of hours)"


def describe_health(health: Health) -> str:
    text = (
        f"the employer pays {percent(health.employer_share * 100)} of a "
        f"{money(health.monthly_premium, cents=True)} monthly health premium"
    )
    notes = []
    if health.enrolled != 1.0:
        notes.append(f"{percent(health.enrolled * 100)} enrolled")
    if health.premium_growth:
        notes.append(f"premiums growing {percent(health.premium_growth * 100)} a year")
    return text + (f" ({listing(notes)})" if notes else "")


def _phrases(terms: Terms) -> Iterator[str]:
    if terms.term is not None:
        t = terms.term
        years = "a 1-year" if t.years == 1 else f"a {t.years}-year"
        hours = ""
        if t.hours_per_fte != HOURS_PER_FTE:
            hours = f", {number(t.hours_per_fte)} hours a full-time year"
        yield f"{years} contract from {day(t.start)}{hours}"
    yield from (describe_scale(scale) for scale in terms.scales)
    yield from (describe_raise(r) for r in terms.raises)
    if "steps" in terms.sections:
        if not terms.steps.movement:
            yield "no step increases"
        elif not terms.steps.scales:
            yield "step increases continue"
        yield from describe_new_scales(terms.steps.scales, terms.raises)
    if terms.new_hire_tier is not None:
        yield describe_tier(terms.new_hire_tier)
    for freeze in terms.freezes:
        yield f"no raises from {day(freeze.start)} to {day(freeze.end)}{scope(freeze.where)}"
    for circle in terms.red_circles:
        yield (
            f"from {day(circle.effective)}, rates above {money(circle.market_rate, cents=True)}"
            f" an hour{scope(circle.where)} are held until the market rate catches up"
        )
    yield from (describe_lump_sum(lump) for lump in terms.lump_sums)
    if terms.profit_sharing is not None:
        yield describe_sharing(terms.profit_sharing)
    yield from (describe_differential(d) for d in terms.differentials)
    if terms.health is not None:
        yield describe_health(terms.health)
    if "rollup" in terms.sections:
        yield describe_rollup(terms.rollup)
    yield from _floors_and_time_off(terms)


def describe_rollup(rollup: Any) -> str:
    components = getattr(rollup, "components", ())
    if components:
        parts = [
            f"{c.name} {percent(c.rate * 100)}{' (base pay only)' if c.base_only else ''}"
            for c in components
        ]
        return f"roll-up costs: {listing(parts)}"
    text = f"roll-up costs of {percent(rollup.rate * 100)} of wages"
    if rollup.on_lump_sums is not None and rollup.on_lump_sums != rollup.rate:
        text += f" ({percent(rollup.on_lump_sums * 100)} of lump sums)"
    return text


def _from(effective: date | None) -> str:
    return f" from {day(effective)}" if effective else ""


def _floors_and_time_off(terms: Terms) -> Iterator[str]:
    """Minimum rates and wages, holidays and vacation, where the engine knows them."""
    for floor in getattr(terms, "minimum_rates", ()):
        yield f"no rate below {money(floor.rate, cents=True)}{_from(floor.effective)}" + scope(
            floor.where
        )
    for floor in getattr(terms, "minimum_wages", ()):
        yield (
            f"a minimum wage of {money(floor.rate, cents=True)} an hour{_from(floor.effective)}"
            + scope(floor.where)
        )
    for holiday in getattr(terms, "holidays", ()):
        yield (
            f"{number(holiday.hours)} hours of paid holidays a year{_from(holiday.effective)}"
            + scope(holiday.where)
        )
    for leave in getattr(terms, "vacation", ()):
        after = f" after {leave.min_years} years of service" if leave.min_years else ""
        yield (
            f"{number(leave.weeks)} weeks of vacation a year{after}{_from(leave.effective)}"
            + scope(leave.where)
        )


def describe_terms(terms: Terms) -> list[str]:
    """The terms as phrases, one per provision, each starting in lower case."""
    return list(_phrases(terms))


def terms_in_words(terms: Terms) -> str:
    """``3% on April 1, 2027; 2.5% on April 1, 2028; a $1,000 lump sum …``, as one sentence."""
    phrases = describe_terms(terms)
    if not phrases:
        return ""
    text = "; ".join(phrases)
    return text[0].upper() + text[1:] + "."


# Money: "$19.25", "$1,000", "$2 million"; cents: "50¢", "50 cents"; percent: "3%", "2.5 percent".
MONEY = re.compile(
    r"\$\s?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d{1,2}))?\b"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)
CENTS = re.compile(r"(?<![\d.$])(?P<n>\d+(?:\.\d+)?)\s?(?:¢|cents?\b)", re.IGNORECASE)
PERCENT = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Amount:
    """A figure named in a text: ``kind`` "money" (dollars) or "percent", as written."""

    kind: str
    value: Decimal
    shown: str
    at: int


def named_amounts(text: str) -> list[Amount]:
    """Every amount of money and percentage the text names, in the order written."""
    found = []
    for m in MONEY.finditer(text):
        value = Decimal(m["whole"].replace(",", "") + "." + (m["cents"] or "0"))
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
        found.append(Amount("money", value, m.group(0).strip(), m.start()))
    for m in CENTS.finditer(text):
        found.append(Amount("money", Decimal(m["n"]) / 100, m.group(0).strip(), m.start()))
    for m in PERCENT.finditer(text):
        found.append(Amount("percent", Decimal(m["n"]), m.group(0).strip(), m.start()))
    return sorted(found, key=lambda a: a.at)


def rates_after_raises(scale: Scale, raises: tuple[Raise, ...]) -> list[float]:
    """The scale's rates once every raise effective on the scale's own date applies."""
    rates = list(scale.rates)
    for r in sorted(raises, key=lambda r: r.effective):
        if scale.effective is None or r.effective != scale.effective:
            continue
        if r.where.classification and scale.classification not in r.where.classification:
            continue
        rates = [_raised(rate, r) for rate in rates]
    return rates


def _raised(rate: float, r: Raise) -> float:
    if r.percent is None:
        return rate + (r.cents or 0.0) / 100
    step = rate * r.percent / 100
    if r.floor_cents is not None:
        step = max(step, r.floor_cents / 100)
    if r.cap_cents is not None:
        step = min(step, r.cap_cents / 100)
    return rate + step


def _costed_money(terms: Terms) -> Iterator[float]:
    for r in terms.raises:
        for c in (r.cents, r.floor_cents, r.cap_cents):
            if c is not None:
                yield abs(c) / 100
    tier_scales = terms.new_hire_tier.scales if terms.new_hire_tier else ()
    for scale in (*terms.scales, *terms.steps.scales, *tier_scales):
        yield from scale.rates
        yield from rates_after_raises(scale, terms.raises)
    yield from (c.market_rate for c in terms.red_circles)
    yield from (lump.amount for lump in terms.lump_sums if lump.amount is not None)
    if terms.profit_sharing is not None:
        yield from terms.profit_sharing.pools
        yield terms.profit_sharing.minimum
    yield from (d.cents / 100 for d in terms.differentials if d.cents is not None)
    for name in ("minimum_rates", "minimum_wages"):
        yield from (floor.rate for floor in getattr(terms, name, ()))
    if terms.health is not None:
        yield terms.health.monthly_premium
        yield terms.health.monthly_premium * 12


def _costed_percents(terms: Terms) -> Iterator[float]:
    yield from (abs(r.percent) for r in terms.raises if r.percent is not None)
    yield from (lump.percent for lump in terms.lump_sums if lump.percent is not None)
    yield from (d.percent for d in terms.differentials if d.percent is not None)
    if terms.health is not None:
        health = terms.health
        yield health.employer_share * 100
        yield (1 - health.employer_share) * 100
        yield health.premium_growth * 100
    if "rollup" in terms.sections:
        yield terms.rollup.rate * 100
        if terms.rollup.on_lump_sums is not None:
            yield terms.rollup.on_lump_sums * 100
        yield from (c.rate * 100 for c in getattr(terms.rollup, "components", ()))
    if terms.new_hire_tier is not None:
        yield terms.new_hire_tier.turnover * 100


def _to(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def uncosted_amounts(text: str, terms: Terms | None) -> list[str]:
    """The amounts ``text`` names that no figure of ``terms`` matches, each once, as written;
    every amount named when there are no terms."""
    money_costed: set[Decimal] = set()
    percents_costed: set[Decimal] = set()
    if terms is not None:
        money_costed = {_to(v) for v in _costed_money(terms)}
        percents_costed = {_to(v) for v in _costed_percents(terms)}
    missing: list[str] = []
    seen: set[tuple[str, Decimal]] = set()
    for amount in named_amounts(text):
        key = (amount.kind, _to(amount.value))
        costed = money_costed if amount.kind == "money" else percents_costed
        if key in seen or key[1] in costed:
            continue
        seen.add(key)
        missing.append(amount.shown)
    return missing


__all__ = [
    "Amount",
    "describe_terms",
    "named_amounts",
    "rates_after_raises",
    "terms_in_words",
    "uncosted_amounts",
]
