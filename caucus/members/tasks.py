"""The roster import as a background task: takes a RosterImport id, runs the import, records.

Progress (``rows_done`` of ``rows_total``) is written as validation advances, outside the
import's own transaction, so the page that polls sees it; the writes themselves are one
transaction, so a failure part-way leaves the roster as it was.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from caucus.audit.log import record
from caucus.members.importing import import_roster
from caucus.members.models import RosterImport
from caucus.members.reading import RosterFileError, local_path, read_roster

logger = logging.getLogger(__name__)


def _claim(import_id: int) -> bool:
    """Only one worker runs an import: the one whose conditional update moves it off QUEUED."""
    return bool(
        RosterImport.objects.filter(pk=import_id, status=RosterImport.Status.QUEUED).update(
            status=RosterImport.Status.VALIDATING, rows_done=0
        )
    )


def run_roster_import(import_id: int) -> None:
    if not _claim(import_id):
        return
    job = RosterImport.objects.select_related("union", "uploaded_by").get(pk=import_id)
    rows = RosterImport.objects.filter(pk=import_id)

    def progress(done: int) -> None:
        rows.update(rows_done=done)

    try:
        with local_path(job.file, job.original_name) as path:
            frame = read_roster(path, name=job.original_name)
            rows.update(rows_total=frame.height)
            outcome = import_roster(path, job.union, job.mapping, frame=frame, progress=progress)
    except RosterFileError as error:
        rows.update(
            status=RosterImport.Status.FAILED,
            errors=[{"row": 1, "column": "", "message": str(error)}],
            errors_total=1,
            finished_at=timezone.now(),
        )
        return
    status = RosterImport.Status.APPLIED if outcome.is_valid else RosterImport.Status.FAILED
    with transaction.atomic():
        rows.update(
            status=status,
            rows_total=outcome.rows_total,
            rows_done=outcome.rows_total,
            errors=outcome.errors,
            errors_total=outcome.errors_total,
            added=outcome.added,
            changed=outcome.changed,
            unchanged=outcome.unchanged,
            removed=outcome.removed,
            flagged_emails=outcome.flagged_emails,
            finished_at=timezone.now(),
        )
        record(
            job.uploaded_by,
            "roster.import",
            job,
            union=job.union,
            file=job.original_name,
            applied=outcome.is_valid,
            **outcome.summary(),
        )
    logger.info("roster import %s: %s %s", import_id, status, outcome.summary())


@task()
def apply_import(import_id: int) -> None:
    run_roster_import(import_id)
