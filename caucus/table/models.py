"""The bargaining table: negotiations, sessions, articles, proposals and their history,
packages, tentative agreements, information requests, charges and direct dealing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from caucus.accounts.models import Person
from caucus.accounts.permissions import union_ids_with


class NegotiationQuerySet(models.QuerySet["Negotiation"]):
    def visible_to(self, user: Person, perm: str = "table.view") -> NegotiationQuerySet:
        """The negotiations ``perm`` reaches for ``user``: every one for a coalition-wide grant;
        for a union's grant, those covering one of that union's bargaining units.

        The rule "a union's staff see the negotiations their union is in", written once: the
        pages and the API both ask it (with :func:`Negotiation.is_reached_by` for one)."""
        union_ids = union_ids_with(user, perm)
        if union_ids is None:
            return self.all()
        if not union_ids:
            return self.none()
        return self.filter(
            pk__in=Negotiation.units.through.objects.filter(
                bargainingunit__union_id__in=union_ids
            ).values("negotiation_id")
        )


class Negotiation(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", gettext_lazy("Preparing")
        BARGAINING = "bargaining", gettext_lazy("Bargaining")
        IMPASSE = "impasse", gettext_lazy("Impasse")
        STRIKE = "strike", gettext_lazy("Strike")
        TENTATIVE = "tentative", gettext_lazy("Tentative agreement")
        RATIFIED = "ratified", gettext_lazy("Ratified")

    coalition = models.ForeignKey(
        "orgs.Coalition", on_delete=models.CASCADE, related_name="negotiations"
    )
    employer = models.ForeignKey(
        "orgs.Employer", on_delete=models.PROTECT, related_name="negotiations"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREPARING)
    units = models.ManyToManyField("orgs.BargainingUnit", related_name="negotiations", blank=True)
    contract_expires = models.DateField(null=True, blank=True)
    public_intro = models.TextField(
        blank=True, help_text="Markdown, shown on the public home page."
    )
    get_involved = models.TextField(blank=True, help_text="Markdown: how members get involved.")
    is_public = models.BooleanField(default=True)

    objects = NegotiationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("table:dashboard", args=[self.slug])

    def union_ids(self) -> frozenset[int]:
        """The unions whose bargaining units this negotiation covers (asked once per object)."""
        cached: frozenset[int] | None = getattr(self, "_union_ids", None)
        if cached is None:
            cached = frozenset(self.units.values_list("union_id", flat=True))
            self._union_ids = cached
        return cached

    def is_reached_by(self, user: Person, perm: str) -> bool:
        """True if ``user`` holds ``perm`` for this negotiation (see ``visible_to``)."""
        union_ids = union_ids_with(user, perm)
        return union_ids is None or bool(union_ids & self.union_ids())


class Side(models.TextChoices):
    UNION = "union", gettext_lazy("Union")
    EMPLOYER = "employer", gettext_lazy("Employer")


def default_time_zone() -> str:
    return str(settings.TIME_ZONE)


def validate_time_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"“{name}” is not a time zone name (such as America/Chicago)."
        ) from None


class Session(models.Model):
    # A session with a start but no end still takes a block of time (calendars, "under way").
    DEFAULT_LENGTH = timedelta(hours=3)

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    ends_at = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text="Where the session is held: its times are the clock times there.",
    )
    attendees = models.TextField(blank=True, help_text="Who was at the table, one per line.")
    internal_notes = models.TextField(blank=True, help_text="Bargaining team only.")
    public_summary = models.TextField(blank=True, help_text="Markdown, shown to members.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-starts_at"]

    def __str__(self) -> str:
        return f"{self.negotiation} session {self.date:%Y-%m-%d}"

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(settings.TIME_ZONE)

    @property
    def zone_label(self) -> str:
        """The zone's abbreviation on the session's day: ``PDT``, ``CST``."""
        return self.starts().tzname() or self.time_zone

    def starts(self) -> datetime:
        """When it starts, in its place's time zone (the start of the day when no time)."""
        return datetime.combine(self.date, self.starts_at or time.min, tzinfo=self.zone)

    def ends(self) -> datetime:
        """When it ends: its end time, three hours after its start, or the end of the day."""
        if self.starts_at is None:
            return datetime.combine(self.date + timedelta(days=1), time.min, tzinfo=self.zone)
        if self.ends_at is not None and self.ends_at > self.starts_at:
            return datetime.combine(self.date, self.ends_at, tzinfo=self.zone)
        return self.starts() + self.DEFAULT_LENGTH

    @property
    def is_upcoming(self) -> bool:
        """Not started yet, where it is held."""
        return timezone.now() < self.starts()

    @property
    def has_ended(self) -> bool:
        return timezone.now() >= self.ends()

    @property
    def is_under_way(self) -> bool:
        """Started and not ended: today's session (all day, when it has no times)."""
        return not self.is_upcoming and not self.has_ended


class Article(models.Model):
    """An article of the contract, with the text now in force."""

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="articles")
    number = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    current_text = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    is_economic = models.BooleanField(default=False)

    class Meta:
        ordering = ["order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "number"], name="article_number_unique")
        ]

    def __str__(self) -> str:
        return f"Article {self.number}: {self.title}"


class Package(models.Model):
    """Several proposals passed together, to be accepted or rejected as one."""

    class Status(models.TextChoices):
        OPEN = "open", "On the table"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="packages")
    side = models.CharField(max_length=10, choices=Side.choices)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="packages"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)

    def __str__(self) -> str:
        return self.title


class Proposal(models.Model):
    """One pass across the table: a side's text for an article."""

    class Kind(models.TextChoices):
        FORMAL = "formal", gettext_lazy("Formal proposal")
        COUNTER = "counter", gettext_lazy("Counter-proposal")
        OPTION = "option", gettext_lazy("Option (informal)")
        SUPPOSAL = "supposal", gettext_lazy("Supposal")

    class Status(models.TextChoices):
        OPEN = "open", gettext_lazy("On the table")
        WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")
        REJECTED = "rejected", gettext_lazy("Rejected")
        SUPERSEDED = "superseded", gettext_lazy("Superseded")
        TENTATIVELY_AGREED = "ta", gettext_lazy("Tentatively agreed")

    class Effect(models.TextChoices):
        REPLACE = "replace", "Replaces the whole article"
        SECTIONS = "sections", "Changes only the sections it names"

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="proposals")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.PROTECT, related_name="proposals"
    )
    side = models.CharField(max_length=10, choices=Side.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FORMAL)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    summary = models.TextField(blank=True, help_text="Plain-language summary for members.")
    session = models.ForeignKey(
        Session,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="The session it was passed at.",
    )
    passed_on = models.DateField(default=date.today)
    answers = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_by",
        help_text="The other side's proposal this one answers.",
    )
    package = models.ForeignKey(
        Package, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    is_published = models.BooleanField(
        default=False, help_text="Shown to members on the public site."
    )
    economic_terms = models.JSONField(
        null=True, blank=True, help_text="Costing terms (see docs/costing.md)."
    )
    # What the proposal does to its article: replace it whole (the text is the article), or
    # change named sections: [{"section": "14.2", "action": "amend"|"add"|"delete",
    # "text": ...}], applied to the current text by caucus.engines.redline.amendments.
    effect = models.CharField(max_length=10, choices=Effect.choices, default=Effect.REPLACE)
    sections = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["passed_on", "created_at", "id"]
        indexes = [models.Index(fields=["negotiation", "article", "side", "passed_on"])]

    def __str__(self) -> str:
        return f"{self.get_side_display()} {self.get_kind_display().lower()}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("table:proposal", args=[self.negotiation.slug, self.pk])

    def is_on_the_table(self) -> bool:
        return self.status == self.Status.OPEN


class ProposalEvent(models.Model):
    """The history of a proposal: passed, status changes, publication, edits."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(max_length=40)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal} {self.what} {self.at:%Y-%m-%d}"


class TentativeAgreement(models.Model):
    negotiation = models.ForeignKey(
        Negotiation, on_delete=models.CASCADE, related_name="tentative_agreements"
    )
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="tentative_agreements"
    )
    proposal = models.ForeignKey(
        Proposal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tentative_agreements",
        help_text="The pass both sides signed off on.",
    )
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_on = models.DateField(default=date.today)
    text = models.TextField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "article"], name="one_ta_per_article")
        ]

    def __str__(self) -> str:
        return f"TA on {self.article}"


class InformationRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the employer"
        ACKNOWLEDGED = "acknowledged", "Acknowledged, not answered"
        PARTIAL = "partial", "Partly answered"
        ANSWERED = "answered", "Answered"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    negotiation = models.ForeignKey(
        Negotiation, on_delete=models.CASCADE, related_name="information_requests"
    )
    number = models.PositiveIntegerField(help_text="The union's request number in this round.")
    title = models.CharField(max_length=200)
    items = models.TextField(help_text="What was asked for, one item per line.")
    asked_on = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["negotiation", "number"], name="info_request_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(due_on__isnull=True)
                | models.Q(due_on__gte=models.F("asked_on")),
                name="info_request_due_after_asked",
            ),
        ]

    def __str__(self) -> str:
        return f"RFI {self.number}: {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.ACKNOWLEDGED, self.Status.PARTIAL)

    def age_days(self, today: date | None = None) -> int:
        end = (
            self.answered_on
            if not self.is_open and self.answered_on
            else (today or timezone.localdate())
        )
        return (end - self.asked_on).days

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today

    def days_overdue(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        if not self.is_overdue(today) or self.due_on is None:
            return 0
        return (today - self.due_on).days


class InformationRequestFollowUp(models.Model):
    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="follow_ups"
    )
    on = models.DateField()
    kind = models.CharField(
        max_length=20,
        choices=[
            ("reminder", "Reminder sent"),
            ("reply", "Employer reply"),
            ("partial", "Partial answer"),
            ("note", "Note"),
        ],
    )
    note = models.TextField()

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.request} {self.kind} {self.on}"


class Charge(models.Model):
    """An unfair-labor-practice charge."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Being drafted"
        FILED = "filed", "Filed"
        INVESTIGATION = "investigation", "Under investigation"
        COMPLAINT = "complaint", "Complaint issued"
        SETTLED = "settled", "Settled"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DISMISSED = "dismissed", "Dismissed"
        DECIDED = "decided", "Decided"

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="charges")
    agency = models.CharField(max_length=120, default="National Labor Relations Board")
    case_number = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=200)
    allegations = models.TextField()
    filed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    evidence_requests = models.ManyToManyField(
        InformationRequest, blank=True, related_name="charges"
    )
    evidence_reports: models.ManyToManyField[DirectDealingReport, Any] = models.ManyToManyField(
        "DirectDealingReport", blank=True, related_name="charges"
    )

    class Meta:
        ordering = ["-filed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_number or 'Draft'}: {self.title}"


class ChargeDocument(models.Model):
    charge = models.ForeignKey(Charge, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="charges/%Y/")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title


class DirectDealingReport(models.Model):
    """An employer message sent straight to members, reported by a member or logged by staff."""

    class Channel(models.TextChoices):
        EMAIL = "email", gettext_lazy("E-mail")
        TEXT = "text", gettext_lazy("Text message")
        APP = "app", gettext_lazy("Work app or intranet")
        LETTER = "letter", gettext_lazy("Letter or flyer")
        MEETING = "meeting", gettext_lazy("Meeting or one-on-one")
        OTHER = "other", gettext_lazy("Other")

    class Status(models.TextChoices):
        NEW = "new", "New, to review"
        REVIEWED = "reviewed", "Reviewed"
        EVIDENCE = "evidence", "Kept as evidence"
        DISMISSED = "dismissed", "Not direct dealing"

    negotiation = models.ForeignKey(
        Negotiation, on_delete=models.CASCADE, related_name="direct_dealing"
    )
    received_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    sender = models.CharField(max_length=200, blank=True, help_text="Who sent it for the employer.")
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    attachment = models.FileField(upload_to="direct-dealing/%Y/", blank=True)
    worksite = models.ForeignKey(
        "orgs.Worksite", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_contact = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.received_on}: {self.subject or self.text[:40]}"


class Correspondence(models.Model):
    """A letter, e-mail or other message of the round (the coalition's letter demanding the
    employer resume bargaining, the employer's proposal e-mailed late on a Friday, its answers
    to information requests), with its document and the proposals, requests and charges it
    concerns, so request ageing and charge evidence can cite it. Internal (``table.
    view_internal``) until published; a published letter is one members may be shown."""

    class Direction(models.TextChoices):
        SENT = "sent", "From the union"
        RECEIVED = "received", "From the employer"
        OTHER = "other", "Other"

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        LETTER = "letter", "Letter by post"
        HAND = "hand", "Handed over at the table"
        COURIER = "courier", "Courier"
        PORTAL = "portal", "Portal or shared drive"
        FAX = "fax", "Fax"
        OTHER = "other", "Other"

    negotiation = models.ForeignKey(Negotiation, on_delete=models.CASCADE, related_name="letters")
    sent_on = models.DateField("Date")
    sent_at = models.TimeField("Time", null=True, blank=True, help_text="When it matters.")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    sender = models.CharField("From", max_length=200)
    recipient = models.CharField("To", max_length=200)
    channel = models.CharField("How sent", max_length=10, choices=Channel.choices)
    subject = models.CharField(max_length=300)
    summary = models.TextField("What it says", blank=True)
    document = models.FileField(upload_to="correspondence/%Y/", blank=True)
    document_name = models.CharField(max_length=255, blank=True)
    proposals = models.ManyToManyField(Proposal, blank=True, related_name="letters")
    requests = models.ManyToManyField(InformationRequest, blank=True, related_name="letters")
    charges = models.ManyToManyField(Charge, blank=True, related_name="letters")
    is_published = models.BooleanField(
        default=False, help_text="Members may be shown it (an update can cite it)."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-sent_at", "-id"]
        verbose_name_plural = "correspondence"
        indexes = [models.Index(fields=["negotiation", "sent_on"])]

    def __str__(self) -> str:
        return f"{self.sent_on:%Y-%m-%d} {self.sender} to {self.recipient}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("table:letter", args=[self.negotiation.slug, self.pk])
