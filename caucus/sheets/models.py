"""Comparison sheets: the team's chosen articles, compared as redlines, for members to read.

A ``Sheet`` is the working copy staff edit: its columns, layout and rows (an article each, with
a plain-language summary, included or not, in an order). Building a sheet freezes it into a
``SheetVersion``: the texts compared, the rendered redline of each row and the PDF and DOCX
files. Members only ever see the version a sheet publishes; editing rows afterwards changes
nothing they see until a new version is built and published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from caucus.lib.jobs import Job, JobStatus


class Columns(models.TextChoices):
    THREE_WAY = "three_way", "Current contract, union's latest and employer's latest"
    REGRESSION = "regression", "Employer's latest against its previous pass"


class Layout(models.TextChoices):
    COLUMNS = "columns", "A column for each text: current, union's, employer's (stacked on phones)"
    INLINE = "inline", "Inline: one text with every side's changes marked"
    SIDE_BY_SIDE = "side-by-side", "Side by side: the current text beside the marked one"


# What each column choice compares: (old label, new label) in headers and files.
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    Columns.THREE_WAY: ("Current contract", "Union's and employer's latest proposals"),
    Columns.REGRESSION: ("Employer's previous pass", "Employer's latest pass"),
}
# The heads of the three columns of a three-way sheet laid out in columns.
THREE_COLUMN_LABELS = ("Current contract", "Union's latest proposal", "Employer's latest proposal")


class Sheet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="sheets"
    )
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Markdown, shown above the articles.")
    columns = models.CharField(max_length=12, choices=Columns.choices, default=Columns.THREE_WAY)
    layout = models.CharField(max_length=12, choices=Layout.choices, default=Layout.COLUMNS)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # DO_NOTHING: the database's (deferred) foreign key refuses deleting a published version
    # alone, while deleting the whole sheet or its negotiation takes both at once.
    published_version = models.ForeignKey(
        "SheetVersion", null=True, blank=True, on_delete=models.DO_NOTHING, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updates = models.ManyToManyField(
        "updates.Update",
        blank=True,
        related_name="sheets",
        help_text="Updates that link to this sheet once it is published.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now_add=True, help_text="Last change to the rows.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft", published_version__isnull=True)
                | models.Q(status="published", published_version__isnull=False),
                name="sheet_published_has_version",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sheets:sheet", args=[self.negotiation.slug, self.pk])

    def get_public_url(self) -> str:
        return reverse("sheets_site:sheet", args=[self.negotiation.slug, self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def column_labels(self) -> tuple[str, str]:
        return COLUMN_LABELS[self.columns]


class SheetRow(models.Model):
    """One article on the working copy of a sheet."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="rows")
    article = models.ForeignKey("table.Article", on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField(default=0)
    summary = models.TextField(
        blank=True, help_text="Plain language: what this change means for members (Markdown)."
    )
    included = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "article"], name="sheet_row_article_unique")
        ]

    def __str__(self) -> str:
        return f"{self.sheet}: {self.article}"


class SheetVersion(Job):
    """A built, immutable snapshot of a sheet: what members read once it is published. Built
    as a job (``caucus.lib.jobs``): ``rows_done`` counts the articles compared."""

    class Status(models.TextChoices):
        QUEUED = JobStatus.QUEUED, "Waiting for a worker"
        RUNNING = JobStatus.RUNNING, "Building"
        DONE = JobStatus.DONE, "Built"
        FAILED = JobStatus.FAILED, "Failed"

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    # Frozen from the sheet when the build was asked for.
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    columns = models.CharField(max_length=12, choices=Columns.choices)
    layout = models.CharField(max_length=12, choices=Layout.choices)
    requested_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf = models.FileField(upload_to="sheets/%Y/", blank=True)
    docx = models.FileField(upload_to="sheets/%Y/", blank=True)

    class Meta(Job.Meta):
        ordering = ["-number"]
        constraints = [
            *Job.Meta.constraints,
            models.UniqueConstraint(fields=["sheet", "number"], name="sheet_version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title}, version {self.number}"

    @property
    def is_built(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def column_labels(self) -> tuple[str, str]:
        return COLUMN_LABELS[self.columns]


class VersionRow(models.Model):
    """One article of a built version: the texts compared and the redline, frozen."""

    version = models.ForeignKey(SheetVersion, on_delete=models.CASCADE, related_name="rows")
    order = models.PositiveIntegerField()
    article = models.ForeignKey(
        "table.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    heading = models.CharField(max_length=240)
    summary = models.TextField(blank=True)
    summary_html = models.TextField(blank=True)
    # {"current": ..., "union": ..., "employer": ...} or {"previous": ..., "latest": ...}
    texts = models.JSONField(default=dict)
    # Which passes the texts came from: [{"side", "id", "title", "passed_on", "is_published"}].
    sources = models.JSONField(default=list)
    note = models.CharField(max_length=300, blank=True)
    ops = models.JSONField(default=list, help_text="The redline operations (docs/redline.md).")
    html = models.TextField(help_text="The rendered redline fragment.")

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="version_row_order_unique")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def uses_unpublished_passes(self) -> bool:
        return any(not source.get("is_published", True) for source in self.sources)
