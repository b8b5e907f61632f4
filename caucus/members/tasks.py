"""The roster import as a background task: takes a RosterImport id, runs the import, records.

A job of the one shape (``caucus.lib.jobs``): claimed by one worker, progress (``rows_done`` of
``rows_total``) written as validation advances, outside the import's own transaction, so the
page that polls sees it; the writes themselves are one transaction, so a failure part-way leaves
the roster as it was.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from caucus.audit.log import record
from caucus.lib.files import local_path
from caucus.members.importing import import_roster
from caucus.members.models import RosterImport
from caucus.members.roster_files import RosterFileError, read_table

logger = logging.getLogger(__name__)


def run_roster_import(import_id: int) -> None:
    job = RosterImport.claim(import_id)
    if job is None:
        return
    try:
        with local_path(job.file, job.original_name) as path:
            table = read_table(path, name=job.original_name)
            job.report(0, table.frame.height, "Checking every row")
            outcome = import_roster(
                path,
                job.union,
                job.mapping,
                table=table,
                confirm_drop=job.drop_confirmed,
                progress=lambda done: job.report(done),
            )
    except RosterFileError as error:
        job.fail(
            str(error),
            errors=[{"row": 1, "column": "", "message": str(error)}],
            errors_total=1,
        )
        return
    with transaction.atomic():
        result = {
            "rows_total": outcome.rows_total,
            "rows_done": outcome.rows_total,
            "encoding": outcome.encoding,
            "errors": outcome.errors,
            "errors_total": outcome.errors_total,
            "added": outcome.added,
            "changed": outcome.changed,
            "unchanged": outcome.unchanged,
            "removed": outcome.removed,
            "flagged_emails": outcome.flagged_emails,
        }
        if outcome.is_applied:
            job.finish(**result)
        elif outcome.unconfirmed_drops is not None:
            # The roster changed between the question and the run: ask again, with a new file.
            job.fail(
                f"{outcome.unconfirmed_drops.sentence()} That is not the count confirmed "
                f"({job.drop_confirmed or 0:,}), so nothing changed: upload the file again.",
                **result,
            )
        else:
            job.fail(f"{outcome.errors_total} problems found; nothing changed.", **result)
        record(
            job.uploaded_by,
            "roster.import",
            job,
            union=job.union,
            file=job.original_name,
            applied=outcome.is_applied,
            encoding=outcome.encoding,
            **outcome.summary(),
        )
    logger.info("roster import %s: %s %s", import_id, job.status, outcome.summary())


@task()
def apply_import(import_id: int) -> None:
    run_roster_import(import_id)
