"""The roster's writes from the pages: uploading a file, and queueing its import once its
columns are mapped (and any large drop confirmed). The import itself is
``caucus.members.importing.do_import_roster``, which the worker and the command call (it sits
below the task that runs it, so the task module can import it)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.members.columns import guess_mapping
from caucus.members.models import RosterImport
from caucus.members.tasks import apply_import
from caucus.orgs.models import Union


@transaction.atomic
def do_upload_roster(
    actor: Actor, union: Union, upload: UploadedFile, headers: list[str]
) -> RosterImport:
    """Keep an uploaded roster file (already checked by the upload form) for its mapping."""
    job = RosterImport.objects.create(
        union=union,
        uploaded_by=actor,
        file=upload,
        original_name=upload.name or "roster",
        mapping=guess_mapping(headers),
    )
    record(actor, "roster.upload", job, union=union, file=job.original_name)
    return job


@transaction.atomic
def do_queue_import(
    actor: Actor, job: RosterImport, mapping: dict[str, str], drop_confirmed: int | None
) -> RosterImport:
    """The columns are mapped (and any large drop confirmed): the worker may import the file."""
    job.mapping = mapping
    job.drop_confirmed = drop_confirmed
    job.status = RosterImport.Status.QUEUED
    job.save(update_fields=["mapping", "drop_confirmed", "status"])
    record(actor, "roster.import_queued", job, union=job.union, drop_confirmed=drop_confirmed)
    transaction.on_commit(lambda: apply_import.enqueue(job.pk))
    return job
