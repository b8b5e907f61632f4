"""The roster: each union's members as imported from its membership system.

Members' personal data belongs to the union. Querysets are scoped: code asks
``Member.objects.visible_to(user)`` or ``.for_union(union)``; the access helpers in
``caucus.members.access`` are the only way views reach a member.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from caucus.accounts.permissions import unions_with
from caucus.lib.jobs import Job, JobStatus


class Standing(models.TextChoices):
    GOOD = "good", "In good standing"
    NOT_GOOD = "not_good", "Not in good standing"
    NON_MEMBER = "non_member", "Fee payer / non-member"


class MemberQuerySet(models.QuerySet["Member"]):
    def for_union(self, union: Any) -> MemberQuerySet:
        return self.filter(union=union)

    def visible_to(self, user: Any, perm: str = "members.view") -> MemberQuerySet:
        return self.filter(union__in=unions_with(user, perm))

    def on_roster(self) -> MemberQuerySet:
        return self.filter(is_on_roster=True)


class Member(models.Model):
    union = models.ForeignKey("orgs.Union", on_delete=models.PROTECT, related_name="members")
    member_id = models.CharField(max_length=40, help_text="The union's own member number.")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    unit = models.ForeignKey(
        "orgs.BargainingUnit", on_delete=models.PROTECT, related_name="members"
    )
    worksite = models.ForeignKey("orgs.Worksite", on_delete=models.PROTECT, related_name="members")
    classification = models.ForeignKey(
        "orgs.Classification", on_delete=models.PROTECT, related_name="members"
    )
    step = models.PositiveSmallIntegerField(default=1)
    hourly_rate = models.DecimalField(max_digits=8, decimal_places=2)
    fte = models.DecimalField(max_digits=4, decimal_places=3, default=1)
    hire_date = models.DateField()
    language = models.CharField(max_length=10, default="en")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.GOOD)
    email_is_employers = models.BooleanField(
        default=False, help_text="The e-mail is on the employer's domain: not used for union mail."
    )
    is_on_roster = models.BooleanField(default=True, help_text="False once a re-import drops them.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["union", "member_id"], name="member_id_unique_per_union"
            ),
            models.CheckConstraint(
                condition=models.Q(hourly_rate__gte=0), name="member_rate_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(fte__gt=0) & models.Q(fte__lte=1.5), name="member_fte_in_range"
            ),
        ]
        indexes = [models.Index(fields=["union", "is_on_roster"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.member_id})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class RosterImport(Job):
    """One upload of a union's roster file, from mapping to validation to the applied result.

    A job (``caucus.lib.jobs``) once its columns are mapped; before that it waits ``uploaded``."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded, waiting for column mapping"
        QUEUED = JobStatus.QUEUED, "Queued"
        RUNNING = JobStatus.RUNNING, "Validating"
        FAILED = JobStatus.FAILED, "Rejected: nothing changed"
        DONE = JobStatus.DONE, "Applied"

    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="roster_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="roster-imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    mapping = models.JSONField(
        default=dict, blank=True, help_text="Caucus field → column in the file."
    )
    errors = models.JSONField(default=list, blank=True, help_text="[{row, column, message}]")
    errors_total = models.PositiveIntegerField(
        default=0, help_text="Every problem found; ``errors`` keeps the first thousand."
    )
    added = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    flagged_emails = models.PositiveIntegerField(default=0)
    encoding = models.CharField(
        max_length=40, blank=True, help_text="The text encoding a CSV was read in."
    )
    drop_confirmed = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The count of members no longer on the roster that staff typed to confirm.",
    )

    class Meta(Job.Meta):
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.union} roster {self.original_name} ({self.get_status_display()})"

    @property
    def is_applied(self) -> bool:
        return self.status == self.Status.DONE
