"""The employer's money beside the cost: the gap between the two sides' proposals in a costing
run, set against the employer's own figures (``EmployerFact``) as the share of each it comes to.

"The difference over 3 years, $900,000, is 2.0% of one year's operating income ($45 million in
2025)." Yearly figures are taken for their latest year recorded; each announced spending is set
against on its own. A figure of zero or less (an operating loss) is shown, not divided by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from caucus.costing.models import CostingRun, EmployerFact

# Languages that count large sums in units of their own, largest first (the amount in dollars).
MAGNITUDES: dict[str, tuple[tuple[float, str], ...]] = {
    "zh-hans": ((1e8, "亿美元"), (1e4, "万美元")),
}
# Members read these (translated); the staff pages, always in English, read them too.
OF_ONE_YEAR: dict[str, Any] = {
    EmployerFact.Kind.REVENUE: gettext_lazy("one year's revenue (%(amount)s in %(year)s)"),
    EmployerFact.Kind.OPERATING_INCOME: gettext_lazy(
        "one year's operating income (%(amount)s in %(year)s)"
    ),
    EmployerFact.Kind.NET_INCOME: gettext_lazy("one year's net income (%(amount)s in %(year)s)"),
    EmployerFact.Kind.RESERVES: gettext_lazy("the employer's reserves (%(amount)s in %(year)s)"),
}
# A figure of zero or less, shown rather than divided by.
REPORTS: dict[str, Any] = {
    EmployerFact.Kind.REVENUE: gettext_lazy(
        "The employer reports revenue of %(amount)s in %(year)s."
    ),
    EmployerFact.Kind.OPERATING_INCOME: gettext_lazy(
        "The employer reports operating income of %(amount)s in %(year)s."
    ),
    EmployerFact.Kind.NET_INCOME: gettext_lazy(
        "The employer reports net income of %(amount)s in %(year)s."
    ),
    EmployerFact.Kind.RESERVES: gettext_lazy(
        "The employer reports reserves of %(amount)s in %(year)s."
    ),
}
# A figure named on its own (when the gap is not above zero): "Operating income 2025".
WHAT: dict[str, Any] = {
    EmployerFact.Kind.REVENUE: gettext_lazy("Revenue %(year)s"),
    EmployerFact.Kind.OPERATING_INCOME: gettext_lazy("Operating income %(year)s"),
    EmployerFact.Kind.NET_INCOME: gettext_lazy("Net income %(year)s"),
    EmployerFact.Kind.RESERVES: gettext_lazy("Reserves (cash and investments) %(year)s"),
    EmployerFact.Kind.SPENDING: gettext_lazy("Spending it has announced: %(label)s"),
}


@dataclass(frozen=True)
class Gap:
    """What the union's proposal costs above the employer's, over the term, in dollars."""

    union: str
    employer: str
    amount: float
    years: int
    is_same_term: bool  # both proposals run over the same dates


@dataclass(frozen=True)
class Comparison:
    fact: EmployerFact
    share: float | None  # percent of the fact's amount; None when it is zero or less
    sentence: str
    what: str = ""  # the figure named on its own: "Operating income 2025"


def money_for(run: CostingRun, *, members: bool) -> dict[str, Any] | None:
    """What the pages show of the employer's money beside a finished run: the gap and the
    comparisons (for members, with public figures only); None when the run has not one
    proposal of each side."""
    gap = side_gap(run.summary or {})
    if gap is None:
        return None
    facts = EmployerFact.objects.filter(negotiation_id=run.negotiation_id)
    if members:
        facts = facts.filter(is_public=True)
    return {"gap": gap, "comparisons": set_against(gap, facts), "slug": run.negotiation.slug}


def side_gap(summary: dict[str, Any]) -> Gap | None:
    """The gap between the run's first union proposal and its first employer proposal, each
    above the status quo over its term; None without one of each."""
    proposals = (summary or {}).get("proposals") or []
    union = next((p for p in proposals if p.get("side") == "union"), None)
    employer = next((p for p in proposals if p.get("side") == "employer"), None)
    if union is None or employer is None:
        return None
    amount = float(union["term_total"]["above_status_quo"]) - float(
        employer["term_total"]["above_status_quo"]
    )
    return Gap(
        union=str(union["name"]),
        employer=str(employer["name"]),
        amount=amount,
        years=int(union["term"]["years"]),
        is_same_term=union["term"] == employer["term"],
    )


def chosen_facts(facts: Iterable[EmployerFact]) -> list[EmployerFact]:
    """The latest year of each yearly kind, then every announced spending, in that order."""
    latest: dict[str, EmployerFact] = {}
    spending: list[EmployerFact] = []
    for fact in facts:
        if fact.kind == EmployerFact.Kind.SPENDING:
            spending.append(fact)
        elif fact.kind not in latest or (fact.year or 0) > (latest[fact.kind].year or 0):
            latest[fact.kind] = fact
    yearly = [latest[k] for k in EmployerFact.YEARLY if k in latest]
    return yearly + sorted(spending, key=lambda f: (-(f.year or 0), f.label))


def set_against(gap: Gap, facts: Iterable[EmployerFact]) -> list[Comparison]:
    """One comparison per chosen fact (``chosen_facts``), in words, in the active language."""
    out = []
    for fact in chosen_facts(facts):
        amount = float(fact.amount)
        what = str(WHAT[fact.kind] % {"year": fact.year, "label": fact.label})
        if amount <= 0:
            sentence = REPORTS[fact.kind] % {"amount": big_money(amount), "year": fact.year}
            out.append(Comparison(fact, None, str(sentence), what))
            continue
        share = 100.0 * gap.amount / amount
        out.append(Comparison(fact, share, _sentence(gap, fact, share), what))
    return out


def _sentence(gap: Gap, fact: EmployerFact, share: float) -> str:
    amount = big_money(float(fact.amount))
    if fact.kind != EmployerFact.Kind.SPENDING:
        of = OF_ONE_YEAR[fact.kind] % {"amount": amount, "year": fact.year}
    elif fact.year:
        of = _("the %(amount)s it has announced for %(label)s (%(year)s)") % {
            "amount": amount,
            "label": fact.label,
            "year": fact.year,
        }
    else:
        of = _("the %(amount)s it has announced for %(label)s") % {
            "amount": amount,
            "label": fact.label,
        }
    return ngettext(
        "The difference over %(years)s year, %(gap)s, is %(share)s of %(of)s.",
        "The difference over %(years)s years, %(gap)s, is %(share)s of %(of)s.",
        gap.years,
    ) % {"years": gap.years, "gap": big_money(gap.amount), "share": percent(share), "of": of}


def big_money(value: float) -> str:
    """``$900 million``, ``$1.25 billion``, ``$295 million``, ``$45,000``; a loss with a minus.
    In Chinese, by its own large units (``4,500万美元``, ``32亿美元``): no template can turn
    millions into 万 and 亿."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    units = MAGNITUDES.get(get_language())
    if units is not None and value >= 1e6:
        size, word = next((size, word) for size, word in units if value >= size)
        return f"{sign}{_shown(value / size)}{word}"
    for size, words in ((1e9, _("%(amount)s billion")), (1e6, _("%(amount)s million"))):
        if value >= size:
            return sign + words % {"amount": f"${_shown(value / size)}"}
    return f"{sign}${value:,.0f}"


def _shown(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(share: float) -> str:
    """``2.0%``; below one percent with two decimals (``0.10%``), so a small share is not 0."""
    return f"{share:,.1f}%" if abs(share) >= 1 else f"{share:.2f}%"
