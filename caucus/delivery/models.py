"""What delivery keeps: a send of an update (a job: audience, channels, schedule, progress),
its outbox (one row per recipient × channel × update, made in one set-based step and claimed by
workers with a conditional update), the union's suppression list and members' preferences.

An outbox row is ``sent`` only once the server (SMTP relay, SMS provider) accepted it; a row a
worker holds is ``claimed`` with a lease, so a killed worker's rows go back to the others when
the lease runs out. A member's address is never on the employer's domain.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from caucus.lib.jobs import Job, JobStatus


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"
    SMS = "sms", "Text message"


class Send(Job):
    """One send of an update: who to, by which channels, when; its progress as a job."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        QUEUED = JobStatus.QUEUED, "Waiting for a worker"
        RUNNING = JobStatus.RUNNING, "Sending"
        PAUSED = "paused", "Paused"
        CANCELLED = "cancelled", "Cancelled"
        DONE = JobStatus.DONE, "Sent"
        FAILED = JobStatus.FAILED, "Failed"

    update = models.ForeignKey("updates.Update", on_delete=models.CASCADE, related_name="sends")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    by_email = models.BooleanField(default=True)
    by_text = models.BooleanField(default=False)
    to_whole_coalition = models.BooleanField(default=True)
    unions = models.ManyToManyField("orgs.Union", blank=True, related_name="+")
    units = models.ManyToManyField("orgs.BargainingUnit", blank=True, related_name="+")
    worksites = models.ManyToManyField("orgs.Worksite", blank=True, related_name="+")
    text_body = models.CharField(
        max_length=480, blank=True, help_text="The text message (the update's link is added)."
    )
    attach_sheet = models.BooleanField(
        default=True, help_text="Attach the linked comparison sheet's PDF (else link it)."
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    pause_reason = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Job.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Send of {self.update} ({self.get_status_display()})"

    @property
    def channels(self) -> list[str]:
        return [c for c, on in ((Channel.EMAIL, self.by_email), (Channel.SMS, self.by_text)) if on]

    @property
    def may_cancel(self) -> bool:
        return self.status in (
            self.Status.SCHEDULED,
            self.Status.QUEUED,
            self.Status.RUNNING,
            self.Status.PAUSED,
        )

    @property
    def is_finished(self) -> bool:
        """Nothing more happens without staff: done, failed, cancelled or paused."""
        return self.status in (
            self.Status.DONE,
            self.Status.FAILED,
            self.Status.CANCELLED,
            self.Status.PAUSED,
        )

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def audience_label(self) -> str:
        if self.to_whole_coalition:
            return "Whole coalition"
        parts = [str(x) for x in (*self.unions.all(), *self.units.all(), *self.worksites.all())]
        return ", ".join(parts) or "No one"


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    CLAIMED = "claimed", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    BOUNCED = "bounced", "Bounced"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
    SUPPRESSED = "suppressed", "Not sent: suppressed"
    CANCELLED = "cancelled", "Not sent: cancelled"


# Rows no worker will touch again.
FINAL = (
    OutboxStatus.SENT,
    OutboxStatus.FAILED,
    OutboxStatus.BOUNCED,
    OutboxStatus.UNSUBSCRIBED,
    OutboxStatus.SUPPRESSED,
    OutboxStatus.CANCELLED,
)


class OutboxMessage(models.Model):
    """One message to one member by one channel about one update."""

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="messages")
    update = models.ForeignKey("updates.Update", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    address = models.CharField(max_length=254)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(
        max_length=12, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=500, blank=True, help_text="The server's last answer.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["update", "member", "channel"], name="outbox_once_per_update_member"
            )
        ]
        indexes = [
            models.Index(fields=["send", "status", "id"]),
            models.Index(fields=["address"]),
        ]

    def __str__(self) -> str:
        return f"{self.channel} to {self.address} ({self.status})"


class Suppression(models.Model):
    """An address the union must not write to: an unsubscribe, a hard bounce, a complaint, a
    STOP. Every send honours it. Staff read the list; lifting an entry needs a reason and is
    recorded (only the member may undo their own unsubscribe, from their preference page)."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        HARD_BOUNCE = "bounce", "Hard bounce"
        COMPLAINT = "complaint", "Complaint (marked as spam)"
        STOP = "stop", "Replied STOP"

    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    address = models.CharField(max_length=254)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    detail = models.CharField(max_length=500, blank=True, help_text="The server's words, if any.")
    member = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["union", "channel", "address"],
                condition=models.Q(lifted_at__isnull=True),
                name="suppression_once_while_in_force",
            )
        ]
        indexes = [models.Index(fields=["address", "channel"])]

    def __str__(self) -> str:
        return f"{self.address} ({self.get_reason_display()})"

    @property
    def is_in_force(self) -> bool:
        return self.lifted_at is None


class MemberPreference(models.Model):
    """What a member chose on their preference page. No row: the roster's language, every
    channel the union has an address for, every update."""

    member = models.OneToOneField(
        "members.Member", on_delete=models.CASCADE, related_name="delivery_preference"
    )
    language = models.CharField(max_length=10, blank=True, help_text="Blank: the roster's.")
    by_email = models.BooleanField(default=True)
    by_text = models.BooleanField(default=True)
    coalition_updates = models.BooleanField(default=True, help_text="News for the whole coalition.")
    local_updates = models.BooleanField(default=True, help_text="News for my local only.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Preferences of {self.member}"


def lease_expired_before() -> Any:
    """Claims taken before this moment belong to a worker presumed dead."""
    return timezone.now() - timedelta(seconds=settings.CAUCUS_DELIVERY_LEASE_SECONDS)
