"""Strike readiness: organizers' assessments of members, campaign actions and pledges, the
team's threshold, bulk assessment imports and the strike notice.

Members' data stays inside the union. Every row about a member carries the member's union, so
querysets are scoped the way the roster's are (``visible_to``); views reach rows only through
``caucus.readiness.access``. An assessment is never shown to the member, nor to another local.

History is kept: each ``Assessment`` is one conversation; ``MemberReadiness`` holds the latest
one (the one that counts) and what else organizers keep about the member (shift, leader), so
the dashboard and the wall chart read one row per member.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from caucus.accounts.permissions import unions_with
from caucus.lib.jobs import Job, JobStatus


class Level(models.IntegerChoices):
    """The organizing scale: 1 and 2 will act; 5 will not."""

    LEADER = 1, "1 · Leader or active supporter"
    SUPPORTER = 2, "2 · Supporter"
    UNDECIDED = 3, "3 · Undecided"
    LEANING_AGAINST = 4, "4 · Leaning against"
    OPPOSED = 5, "5 · Opposed"


class Shift(models.TextChoices):
    UNKNOWN = "", "Not known"
    DAY = "day", "Day"
    EVENING = "evening", "Evening"
    NIGHT = "night", "Night"
    WEEKEND = "weekend", "Weekend"
    ROTATING = "rotating", "Rotating"


class UnionScopedQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any, perm: str = "readiness.view") -> UnionScopedQuerySet:
        """Rows of the unions for which ``user`` holds ``perm`` (all of them coalition-wide)."""
        return self.filter(union__in=unions_with(user, perm))


class MemberReadiness(models.Model):
    """What organizers know about one member now: the latest assessment (the one that counts),
    their shift, and whether they are a designated worksite leader."""

    member = models.OneToOneField(
        "members.Member", on_delete=models.CASCADE, related_name="readiness"
    )
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_assessed_at = models.DateTimeField(
        null=True, blank=True, help_text="When an organizer first talked with them."
    )
    shift = models.CharField(max_length=10, choices=Shift.choices, blank=True)
    is_leader = models.BooleanField(default=False, help_text="Designated worksite leader.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnionScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=5),
                name="readiness_level_1_to_5",
            )
        ]
        indexes = [models.Index(fields=["union", "level"])]

    def __str__(self) -> str:
        return f"readiness of member {self.member_id}: {self.level or 'not assessed'}"


class Assessment(models.Model):
    """One conversation: an organizer's rating of a member, 1 to 5, with who and when.

    ``previous_level`` is the member's latest level just before this one took its place (None
    for a first assessment): the readiness chart adds up these moves day by day."""

    class Source(models.TextChoices):
        PHONE = "phone", "Entered at the worksite"
        IMPORT = "import", "Sign-in sheet import"
        API = "api", "API"

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="assessments"
    )
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    previous_level = models.PositiveSmallIntegerField(null=True, blank=True)
    assessed_at = models.DateTimeField(default=timezone.now)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PHONE)
    import_job = models.ForeignKey(
        "readiness.AssessmentImport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )

    objects = UnionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="assessment_level_1_to_5"
            )
        ]
        indexes = [
            models.Index(fields=["union", "assessed_at"]),
            models.Index(fields=["member", "assessed_at"]),
        ]

    def __str__(self) -> str:
        return f"member {self.member_id} assessed {self.level} on {self.assessed_at:%Y-%m-%d}"


class CampaignAction(models.Model):
    """A strike pledge, a petition, a button day, a meeting: a window and a goal (a share of
    the members it is for). ``union`` empty means every local at the table."""

    class Kind(models.TextChoices):
        PLEDGE = "pledge", "Strike pledge"
        PETITION = "petition", "Petition"
        BUTTON_DAY = "button_day", "Button or sticker day"
        MEETING = "meeting", "Meeting or rally"
        OTHER = "other", "Other structure test"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="campaign_actions"
    )
    union = models.ForeignKey(
        "orgs.Union",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every local at the table.",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PLEDGE)
    title = models.CharField(max_length=200)
    text = models.TextField(
        help_text="What members sign or commit to, in their words (shown on the pledge page)."
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    goal_percent = models.PositiveSmallIntegerField(
        default=67, help_text="The share of members it is for who must take part (percent)."
    )
    is_online = models.BooleanField(
        default=True, help_text="Members may take part from their page or a one-tap link."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="action_closes_after_it_opens",
                violation_error_message="The window must close after it opens.",
            ),
            models.CheckConstraint(
                condition=models.Q(goal_percent__gte=1, goal_percent__lte=100),
                name="action_goal_is_a_percent",
                violation_error_message="The goal is a share of members, from 1 to 100%.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def goal_count(self, members: int) -> int:
        """Members who must take part out of ``members`` (rounded up: 67% of 10 is 7)."""
        return math.ceil(members * self.goal_percent / 100 - 1e-9)


class Pledge(models.Model):
    """A member's part in a campaign action: signed online, by a one-tap link, or on a paper
    card an organizer recorded. One per member and action."""

    class Channel(models.TextChoices):
        ONLINE = "online", "Signed in on the member site"
        LINK = "link", "One-tap link"
        CARD = "card", "Paper card"

    action = models.ForeignKey(CampaignAction, on_delete=models.CASCADE, related_name="pledges")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="pledges")
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    signed_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    card_number = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organizer who entered a paper card (empty when the member signed).",
    )

    objects = UnionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["action", "member"], name="one_pledge_per_member")
        ]
        indexes = [models.Index(fields=["action", "union", "signed_at"])]

    def __str__(self) -> str:
        return f"member {self.member_id} on {self.action_id} ({self.channel})"


class Threshold(models.Model):
    """The readiness the bargaining team wants before it calls a strike, e.g. "two thirds
    pledged in every local"."""

    class Measure(models.TextChoices):
        PLEDGED = "pledged", "pledged"
        ASSESSED = "assessed", "assessed 1 or 2"
        REACHED = "reached", "talked to"

    class Scope(models.TextChoices):
        EVERY_LOCAL = "every_local", "in every local"
        COALITION = "coalition", "across the coalition"

    negotiation = models.OneToOneField(
        "table.Negotiation", on_delete=models.CASCADE, related_name="readiness_threshold"
    )
    measure = models.CharField(max_length=10, choices=Measure.choices, default=Measure.PLEDGED)
    percent = models.PositiveSmallIntegerField(default=67)
    scope = models.CharField(max_length=12, choices=Scope.choices, default=Scope.EVERY_LOCAL)
    action = models.ForeignKey(
        CampaignAction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The pledge that counts (empty: the latest strike pledge).",
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__gte=1, percent__lte=100),
                name="threshold_is_a_percent",
                violation_error_message="The threshold is a percent, from 1 to 100.",
            )
        ]

    def __str__(self) -> str:
        return self.words()

    def words(self) -> str:
        """'two thirds pledged in every local'."""
        return (
            f"{percent_words(self.percent)} {self.get_measure_display()} {self.get_scope_display()}"
        )


def percent_words(percent: int) -> str:
    """67 -> 'two thirds'; other shares as a percent."""
    named = {50: "half", 67: "two thirds", 75: "three quarters", 100: "all"}
    return named.get(percent, f"{percent}%")


class AssessmentImport(Job):
    """One sign-in sheet (CSV or XLSX) of assessments for one local: all or nothing."""

    class Status(models.TextChoices):
        QUEUED = JobStatus.QUEUED, "Queued"
        RUNNING = JobStatus.RUNNING, "Checking"
        FAILED = JobStatus.FAILED, "Rejected: nothing changed"
        DONE = JobStatus.DONE, "Applied"

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    negotiation = models.ForeignKey("table.Negotiation", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="readiness-imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    errors = models.JSONField(default=list, blank=True, help_text="[{row, column, message}]")
    errors_total = models.PositiveIntegerField(default=0)
    written = models.PositiveIntegerField(default=0, help_text="Assessments recorded.")
    encoding = models.CharField(max_length=40, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    class Meta(Job.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"


class StrikeNotice(models.Model):
    """The written notice of a strike: to a health-care employer at least ten days before it
    begins, and to the Federal Mediation and Conciliation Service (NLRA §8(g); see
    docs/readiness.md). Drafted from the negotiation; served with the date it was served."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SERVED = "served", "Served"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class How(models.TextChoices):
        HAND = "hand", "By hand"
        EMAIL = "email", "By e-mail"
        CERTIFIED = "certified", "Certified mail"
        COURIER = "courier", "Courier"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="strike_notices"
    )
    units = models.ManyToManyField("orgs.BargainingUnit", related_name="+")
    starts_at = models.DateTimeField(help_text="When the strike begins (date and time).")
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="When it ends, for a strike of set length."
    )
    is_health_care = models.BooleanField(
        default=True,
        help_text="The employer is a health care institution (NLRA §2(14)): §8(g) applies.",
    )
    notice_days = models.PositiveSmallIntegerField(default=10)
    text = models.TextField(help_text="The notice as it will be served.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    served_at = models.DateTimeField(null=True, blank=True)
    served_how = models.CharField(max_length=10, choices=How.choices, blank=True)
    fmcs_notified_at = models.DateTimeField(null=True, blank=True)
    fmcs_how = models.CharField(max_length=10, choices=How.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="notice_ends_after_it_starts",
                violation_error_message="The strike must end after it begins.",
            ),
            models.CheckConstraint(
                condition=models.Q(notice_days__gte=1, notice_days__lte=90),
                name="notice_days_in_range",
                violation_error_message="Notice is from 1 to 90 days.",
            ),
        ]

    def __str__(self) -> str:
        return f"Strike notice for {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def deadline(self) -> datetime:
        """The last moment both notices may be served: ``notice_days`` whole days (of 24 hours)
        before the strike begins."""
        return self.starts_at - timedelta(days=self.notice_days)

    @property
    def is_served(self) -> bool:
        return self.served_at is not None and self.fmcs_notified_at is not None

    @property
    def last_served_at(self) -> datetime | None:
        """When the later of the two notices was served (None until both are)."""
        if self.served_at is None or self.fmcs_notified_at is None:
            return None
        return max(self.served_at, self.fmcs_notified_at)

    @property
    def is_timely(self) -> bool:
        served = self.last_served_at
        return served is not None and served <= self.deadline

    @property
    def earliest_lawful_start(self) -> datetime | None:
        """When a strike may begin given when the notices were served."""
        served = self.last_served_at
        return None if served is None else served + timedelta(days=self.notice_days)
