"""The demo's costing: the latest union and employer wage proposals costed on the whole
roster and published, so the demo member sees their own figures on "What it means for me",
and the employer's money recorded beside it (revenue, operating income and reserves, and the
spending it has announced), each with a source the team would cite (the demo's are invented).

The costing itself takes seconds; the workbook (one row per worker) is left to the worker
that ``make run`` starts.
"""

from __future__ import annotations

from typing import Any

from caucus.costing.actions import do_add_fact, do_create_run, do_publish
from caucus.costing.models import CostingRun
from caucus.costing.tasks import run_costing
from caucus.demo.table import Round

INTRO = (
    "The bargaining team costed both sides' latest wage proposals on our whole roster. "
    "Here is what each would pay you, year by year, next to today's contract."
)


# kind, year, what for, dollars, source, page: the employer's own figures, as its filings
# and press releases would give them
FACTS = [
    ("revenue", 2025, "", 21_400_000_000, "Harborline 10-K for fiscal 2025, income statement"),
    ("operating_income", 2024, "", 870_000_000, "Harborline 10-K for fiscal 2024, p. 38"),
    ("operating_income", 2025, "", 910_000_000, "Harborline 10-K for fiscal 2025, p. 41"),
    ("reserves", 2025, "", 2_100_000_000, "Harborline 10-K for fiscal 2025, cash and investments"),
    ("spending", 2025, "a new headquarters", 900_000_000, "Harborline press release, 4 March 2025"),
    ("spending", 2024, "the naming rights to an arena", 295_000_000, "Harborline press release"),
]


def build_employer_money(rnd: Round, team: Any) -> None:
    for kind, year, label, amount, source in FACTS:
        do_add_fact(
            team,
            rnd.negotiation,
            {
                "kind": kind,
                "year": year,
                "label": label,
                "amount": amount,
                "source_title": f"{source} (demo)",
                "source_url": f"https://example.org/harborline/{kind}-{year}",
                "is_public": True,
            },
        )


def build_costing(rnd: Round, team: Any) -> CostingRun:
    run = do_create_run(
        team,
        rnd.negotiation,
        name="Latest wage proposals",
        proposals=[rnd.proposals["u_wages2"], rnd.proposals["e_wages2"]],
    )
    run_costing(run.pk, workbook_later=True)
    run.refresh_from_db()
    do_publish(team, run, INTRO)
    build_employer_money(rnd, team)
    return run
