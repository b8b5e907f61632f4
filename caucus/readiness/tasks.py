"""Readiness's background work: a sign-in sheet's import, as a job of the one shape
(``caucus.lib.jobs``): claimed by one worker, its progress written as it goes, its writes one
transaction, so a failure part-way leaves every member's readiness as it was."""

from __future__ import annotations

import logging
from typing import Any

from django_tasks import task

from caucus.audit.log import record
from caucus.lib.files import local_path
from caucus.members.roster_files import RosterFileError
from caucus.readiness.importing import import_sheet
from caucus.readiness.models import AssessmentImport

logger = logging.getLogger(__name__)


def run_assessment_import(job_id: int) -> None:
    job = AssessmentImport.claim(job_id)
    if job is None:
        return
    try:
        with local_path(job.file, job.original_name) as path:
            outcome = import_sheet(
                path,
                name=job.original_name,
                union=job.union,
                actor_id=job.uploaded_by_id,
                job_id=job.pk,
                progress=lambda done, total, stage: job.report(done, total, stage),
            )
    except RosterFileError as error:
        job.fail(
            str(error), errors=[{"row": 1, "column": "", "message": str(error)}], errors_total=1
        )
        record(job.uploaded_by, "readiness.import", job, union=job.union, applied=False, errors=1)
        return
    result: dict[str, Any] = {
        "rows_total": outcome.rows_total,
        "rows_done": outcome.rows_total,
        "errors": outcome.errors,
        "errors_total": outcome.errors_total,
        "written": outcome.written,
        "encoding": outcome.encoding,
    }
    if outcome.is_applied:
        job.finish(**result)
    else:
        job.fail(f"{outcome.errors_total:,} problems found; nothing changed.", **result)
    record(
        job.uploaded_by,
        "readiness.import",
        job,
        union=job.union,
        file=job.original_name,
        applied=outcome.is_applied,
        rows=outcome.rows_total,
        written=outcome.written,
        errors=outcome.errors_total,
    )
    logger.info("assessment import %s: %s, %s rows", job_id, job.status, outcome.rows_total)


@task()
def apply_assessment_import(job_id: int) -> None:
    run_assessment_import(job_id)
