"""Bargaining updates: written by communications staff, sent to the whole coalition or some
unions, citing the proposal passes and sessions they report on.

Translations and e-mail delivery hang off an update (``UpdateTranslation``; an outbox comes
with the e-mail issue) so that the original stays the single source.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from caucus.accounts.permissions import union_ids_with
from caucus.lib.markdown import render_markdown
from caucus.orgs.models import Union
from caucus.table.models import Negotiation
from caucus.updates.audience import reader_union_ids


class UpdateQuerySet(models.QuerySet["Update"]):
    def published(self) -> UpdateQuerySet:
        return self.filter(status=Update.Status.PUBLISHED, published_at__lte=timezone.now())

    def public(self) -> UpdateQuerySet:
        """Published to the whole coalition: what anyone, and the feed, may see."""
        return self.published().filter(to_whole_coalition=True)

    def visible_to(self, user: Any) -> UpdateQuerySet:
        """Published updates ``user`` may read (see ``caucus.updates.audience``)."""
        union_ids = reader_union_ids(user)
        if not union_ids:
            return self.public()
        targeted = self.filter(unions__in=union_ids).values("pk")
        return self.published().filter(
            models.Q(to_whole_coalition=True) | models.Q(pk__in=targeted)
        )

    def editable_by(self, user: Any, perm: str = "updates.edit") -> UpdateQuerySet:
        """Updates ``user`` may edit: for coalition-wide editors, every update; for
        union-scoped editors, updates of the negotiations their unions are in, addressed only
        to their own unions."""
        union_ids = union_ids_with(user, perm)
        if union_ids is None:
            return self.all()
        if not union_ids:
            return self.none()
        tables = Negotiation.objects.visible_to(user, perm).values("pk")
        return (
            self.filter(negotiation__in=tables, to_whole_coalition=False, unions__in=union_ids)
            .exclude(unions__in=Union.objects.exclude(pk__in=union_ids))
            .distinct()
        )

    def translatable_by(self, user: Any) -> UpdateQuerySet:
        """Updates ``user`` may translate (``updates.translate``, scoped as editing is)."""
        return self.editable_by(user, "updates.translate")

    def readable_by(self, user: Any) -> UpdateQuerySet:
        """What the staff side shows ``user``: what members like them read, and what they
        may edit (drafts and scheduled updates included)."""
        return self.filter(
            models.Q(pk__in=self.visible_to(user).values("pk"))
            | models.Q(pk__in=self.editable_by(user).values("pk"))
        )


class Update(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    negotiation = models.ForeignKey(
        "table.Negotiation", on_delete=models.CASCADE, related_name="updates"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220)
    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences for lists and feeds."
    )
    body = models.TextField(help_text="Markdown. Links and basic formatting; no scripts.")
    body_html = models.TextField(blank=True, editable=False, default="")
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    to_whole_coalition = models.BooleanField(default=True)
    embargoed = models.BooleanField(
        default=False,
        help_text="Kept off the member site until its send starts (publishing waits for it).",
    )
    unions = models.ManyToManyField(
        "orgs.Union",
        blank=True,
        related_name="updates",
        help_text="When not to the whole coalition.",
    )
    cites_proposals = models.ManyToManyField(
        "table.Proposal", blank=True, related_name="cited_in_updates"
    )
    cites_sessions = models.ManyToManyField(
        "table.Session", blank=True, related_name="cited_in_updates"
    )
    cites_letters = models.ManyToManyField(
        "table.Correspondence", blank=True, related_name="cited_in_updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["negotiation", "slug"], name="update_slug_unique")
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        store_body_html(self, kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("site:update", args=[self.negotiation.slug, self.slug])

    def rendered_body(self) -> SafeString:
        return rendered_body(self)

    def audience_label(self) -> str:
        if self.to_whole_coalition:
            return "Whole coalition"
        names = ", ".join(str(union) for union in self.unions.all())
        return f"Members of {names}" if names else "No one yet: choose unions"

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def reviewed_translations(self) -> dict[str, UpdateTranslation]:
        """The translations members may read (and be sent), by language."""
        return {t.language: t for t in self.translations.all() if t.is_reviewed}

    def text_in(self, wanted: str) -> Update | UpdateTranslation:
        """The text for a reader of ``wanted``: its reviewed translation, else one of its base
        language (``es-MX`` → ``es``), else the original."""
        translations = self.reviewed_translations()
        for code in language_chain(wanted):
            if code == self.language:
                return self
            if code in translations:
                return translations[code]
        return self


def store_body_html(text: Update | UpdateTranslation, save_kwargs: dict[str, Any]) -> None:
    """The body rendered and sanitized once, when it is written, so the page shows it without
    rendering Markdown for every reader; written with the body, whoever writes it."""
    fields = save_kwargs.get("update_fields")
    if fields is not None and "body" not in fields:
        return
    text.body_html = str(render_markdown(text.body))
    if fields is not None:
        save_kwargs["update_fields"] = {*fields, "body_html"}


def rendered_body(text: Update | UpdateTranslation) -> SafeString:
    """The stored HTML of the body (sanitized when stored); rendered now if a write went
    around ``save`` (a queryset ``update``)."""
    if text.body_html or not text.body:
        return mark_safe(text.body_html)  # noqa: S308 - sanitized by render_markdown when stored
    return render_markdown(text.body)


def language_chain(wanted: str) -> list[str]:
    """``es-MX`` → ``["es-mx", "es"]``: the codes to try, most particular first."""
    code = (wanted or "").strip().lower().replace("_", "-")
    chain = []
    while code:
        chain.append(code)
        code = code.rpartition("-")[0]
    return chain


class UpdateTranslation(models.Model):
    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    body_html = models.TextField(blank=True, editable=False, default="")
    is_reviewed = models.BooleanField(
        default=False, help_text="Read and approved by a person: only reviewed text is sent."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["update", "language"], name="update_translation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.update} ({self.language})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        store_body_html(self, kwargs)
        super().save(*args, **kwargs)

    def rendered_body(self) -> SafeString:
        return rendered_body(self)


class UpdateDocument(models.Model):
    """A document an update carries: the letter sent to the employer, the full proposal as a
    PDF. Uploaded once (checked for type and size), shown on the update's page, attached to or
    linked from its e-mail."""

    class Kind(models.TextChoices):
        LETTER = "letter", "Letter"
        PROPOSAL = "proposal", "Full proposal"
        OTHER = "other", "Other document"

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(upload_to="update-documents/%Y/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_public_url(self) -> str:
        update = self.update
        return reverse("site:update_document", args=[update.negotiation.slug, update.slug, self.pk])
