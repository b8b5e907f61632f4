"""Costing as a background task: takes a CostingRun id, costs it, stores what the pages show.

A job of the one shape (``caucus.lib.jobs``): claimed by one worker; the engine is called once
for every proposal of the run (so they share the status quo's costing and the anniversary
positions) and reports each proposal costed through its progress callback, so the page that
polls sees it. Results are written in one update at the end: a run is either done with
everything, or failed with its errors and nothing else.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django_tasks import task

from caucus.costing.inputs import parse_inputs
from caucus.costing.models import CostingRun
from caucus.costing.rosters import check_file
from caucus.costing.stored_summary import build_summary
from caucus.engines.costing.export_xlsx import write_xlsx
from caucus.engines.costing.model import Progress, cost_proposals
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.results import CostingRun as EngineRun
from caucus.engines.costing.roster import RosterError
from caucus.lib.files import local_path

logger = logging.getLogger(__name__)


def cost_run(run: CostingRun, progress: Progress | None = None) -> EngineRun:
    """The engine's result for a run's frozen inputs, every proposal in one call."""
    with local_path(run.roster, run.roster.name) as path:
        roster = check_file(Path(path))
    proposals, status_quo = parse_inputs(run.proposal_terms, run.status_quo_terms)
    return cost_proposals(roster, proposals, status_quo, progress=progress)


def run_costing(run_id: int, *, workbook_later: bool = False) -> None:
    """Cost the run; then write its workbook, or queue that for a worker (``workbook_later``)."""
    run = CostingRun.claim(run_id)
    if run is None:
        return
    run.report(0, len(run.proposal_terms), "Reading the roster")
    try:
        result = cost_run(run, progress=run.report)
        run.report(run.rows_total, stage="Summing up by group")
        summary = build_summary(result, [str(p["side"]) for p in run.proposal_terms])
    except (TermsError, RosterError) as refused:
        run.fail(str(refused), errors=refused.messages[:200])
        logger.info("costing run %s refused: %s", run_id, refused)
        return
    except Exception:
        run.fail(
            "unexpected error",
            errors=["The costing stopped on an unexpected error; it is in the server's log."],
        )
        raise
    # The results are shown as soon as they exist; the workbook (most of the time on a big
    # roster: one row per worker, with formulas) follows.
    run.finish(summary=summary)
    run.report(run.rows_total, stage="Writing the workbook")
    logger.info("costing run %s done: %s workers", run_id, len(result.roster))
    if workbook_later:
        transaction.on_commit(lambda: write_workbook_in_background.enqueue(run_id))
    else:
        write_workbook(run, result)


def write_workbook(run: CostingRun, result: EngineRun | None = None) -> None:
    """The run's workbook (costed again from its frozen inputs when ``result`` is not given)."""
    rows = CostingRun.objects.filter(pk=run.pk)
    try:
        result = result or cost_run(run)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"costing-{run.pk}.xlsx"
            write_xlsx(result, path)
            with path.open("rb") as handle:
                run.workbook.save(path.name, File(handle), save=False)
    finally:
        rows.update(stage="", workbook=run.workbook.name or "")


@task()
def cost_in_background(run_id: int) -> None:
    run_costing(run_id)


@task()
def write_workbook_in_background(run_id: int) -> None:
    run = CostingRun.objects.get(pk=run_id)
    if run.is_done and not run.workbook:
        write_workbook(run)
