"""Votes: a question put to the members of a negotiation's locals, its ballot text in each
language, its frozen voter roll, the sealed ballots and paper counts, and the result.

What the schema promises about secrecy (docs/votes.md, "Secrecy"): a ``Ballot`` has no link to
a ``Voter`` (no foreign key, no timestamp, no address, a random id), and its choice is sealed
to the vote's public key, whose private half never enters the database. A ``Voter`` says only
whether, how (online or paper) and in which hour someone voted.

A vote's records are kept a year after the tally: until ``keep_until`` neither the vote nor
its roll, ballots, paper entries or result can be deleted through Caucus.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from caucus.lib.jobs import Job, JobStatus

OPTIONS = ("yes", "no")
# Ballot text is required in these languages; the roster's other languages read English
# until the languages issue brings their text.
REQUIRED_LANGUAGES = ("en", "es")
# Results of a group with fewer voters than this are not broken down (docs/votes.md).
SMALL_GROUP = 10


class RecordKept(PermissionError):
    """A vote's records cannot be deleted before their ``keep_until``."""


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    TALLIED = "tallied", "Tallied"
    CERTIFIED = "certified", "Certified"


class Kind(models.TextChoices):
    STRIKE = "strike", "Strike authorization"
    RATIFICATION = "ratification", "Ratification of a tentative agreement"


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PAPER = "paper", "Paper"


def _refuse_if_kept(votes: Any) -> None:
    if votes.filter(keep_until__gt=timezone.now()).exists():
        raise RecordKept("A vote's records are kept a year after its tally.")


class VoteQuerySet(models.QuerySet["Vote"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse_if_kept(self)
        return super().delete()

    def public(self) -> VoteQuerySet:
        """What members see listed: votes past their draft, of public negotiations."""
        return self.exclude(state=State.DRAFT).filter(negotiation__is_public=True)


class Vote(models.Model):
    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="votes"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STRIKE)
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=12, choices=State.choices, default=State.DRAFT)
    rule = models.JSONField(default=dict, help_text="The engine's rule (docs/votes.md).")
    units = models.ManyToManyField("orgs.BargainingUnit", related_name="votes", blank=True)
    articles = models.ManyToManyField(
        "table.Article", related_name="votes", blank=True, help_text="The TA's articles."
    )
    sheet = models.ForeignKey(
        "sheets.Sheet", null=True, blank=True, on_delete=models.SET_NULL, related_name="votes"
    )
    links_costing = models.BooleanField(
        default=False, help_text="Link the negotiation's published costing page."
    )
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE)
    online = models.BooleanField(default=True)
    paper = models.BooleanField(default=True)
    cutoff = models.DateField(
        null=True, blank=True, help_text="Members hired by this date, in good standing."
    )
    roll_size = models.PositiveIntegerField(default=0)
    roll_hash = models.CharField(max_length=64, blank=True)
    roll_locked_at = models.DateTimeField(null=True, blank=True)
    public_key = models.BinaryField(null=True, blank=True, max_length=32)
    key_made_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    tallied_at = models.DateTimeField(null=True, blank=True)
    certified_at = models.DateTimeField(null=True, blank=True)
    keep_until = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="vote_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(online=True) | models.Q(paper=True),
                name="vote_has_a_channel",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("votes:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("votes_site:vote", args=[self.negotiation.slug, self.pk])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.keep_until is not None and self.keep_until > timezone.now():
            raise RecordKept("A vote's records are kept a year after its tally.")
        return super().delete(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.state == State.DRAFT

    @property
    def is_open(self) -> bool:
        return self.state == State.OPEN

    @property
    def is_counted(self) -> bool:
        return self.state in (State.TALLIED, State.CERTIFIED)

    @property
    def is_roll_locked(self) -> bool:
        return self.roll_locked_at is not None

    @property
    def has_key(self) -> bool:
        return self.public_key is not None

    def key_bytes(self) -> bytes:
        """The vote's public key (ValueError before the key is made)."""
        if self.public_key is None:
            raise ValueError("the vote's key is not made yet")
        return bytes(self.public_key)

    def is_accepting_ballots(self, now: datetime | None = None) -> bool:
        """Open, and inside its window (the cast itself checks the same in SQL)."""
        now = now or timezone.now()
        return (
            self.state == State.OPEN
            and self.opens_at is not None
            and self.closes_at is not None
            and self.opens_at <= now < self.closes_at
        )

    def local_keys(self) -> dict[int, str]:
        """Each covered union's id and its key in the rule and the tallies (its slug)."""
        unions = self.units.values_list("union_id", "union__slug").distinct()
        return dict(unions)

    def text_in(self, language: str) -> VoteText | None:
        """The ballot text in ``language`` (``es-mx`` reads ``es``), else English."""
        texts = {t.language: t for t in self.texts.all()}
        base = language.lower().split("-")[0] if language else "en"
        return texts.get(language) or texts.get(base) or texts.get("en")


class VoteText(models.Model):
    """The ballot in one language: what members read and choose between."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10)
    question = models.CharField(max_length=300)
    explanation = models.TextField(blank=True, help_text="Markdown: what a yes and a no mean.")
    yes_label = models.CharField(max_length=100)
    no_label = models.CharField(max_length=100)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "language"], name="vote_text_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.vote} ({self.language})"

    def label_of(self, choice: str) -> str:
        return {"yes": self.yes_label, "no": self.no_label}.get(choice, choice)


class VoteRole(models.Model):
    """A person's role in one vote, granted by the coalition admin."""

    class Role(models.TextChoices):
        COMMITTEE = "committee", "Election committee"
        TELLER = "teller", "Teller"
        TRUSTEE = "trustee", "Trustee (holds the key)"

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vote_roles"
    )
    role = models.CharField(max_length=12, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    key_checked_at = models.DateTimeField(
        null=True, blank=True, help_text="When this trustee showed their key file opens the key."
    )

    class Meta:
        ordering = ["role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "user", "role"], name="vote_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.vote}"


class KeptQuerySet(models.QuerySet[Any]):
    """Rows of a vote's records: refused deletion while their vote is kept."""

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse_if_kept(Vote.objects.filter(pk__in=self.values("vote_id")))
        return super().delete()


class Voter(models.Model):
    """One member on a vote's frozen roll. Says whether they voted, how, and in which hour
    (for turnout); never what they chose."""

    # Three indexes only: the key, the unique (vote, key) and (vote, credential). None holds a
    # column a cast changes, so marking a voter is a heap-only update touching no index, and
    # issuing 85,000 credentials writes three indexes, not eight (docs/votes.md, "Speed").
    # Every query of voters starts from their vote.
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="voters", db_index=False)
    member = models.ForeignKey(
        "members.Member",
        null=True,
        on_delete=models.SET_NULL,
        related_name="voter_entries",
        db_index=False,
    )
    key = models.CharField(max_length=120, help_text="local:member id, as hashed in the roll.")
    union = models.ForeignKey(
        "orgs.Union", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    unit = models.ForeignKey(
        "orgs.BargainingUnit", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    worksite = models.ForeignKey(
        "orgs.Worksite", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    credential_hash = models.CharField(max_length=64, null=True, blank=True)
    credential_issued_at = models.DateTimeField(null=True, blank=True)
    has_voted = models.BooleanField(default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    voted_hour = models.DateTimeField(
        null=True, blank=True, help_text="The hour it was cast, for turnout; never finer."
    )
    struck_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    objects = KeptQuerySet.as_manager()

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "key"], name="voter_once_per_roll"),
            models.UniqueConstraint(
                fields=["vote", "credential_hash"],
                condition=models.Q(credential_hash__isnull=False),
                name="voter_credential_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(has_voted=False, channel="")
                | models.Q(has_voted=True, channel__in=["online", "paper"]),
                name="voter_voted_by_one_channel",
            ),
        ]

    def __str__(self) -> str:
        return self.key


class Ballot(models.Model):
    """A sealed choice. No voter, no time, no address; a random id; the local beside it
    because turnout by local is public and each local decides by its own rule."""

    # Two indexes only (the key, and the unique vote and receipt): each is written per cast.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots", db_index=False)
    union = models.ForeignKey(
        "orgs.Union", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    sealed = models.BinaryField(max_length=112)
    receipt = models.CharField(max_length=24)

    objects = KeptQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "receipt"], name="ballot_receipt_unique")
        ]

    def __str__(self) -> str:
        return self.receipt


class PaperEntry(models.Model):
    """A teller's count of one local's paper ballots. Two tellers count each local; the
    committee resolves a mismatch with an entry of its own (``is_resolution``)."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="paper_entries")
    union = models.ForeignKey("orgs.Union", on_delete=models.CASCADE, related_name="+")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    void = models.PositiveIntegerField(default=0, help_text="Blank and spoiled ballots.")
    is_resolution = models.BooleanField(default=False)
    note = models.TextField(blank=True)

    objects = KeptQuerySet.as_manager()

    class Meta:
        ordering = ["union__name", "entered_at", "id"]

    def __str__(self) -> str:
        return f"{self.union}: {self.yes} yes, {self.no} no, {self.void} void"

    @property
    def counts(self) -> tuple[int, int, int]:
        return (self.yes, self.no, self.void)


class ChallengedBallot(models.Model):
    """A paper ballot cast by someone the roll does not show as eligible there, set aside
    sealed until the committee decides; counted only if accepted."""

    class Reason(models.TextChoices):
        NOT_ON_ROLL = "not_on_roll", "Not on the roll"
        WRONG_LOCAL = "wrong_local", "On the roll of another local"
        ALREADY_VOTED = "already_voted", "The roll shows they already voted"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the committee"
        ACCEPTED = "accepted", "Accepted: counted"
        REJECTED = "rejected", "Rejected: not counted"

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="challenged")
    union = models.ForeignKey(
        "orgs.Union", on_delete=models.CASCADE, related_name="+", help_text="Where it was cast."
    )
    name = models.CharField(max_length=200)
    member_number = models.CharField(max_length=40, blank=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(blank=True)
    sealed = models.BinaryField(null=True, max_length=112)
    receipt = models.CharField(max_length=24)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    objects = KeptQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"challenged ballot {self.receipt} ({self.get_status_display()})"


class Result(models.Model):
    """The tally: the engine's outcome (``caucus.engines.ballots.json_format``), the counts
    of each channel per local, and the receipts counted."""

    vote = models.OneToOneField(Vote, on_delete=models.CASCADE, related_name="result")
    outcome = models.JSONField(help_text="outcome_to_dict of the engine's Outcome.")
    channels = models.JSONField(
        default=dict, help_text="{local: {online|paper|challenged: {yes, no, void}}}"
    )
    problems = models.JSONField(default=list, blank=True)
    counted = models.PositiveIntegerField(default=0, help_text="Sealed ballots opened.")
    tallied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    tallied_at = models.DateTimeField(auto_now_add=True)

    objects = KeptQuerySet.as_manager()

    def __str__(self) -> str:
        return f"result of {self.vote}"

    @property
    def passes(self) -> bool:
        return bool(self.outcome.get("passes"))


class VoteMailing(Job):
    """Credentials (by e-mail, or as printed letters) or reminders going out for a vote: a job
    (``caucus.lib.jobs``) with one ``MailingRecipient`` row per voter, so none is lost
    silently."""

    class Kind(models.TextChoices):
        CREDENTIALS = "credentials", "Voting links by e-mail"
        LETTERS = "letters", "Printed letters"
        REMINDERS = "reminders", "Reminders to members who have not voted"

    class Status(models.TextChoices):
        QUEUED = JobStatus.QUEUED, "Queued"
        RUNNING = JobStatus.RUNNING, "Sending"
        DONE = JobStatus.DONE, "Done"
        FAILED = JobStatus.FAILED, "Failed"

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="mailings")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    unions = models.ManyToManyField("orgs.Union", blank=True, related_name="+")
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    letters = models.FileField(upload_to="votes/letters/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Job.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.vote}"


class MailingRecipient(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    mailing = models.ForeignKey(VoteMailing, on_delete=models.CASCADE, related_name="recipients")
    voter = models.ForeignKey(Voter, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailing", "voter"], name="mailing_recipient_once")
        ]

    def __str__(self) -> str:
        return f"{self.voter} ({self.status})"
