"""What the employer promised, and the reports against it.

A ``Commitment`` comes out of a tentative agreement (or is entered): a target with a measure, a
unit and a date, split by region when the promise is (``RegionTarget``). ``Report`` rows hold
the figures, per period and per region: the employer's (each with the document it came in)
and the union's own counts. Progress is computed from them (``caucus.commitments.progress``),
never stored; a profit-sharing report keeps the payout check the costing engine made for it.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q


class Commitment(models.Model):
    class Kind(models.TextChoices):
        CUMULATIVE = "cumulative", "Reach a total by a date (hires, sites)"
        REDUCTION = "reduction", "Bring a figure down by a date (registry hours)"
        FLOOR = "floor", "Never below a level, each period (coverage)"
        PROFIT_SHARING = "profit_sharing", "Profit-sharing payout at least the guaranteed minimum"

    class Period(models.TextChoices):
        MONTH = "month", "Monthly"
        QUARTER = "quarter", "Quarterly"
        YEAR = "year", "Yearly"

    class Formula(models.TextChoices):
        EQUAL = "equal", "Equal shares"
        HOURS = "hours", "By hours paid"
        PAY = "pay", "By pay"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="commitments"
    )
    tentative_agreement = models.ForeignKey(
        "table.TentativeAgreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
        help_text="The tentative agreement it comes from.",
    )
    title = models.CharField(max_length=200)
    measure = models.CharField(
        max_length=200, help_text="What is counted, e.g. new hires into coalition positions."
    )
    unit = models.CharField(max_length=40, help_text="hires, dollars per worker, percent, hours…")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CUMULATIVE)
    baseline = models.DecimalField(
        max_digits=14, decimal_places=2, default=Decimal(0), help_text="Where it starts."
    )
    target = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        help_text="The total to reach, the level to come down to, the floor, or the minimum per worker.",
    )
    starts_on = models.DateField()
    due_on = models.DateField(
        help_text="The date the target is due (the last year, for a minimum)."
    )
    period = models.CharField(max_length=10, choices=Period.choices, default=Period.QUARTER)
    sharing_formula = models.CharField(
        max_length=10,
        choices=Formula.choices,
        default=Formula.EQUAL,
        help_text="Profit sharing only: how a year's pool is shared among the workers.",
    )
    grace_days = models.PositiveSmallIntegerField(
        default=30, help_text="Days after a period ends before the employer's figure is late."
    )
    member_summary = models.TextField(blank=True, help_text="Plain words for members (Markdown).")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gt=models.F("starts_on")),
                name="commitment_due_after_start",
                violation_error_message="The due date must come after the start.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_profit_sharing(self) -> bool:
        return self.kind == self.Kind.PROFIT_SHARING

    @property
    def higher_is_better(self) -> bool:
        return self.kind != self.Kind.REDUCTION


class RegionTarget(models.Model):
    """The share of a commitment a region carries (hires in California, ...)."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="region_targets"
    )
    region = models.ForeignKey("orgs.Region", on_delete=models.CASCADE, related_name="+")
    baseline = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))
    target = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["region__name"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "region"], name="one_target_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.commitment}: {self.region}"


class SourceDocument(models.Model):
    """The file a figure came in: the employer's report (CSV, XLSX, PDF), sent only through the
    commitment's page to those who may read it."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="commitments/%Y/")
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Report(models.Model):
    """One figure: for a period (named by its last day) and a region (empty: every region),
    from the employer or counted by the union. For hires and the like, the period's own count
    (totals add them up); for a level, the level at the period's end; for profit sharing, the
    year's pool in dollars."""

    class Source(models.TextChoices):
        EMPLOYER = "employer", "Employer"
        UNION = "union", "Union's count"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reports")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.EMPLOYER)
    region = models.ForeignKey(
        "orgs.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period_end = models.DateField(help_text="The last day of the period the figure is for.")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    document = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    note = models.CharField(max_length=300, blank=True)
    payout = models.JSONField(
        null=True,
        blank=True,
        help_text="Profit sharing: the costing engine's check of the year against the minimum.",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period_end", "region__name", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "source", "region", "period_end"],
                condition=Q(region__isnull=False),
                name="one_report_per_region_and_period",
            ),
            models.UniqueConstraint(
                fields=["commitment", "source", "period_end"],
                condition=Q(region__isnull=True),
                name="one_overall_report_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} {self.period_end}: {self.value}"


class FigureRequest(models.Model):
    """The information request filed for the employer's missing or late figures."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="figure_requests"
    )
    request = models.ForeignKey(
        "table.InformationRequest", on_delete=models.CASCADE, related_name="+"
    )
    missing = models.JSONField(default=list, help_text="[{period_end, region}] asked for.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.commitment}: RFI {self.request_id}"
