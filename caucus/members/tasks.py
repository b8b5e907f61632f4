"""The roster import as a background task: takes a RosterImport id and runs the import
(``do_import_roster``, which writes its audit row with the members it changes).

A job of the one shape (``caucus.lib.jobs``): claimed by one worker, progress (``rows_done`` of
``rows_total``) written as validation advances, outside the import's own transaction, so the
page that polls sees it; the writes themselves are one transaction, so a failure part-way leaves
the roster as it was.
"""

from __future__ import annotations

import logging
from typing import Any

from django_tasks import task

from caucus.lib.files import local_path
from caucus.members.importing import ImportOutcome, do_import_roster
from caucus.members.models import RosterImport
from caucus.members.roster_files import RosterFileError, read_table

logger = logging.getLogger(__name__)


def _result(outcome: ImportOutcome) -> dict[str, Any]:
    """What the job's page reports of an import."""
    return {
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


def run_roster_import(import_id: int) -> None:
    job = RosterImport.claim(import_id)
    if job is None:
        return
    try:
        with local_path(job.file, job.original_name) as path:
            table = read_table(path, name=job.original_name)
            job.report(0, table.frame.height, "Checking every row")
            outcome = do_import_roster(
                job.uploaded_by,
                job.union,
                path,
                job.mapping,
                name=job.original_name,
                job=job,
                table=table,
                confirm_drop=job.drop_confirmed,
                progress=lambda done: job.report(done),
                # done in the transaction that changes the members: never applied yet "running"
                and_then=lambda outcome: job.finish(**_result(outcome)),
            )
    except RosterFileError as error:
        job.fail(
            str(error),
            errors=[{"row": 1, "column": "", "message": str(error)}],
            errors_total=1,
        )
        return
    if outcome.unconfirmed_drops is not None:
        # The roster changed between the question and the run: ask again, with a new file.
        job.fail(
            f"{outcome.unconfirmed_drops.sentence()} That is not the count confirmed "
            f"({job.drop_confirmed or 0:,}), so nothing changed: upload the file again.",
            **_result(outcome),
        )
    elif not outcome.is_applied:
        job.fail(f"{outcome.errors_total} problems found; nothing changed.", **_result(outcome))
    logger.info("roster import %s: %s %s", import_id, job.status, outcome.summary())


@task()
def apply_import(import_id: int) -> None:
    run_roster_import(import_id)
