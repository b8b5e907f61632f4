"""Every write on bargaining updates, for the staff pages, the API and the demo alike:
writing or correcting one (``do_save_update``) and publishing it (``do_publish_update``).
Each is atomic, checks the audience and what the update cites (never HTTP), and leaves one
audit record; a correction to a published update is recorded with what it said before."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from caucus.audit.log import record
from caucus.table.models import Negotiation, Proposal, Session
from caucus.updates.audience import may_address
from caucus.updates.models import Update

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


def do_publish_update(actor: Any, update: Update, request: HttpRequest | None = None) -> Update:
    """Publish now. Refused unless ``actor`` may address the update's audience."""
    union_ids = list(update.unions.values_list("pk", flat=True))
    if not may_address(actor, to_whole_coalition=update.to_whole_coalition, union_ids=union_ids):
        raise UpdateError("You can only publish updates to the unions you write for.")
    with transaction.atomic():
        update.status = Update.Status.PUBLISHED
        update.published_at = timezone.now()
        update.save(update_fields=["status", "published_at", "updated_at"])
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
