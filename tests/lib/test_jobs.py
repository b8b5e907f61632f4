"""The one job shape: one worker claims a job, progress is seen by the page while it runs,
and a job ends done or failed with its reason."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile

from caucus.lib.jobs import JobStatus
from caucus.members.models import RosterImport

pytestmark = pytest.mark.django_db


def _queued_import(cast: Any) -> RosterImport:
    return RosterImport.objects.create(
        union=cast.world.union_a,
        uploaded_by=cast["officer_a"],
        original_name="roster.csv",
        file=ContentFile(b"member_id\n1\n", name="roster.csv"),
        status=RosterImport.Status.QUEUED,
    )


def test_only_the_first_of_two_workers_claims_a_job(cast: Any) -> None:
    job = _queued_import(cast)
    first = RosterImport.claim(job.pk)
    second = RosterImport.claim(job.pk)
    assert first is not None
    assert first.status == JobStatus.RUNNING
    assert first.started_at is not None
    assert second is None


def test_a_job_not_yet_queued_is_not_claimed(cast: Any) -> None:
    job = _queued_import(cast)
    RosterImport.objects.filter(pk=job.pk).update(status=RosterImport.Status.UPLOADED)
    assert RosterImport.claim(job.pk) is None


def test_progress_is_written_at_once_for_the_page_that_polls(cast: Any) -> None:
    job = RosterImport.claim(_queued_import(cast).pk)
    assert job is not None
    job.report(250, 1000, "Checking every row")
    seen = RosterImport.objects.get(pk=job.pk)
    assert (seen.rows_done, seen.rows_total, seen.stage) == (250, 1000, "Checking every row")
    assert seen.progress_percent == 25
    assert not seen.is_finished


def test_a_failed_job_keeps_its_reason_and_ends(cast: Any) -> None:
    job = RosterImport.claim(_queued_import(cast).pk)
    assert job is not None
    job.fail("The file is not a roster.")
    seen = RosterImport.objects.get(pk=job.pk)
    assert seen.status == JobStatus.FAILED
    assert seen.error == "The file is not a roster."
    assert seen.is_finished
    assert seen.finished_at is not None
    assert seen.stage == ""


def test_a_finished_job_counts_all_its_work_done(cast: Any) -> None:
    job = RosterImport.claim(_queued_import(cast).pk)
    assert job is not None
    job.report(3, 10)
    job.finish()
    seen = RosterImport.objects.get(pk=job.pk)
    assert seen.is_applied
    assert seen.progress_percent == 100
