"""A costing run: a roster snapshot, the terms of chosen proposals and the status quo, and what
the costing engine made of them (docs/staff-guide-costing.md).

The inputs are frozen when the run is created (the roster as a Parquet snapshot, each proposal's
terms as they stood), so a finished run always means the same thing, even after the roster is
re-imported or a proposal is corrected.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from caucus.lib.jobs import Job, JobStatus


class CostingRun(Job):
    """A job (``caucus.lib.jobs``): ``rows_done`` of ``rows_total`` proposals costed."""

    class Source(models.TextChoices):
        MEMBERS = "members", "Members on the roster"
        FILE = "file", "An uploaded roster file"

    class Status(models.TextChoices):
        QUEUED = JobStatus.QUEUED, "Queued"
        RUNNING = JobStatus.RUNNING, "Costing"
        DONE = JobStatus.DONE, "Done"
        FAILED = JobStatus.FAILED, "Failed: nothing costed"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="costing_runs"
    )
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MEMBERS)
    union = models.ForeignKey(
        "orgs.Union",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Members of this union only; empty: every union in the coalition.",
    )
    roster_name = models.CharField(
        max_length=255, blank=True, help_text="The uploaded file's name."
    )
    roster = models.FileField(upload_to="costing/rosters/%Y/%m/", help_text="Parquet snapshot.")
    workers = models.PositiveIntegerField(default=0)
    proposals = models.ManyToManyField("table.Proposal", related_name="costing_runs")
    proposal_terms = models.JSONField(
        default=list, help_text="[{proposal, label, side, terms}] as they stood when created."
    )
    status_quo_terms = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    errors = models.JSONField(default=list, blank=True, help_text="Each naming its field or row.")
    summary = models.JSONField(null=True, blank=True, help_text="What the result page shows.")
    workbook = models.FileField(upload_to="costing/workbooks/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    member_intro = models.TextField(
        blank=True, help_text="Shown to members above their own figures when published."
    )

    class Meta(Job.Meta):
        ordering = ["-created_at", "-id"]
        constraints = [
            *Job.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(is_published=False) | models.Q(status="done"),
                name="costing_run_published_only_when_done",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("costing:run", args=[self.pk])

    def roster_label(self) -> str:
        if self.source == self.Source.FILE:
            return f"File {self.roster_name}"
        return f"Members of {self.union}" if self.union_id else "Members of every union"

    def labels(self) -> list[str]:
        return [str(p["label"]) for p in self.proposal_terms]

    def proposal_sides(self) -> list[tuple[str, str]]:
        return [(str(p["label"]), str(p["side"])) for p in self.proposal_terms]

    def terms_of(self, index: int) -> dict[str, Any]:
        terms: dict[str, Any] = self.proposal_terms[index]["terms"]
        return terms


class EmployerFact(models.Model):
    """A figure of the employer's own money, with where it comes from: revenue, operating
    income, net income or reserves for a year, or spending it has announced (a headquarters, an
    arena). The result page and the member page set the gap between the two sides' proposals
    against these, with the sources linked (``caucus.costing.employer_money``)."""

    class Kind(models.TextChoices):
        REVENUE = "revenue", "Revenue"
        OPERATING_INCOME = "operating_income", "Operating income"
        NET_INCOME = "net_income", "Net income"
        RESERVES = "reserves", "Reserves (cash and investments)"
        SPENDING = "spending", "Spending it has announced"

    YEARLY = (Kind.REVENUE, Kind.OPERATING_INCOME, Kind.NET_INCOME, Kind.RESERVES)

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="employer_facts"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The fiscal year the figure is for; for spending, the year it was announced.",
    )
    label = models.CharField(
        max_length=200, blank=True, help_text='What the spending is for: "a new headquarters".'
    )
    amount = models.DecimalField(
        max_digits=16, decimal_places=2, help_text="In dollars; a loss is negative."
    )
    source_title = models.CharField(
        max_length=300, help_text='Where the figure comes from: "Annual report 2025, p. 41".'
    )
    source_url = models.URLField(max_length=500, blank=True)
    document = models.FileField(upload_to="costing/facts/%Y/%m/", blank=True)
    is_public = models.BooleanField(
        default=True,
        help_text="Shown to members beside a published costing. Untick a figure from a "
        "document the employer gave the union in confidence.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "-year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source_title=""), name="employer_fact_has_a_source"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="spending") | models.Q(year__isnull=False),
                name="employer_fact_yearly_has_a_year",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="spending") | ~models.Q(label=""),
                name="employer_fact_spending_says_what_for",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["operating_income", "net_income"])
                | models.Q(amount__gte=0),
                name="employer_fact_only_income_is_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.what()}: ${self.amount:,.0f}"

    def what(self) -> str:
        """``Operating income 2025``, ``Spending it has announced: a new headquarters``."""
        if self.kind == self.Kind.SPENDING:
            return f"{self.get_kind_display()}: {self.label}"
        return f"{self.get_kind_display()} {self.year}"

    def is_yearly(self) -> bool:
        return self.kind in self.YEARLY
