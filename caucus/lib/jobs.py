"""One shape for background work: a job row with its status, progress and timings, claimed by
exactly one worker.

A job is made ``queued`` by an action (in the request's transaction, with its task enqueued on
commit); a worker ``claim``s it with a conditional update, so two workers never run the same
job; it reports progress with ``report`` (outside any transaction, so the page that polls sees
it) and ends ``done`` or ``failed``. Roster imports, sheet builds and costing runs are jobs;
the outbox and tallies to come will be too. The page shows ``templates/jobs/_progress.html``.
"""

from __future__ import annotations

from typing import Any, Self

from django.db import models
from django.utils import timezone


class JobStatus(models.TextChoices):
    """The values every job's ``Status`` uses (each job words its own labels)."""

    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Job(models.Model):
    status = models.CharField(max_length=12, default=JobStatus.QUEUED)
    rows_total = models.PositiveIntegerField(default=0, help_text="Units of work in all.")
    rows_done = models.PositiveIntegerField(default=0, help_text="Units of work done so far.")
    stage = models.CharField(max_length=200, blank=True, help_text="What it is doing now.")
    error = models.TextField(blank=True, help_text="Why it failed, for staff.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rows_done__lte=models.F("rows_total")),
                name="%(app_label)s_%(class)s_done_within_total",
            )
        ]

    @classmethod
    def claim(cls, pk: int) -> Self | None:
        """The job, if this worker moved it off ``queued``; None if another worker has it (or
        it is not waiting)."""
        moved = cls._default_manager.filter(pk=pk, status=JobStatus.QUEUED).update(
            status=JobStatus.RUNNING, rows_done=0, started_at=timezone.now(), error=""
        )
        return cls._default_manager.get(pk=pk) if moved else None

    def report(self, done: int, total: int | None = None, stage: str | None = None) -> None:
        """Progress, written at once (outside the caller's transaction, for the polling page)."""
        fields: dict[str, Any] = {"rows_done": done}
        if total is not None:
            fields["rows_total"] = total
        if stage is not None:
            fields["stage"] = stage[:200]
        for name, value in fields.items():
            setattr(self, name, value)
        type(self)._default_manager.filter(pk=self.pk).update(**fields)

    def finish(self, status: str = JobStatus.DONE, **fields: Any) -> None:
        """End the job (done, or failed with ``error``), with any result fields of its own."""
        fields = {"status": status, "stage": "", "finished_at": timezone.now(), **fields}
        if status == JobStatus.DONE:
            fields.setdefault("rows_done", max(self.rows_done, self.rows_total))
        for name, value in fields.items():
            setattr(self, name, value)
        type(self)._default_manager.filter(pk=self.pk).update(**fields)

    def fail(self, error: str, **fields: Any) -> None:
        self.finish(JobStatus.FAILED, error=error, **fields)

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def is_running(self) -> bool:
        return self.status == JobStatus.RUNNING

    @property
    def is_done(self) -> bool:
        return self.status == JobStatus.DONE
