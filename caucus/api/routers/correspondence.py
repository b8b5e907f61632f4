"""The correspondence log (``table.view_internal``): letters, e-mails and other messages of the
round, each with what it concerns, and its document. Read-only here; the team logs and
corrects letters on the staff pages (``caucus.table.actions.do_log_letter``)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from ninja import Query, Router, Schema

from caucus.api.access import require
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message
from caucus.lib.files import send_stored_file
from caucus.table.access import access_letter, access_negotiation
from caucus.table.models import Correspondence

router = Router(tags=["correspondence"])
ERRORS = {401: Message, 403: Message, 404: Message}
PERM = "table.view_internal"


class LetterOut(Schema):
    id: int
    sent_on: date
    sent_at: time | None
    direction: str
    sender: str
    recipient: str
    channel: str
    subject: str
    summary: str
    document_name: str | None
    is_published: bool
    proposal_ids: list[int]
    request_numbers: list[int]
    charge_ids: list[int]


class LetterPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[LetterOut]


def letter_out(letter: Correspondence) -> dict[str, Any]:
    return {
        "id": letter.pk,
        "sent_on": letter.sent_on,
        "sent_at": letter.sent_at,
        "direction": letter.direction,
        "sender": letter.sender,
        "recipient": letter.recipient,
        "channel": letter.channel,
        "subject": letter.subject,
        "summary": letter.summary,
        "document_name": (letter.document_name or "document") if letter.document else None,
        "is_published": letter.is_published,
        "proposal_ids": [p.pk for p in letter.proposals.all()],
        "request_numbers": [r.number for r in letter.requests.all()],
        "charge_ids": [c.pk for c in letter.charges.all()],
    }


@router.get("/negotiations/{slug}/letters", response={200: LetterPage, **ERRORS})
def list_letters(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """The negotiation's correspondence, latest first."""
    user = require(request, PERM)
    negotiation = access_negotiation(user, slug, PERM)
    letters = Correspondence.objects.filter(negotiation=negotiation).prefetch_related(
        "proposals", "requests", "charges"
    )
    return page(letters, paging, letter_out)


@router.get("/negotiations/{slug}/letters/{letter_id}", response={200: LetterOut, **ERRORS})
def get_letter(request: HttpRequest, slug: NegotiationSlug, letter_id: RowId) -> Any:
    user = require(request, PERM)
    negotiation = access_negotiation(user, slug, PERM)
    return letter_out(access_letter(user, negotiation, letter_id))


@router.get("/negotiations/{slug}/letters/{letter_id}/document", response={200: None, **ERRORS})
def get_letter_document(
    request: HttpRequest, slug: NegotiationSlug, letter_id: RowId
) -> HttpResponseBase:
    """The letter's document, as a download (404 when none is kept)."""
    user = require(request, PERM)
    negotiation = access_negotiation(user, slug, PERM)
    letter = access_letter(user, negotiation, letter_id)
    return send_stored_file(letter.document, letter.document_name or None)
