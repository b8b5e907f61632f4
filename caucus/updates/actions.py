"""Every write on bargaining updates, for the staff pages, the API and the demo alike:
writing or correcting one (``do_save_update``), publishing it (``do_publish_update``; an
embargoed update waits for its send to start), its translations (written, then reviewed by a
person before anyone is sent them) and the documents it carries.
Each is atomic, checks the audience and what the update cites (never HTTP), and leaves one
audit record; a correction to a published update is recorded with what it said before."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from caucus.audit.log import record
from caucus.table.models import Correspondence, Negotiation, Proposal, Session
from caucus.updates.audience import may_address
from caucus.updates.models import Update, UpdateDocument, UpdateTranslation

# The fields of an update's own text and address; before/after of each goes to the audit log.
TEXT_FIELDS = ("negotiation", "title", "slug", "summary", "body", "language", "to_whole_coalition")


class UpdateError(Exception):
    """A change refused, shown at ``field`` when it is about one field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def check_update(
    actor: Any,
    negotiation: Negotiation,
    *,
    to_whole_coalition: bool,
    unions: Sequence[Any],
    cites_proposals: Sequence[Proposal] = (),
    cites_sessions: Sequence[Session] = (),
    cites_letters: Sequence[Correspondence] = (),
    sheets: Sequence[Any] = (),
) -> None:
    """The rules of an update's audience and citations; raises UpdateError naming the field."""
    if not negotiation.is_reached_by(actor, "updates.edit"):
        raise UpdateError("Choose a negotiation you write updates for.", field="negotiation")
    if not to_whole_coalition and not unions:
        raise UpdateError(
            "Choose at least one union, or address the whole coalition.", field="unions"
        )
    union_ids = [u.pk for u in unions]
    if not may_address(actor, to_whole_coalition=to_whole_coalition, union_ids=union_ids):
        raise UpdateError(
            "You can only address updates to the unions you write for.", field="audience"
        )
    if any(p.negotiation_id != negotiation.pk or not p.is_published for p in cites_proposals):
        raise UpdateError(
            "Cite published proposals from this negotiation only.", field="cites_proposals"
        )
    if any(s.negotiation_id != negotiation.pk for s in cites_sessions):
        raise UpdateError("Cite sessions from this negotiation only.", field="cites_sessions")
    if any(c.negotiation_id != negotiation.pk or not c.is_published for c in cites_letters):
        raise UpdateError("Cite published letters of this negotiation only.", field="cites_letters")
    if any(sheet.negotiation_id != negotiation.pk for sheet in sheets):
        raise UpdateError("Link sheets of this negotiation only.", field="sheets")


def _text_of(update: Update) -> dict[str, Any]:
    return {
        name: (update.negotiation_id if name == "negotiation" else getattr(update, name))
        for name in TEXT_FIELDS
    }


@transaction.atomic
def do_save_update(
    actor: Any,
    update: Update | None,
    *,
    unions: Sequence[Any] = (),
    cites_proposals: Sequence[Proposal] = (),
    cites_sessions: Sequence[Session] = (),
    cites_letters: Sequence[Correspondence] = (),
    sheets: Sequence[Any] = (),
    **fields: Any,
) -> Update:
    """Write a new draft (``update`` None) or correct one, published or not."""
    check_update(
        actor,
        fields["negotiation"],
        to_whole_coalition=fields["to_whole_coalition"],
        unions=[] if fields["to_whole_coalition"] else unions,
        cites_proposals=cites_proposals,
        cites_sessions=cites_sessions,
        cites_letters=cites_letters,
        sheets=sheets,
    )
    is_new = update is None
    if update is None:
        update = Update(author=actor)
    before = {} if is_new else _text_of(update)
    before_unions = [] if is_new else sorted(update.unions.values_list("pk", flat=True))
    for name, value in fields.items():
        setattr(update, name, value)
    update.save()
    update.unions.set([] if update.to_whole_coalition else unions)
    update.cites_proposals.set(cites_proposals)
    update.cites_sessions.set(cites_sessions)
    update.cites_letters.set(cites_letters)
    update.sheets.set(sheets)
    if is_new:
        record(actor, "update.create", update, title=update.title)
        return update
    after = _text_of(update)
    changed = {
        name: [str(before[name]), str(after[name])] for name in after if before[name] != after[name]
    }
    after_unions = sorted(u.pk for u in update.unions.all())
    if after_unions != before_unions:
        changed["unions"] = [str(before_unions), str(after_unions)]
    if changed:
        record(
            actor,
            "update.edit",
            update,
            was_published=update.is_published,
            changed=changed,
        )
    return update


@transaction.atomic
def do_link_sheet(actor: Any, update: Update, sheet: Any) -> None:
    """The update's page links to ``sheet`` (shown to members once the sheet is published)."""
    if update.negotiation_id != sheet.negotiation_id:
        raise UpdateError("That update is about another negotiation.", field="update")
    update.sheets.add(sheet)
    record(actor, "update.link_sheet", update, sheet=sheet.pk)


def do_publish_update(
    actor: Any, update: Update, request: HttpRequest | None = None, *, by_send: bool = False
) -> Update:
    """Publish now. Refused unless ``actor`` may address the update's audience, and while the
    update is embargoed, unless its send is starting (``by_send``), which lifts the embargo."""
    union_ids = list(update.unions.values_list("pk", flat=True))
    if not may_address(actor, to_whole_coalition=update.to_whole_coalition, union_ids=union_ids):
        raise UpdateError("You can only publish updates to the unions you write for.")
    if update.embargoed and not by_send:
        raise UpdateError("This update is embargoed: it is published when its send starts.")
    with transaction.atomic():
        update.status = Update.Status.PUBLISHED
        update.published_at = timezone.now()
        update.embargoed = False
        update.save(update_fields=["status", "published_at", "embargoed", "updated_at"])
        record(
            actor,
            "update.publish",
            update,
            request=request,
            title=update.title,
            to_whole_coalition=update.to_whole_coalition,
            unions=union_ids,
        )
    return update


@transaction.atomic
def do_set_embargo(actor: Any, update: Update, *, embargoed: bool) -> Update:
    """Keep a draft off the member site until its send starts (or stop doing so)."""
    if embargoed and update.is_published:
        raise UpdateError("This update is already on the member site.", field="embargoed")
    update.embargoed = embargoed
    update.save(update_fields=["embargoed", "updated_at"])
    record(actor, "update.embargo", update, embargoed=embargoed)
    return update


@transaction.atomic
def do_save_translation(
    actor: Any,
    update: Update,
    translation: UpdateTranslation | None,
    *,
    language: str,
    title: str,
    summary: str,
    body: str,
) -> UpdateTranslation:
    """Write or correct a translation. Any change to its text needs a new review before it is
    sent or shown."""
    language = language.strip().lower()
    if language == update.language.lower():
        raise UpdateError("That is the update's own language.", field="language")
    others = update.translations.filter(language=language)
    if translation is not None:
        others = others.exclude(pk=translation.pk)
    if others.exists():
        raise UpdateError(
            "This update already has a translation in that language.", field="language"
        )
    is_new = translation is None
    if translation is None:
        translation = UpdateTranslation(update=update)
    changed = is_new or (translation.title, translation.summary, translation.body) != (
        title,
        summary,
        body,
    )
    translation.language, translation.title = language, title
    translation.summary, translation.body = summary, body
    translation.translated_by = actor
    if changed:
        translation.is_reviewed, translation.reviewed_by, translation.reviewed_at = (
            False,
            None,
            None,
        )
    translation.save()
    record(
        actor,
        "update.translation_create" if is_new else "update.translation_edit",
        update,
        language=language,
    )
    return translation


@transaction.atomic
def do_review_translation(actor: Any, translation: UpdateTranslation) -> UpdateTranslation:
    """A person has read the translation against the original: it may now be sent and shown."""
    if translation.translated_by_id == getattr(actor, "pk", None):
        raise UpdateError(
            "Someone other than its translator reviews a translation.", field="review"
        )
    translation.is_reviewed = True
    translation.reviewed_by = actor
    translation.reviewed_at = timezone.now()
    translation.save(update_fields=["is_reviewed", "reviewed_by", "reviewed_at"])
    record(actor, "update.translation_review", translation.update, language=translation.language)
    return translation


@transaction.atomic
def do_add_document(
    actor: Any, update: Update, *, title: str, kind: str, upload: Any
) -> UpdateDocument:
    """Attach a document (already checked for type and size by the form's DocumentField)."""
    document = UpdateDocument(
        update=update,
        title=title,
        kind=kind,
        original_name=upload.name,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    record(actor, "update.document_add", update, document=document.pk, title=title)
    return document


@transaction.atomic
def do_remove_document(actor: Any, document: UpdateDocument) -> None:
    record(actor, "update.document_remove", document.update, title=document.title)
    document.file.delete(save=False)
    document.delete()
