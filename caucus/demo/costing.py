"""The demo's costing: the latest union and employer wage proposals costed on the whole
roster and published, so the demo member sees their own figures on "What it means for me".

The costing itself takes seconds; the workbook (one row per worker) is left to the worker
that ``make run`` starts.
"""

from __future__ import annotations

from typing import Any

from caucus.costing.actions import do_create_run, do_publish
from caucus.costing.models import CostingRun
from caucus.costing.tasks import run_costing
from caucus.demo.table import Round

INTRO = (
    "The bargaining team costed both sides' latest wage proposals on our whole roster. "
    "Here is what each would pay you, year by year, next to today's contract."
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
    return run
