"""Costing as a background task: takes a CostingRun id, costs it, stores what the pages show.

Progress (``progress``, ``stage``) is written as the run advances, one proposal at a time, so
the page that polls sees it. Results are written in one update at the end: a run is either done
with everything, or failed with its errors and nothing else.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from caucus.costing.inputs import parse_inputs
from caucus.costing.models import CostingRun
from caucus.costing.rosters import check_file
from caucus.costing.summary import build_summary
from caucus.engines.costing.export_xlsx import write_xlsx
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.results import CostingRun as EngineRun
from caucus.engines.costing.roster import RosterError
from caucus.members.reading import local_path

logger = logging.getLogger(__name__)


def _claim(run_id: int) -> bool:
    """Only one worker costs a run: the one whose conditional update moves it off QUEUED."""
    return bool(
        CostingRun.objects.filter(pk=run_id, status=CostingRun.Status.QUEUED).update(
            status=CostingRun.Status.RUNNING, progress=0, stage="Reading the roster"
        )
    )


def cost_run(run: CostingRun, *, report: bool = True) -> EngineRun:
    """The engine's result for a run's frozen inputs, one proposal at a time for progress."""
    rows = CostingRun.objects.filter(pk=run.pk)
    with local_path(run.roster, run.roster.name) as path:
        roster = check_file(Path(path))
    proposals, status_quo = parse_inputs(run.proposal_terms, run.status_quo_terms)
    costs = []
    base = None
    for i, terms in enumerate(proposals):
        if report:
            rows.update(progress=5 + 80 * i // len(proposals), stage=f"Costing {terms.name}")
        one = cost_proposals(roster, [terms], status_quo)
        costs.append(one.proposals[0])
        base = one.base
    assert base is not None
    return EngineRun(roster, status_quo, base, tuple(costs))


def run_costing(run_id: int, *, workbook_later: bool = False) -> None:
    """Cost the run; then write its workbook, or queue that for a worker (``workbook_later``)."""
    if not _claim(run_id):
        return
    run = CostingRun.objects.get(pk=run_id)
    rows = CostingRun.objects.filter(pk=run_id)
    try:
        result = cost_run(run)
        rows.update(progress=85, stage="Summing up by group")
        summary = build_summary(result, [str(p["side"]) for p in run.proposal_terms])
    except (TermsError, RosterError) as refused:
        rows.update(
            status=CostingRun.Status.FAILED,
            errors=refused.messages[:200],
            stage="",
            finished_at=timezone.now(),
        )
        logger.info("costing run %s refused: %s", run_id, refused)
        return
    except Exception:
        rows.update(
            status=CostingRun.Status.FAILED,
            errors=["The costing stopped on an unexpected error; it is in the server's log."],
            stage="",
            finished_at=timezone.now(),
        )
        raise
    # The results are shown as soon as they exist; the workbook (most of the time on a big
    # roster: one row per worker, with formulas) follows.
    rows.update(
        status=CostingRun.Status.DONE,
        progress=100,
        stage="Writing the workbook",
        summary=summary,
        finished_at=timezone.now(),
    )
    logger.info("costing run %s done: %s workers", run_id, len(result.roster))
    if workbook_later:
        transaction.on_commit(lambda: write_workbook_in_background.enqueue(run_id))
    else:
        write_workbook(run, result)


def write_workbook(run: CostingRun, result: EngineRun | None = None) -> None:
    """The run's workbook (costed again from its frozen inputs when ``result`` is not given)."""
    rows = CostingRun.objects.filter(pk=run.pk)
    try:
        result = result or cost_run(run, report=False)
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
