"""Bargaining sessions: public summaries for every staff role, notes and attendees for the
bargaining team (``table.view_internal``), new sessions for ``table.edit``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from caucus.api.access import refused, require
from caucus.api.outputs import session_out
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message, SessionIn, SessionOut, SessionPage
from caucus.table.access import access_negotiation, access_session, can_view_internal
from caucus.table.actions import TableError, do_record_session

router = Router(tags=["sessions"])
ERRORS = {401: Message, 403: Message, 404: Message}


@router.get(
    "/negotiations/{slug}/sessions",
    response={200: SessionPage, **ERRORS},
    exclude_unset=True,
)
def list_sessions(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """Sessions, latest first (upcoming ones included)."""
    user = require(request, "table.view")
    negotiation = access_negotiation(user, slug)
    internal = can_view_internal(user, negotiation)
    return page(
        negotiation.sessions.order_by("-date", "-starts_at", "-id"),
        paging,
        lambda session: session_out(session, internal=internal),
    )


@router.get(
    "/negotiations/{slug}/sessions/{session_id}",
    response={200: SessionOut, **ERRORS},
    exclude_unset=True,
)
def get_session(request: HttpRequest, slug: NegotiationSlug, session_id: RowId) -> Any:
    user = require(request, "table.view")
    negotiation = access_negotiation(user, slug)
    session = access_session(user, negotiation, session_id)
    return session_out(session, internal=can_view_internal(user, negotiation))


@router.post(
    "/negotiations/{slug}/sessions",
    response={201: SessionOut, 422: Message, **ERRORS},
    exclude_unset=True,
)
def post_session(request: HttpRequest, slug: NegotiationSlug, data: SessionIn) -> Any:
    """Record a session (``table.edit``)."""
    user = require(request, "table.edit")
    negotiation = access_negotiation(user, slug, "table.edit")
    try:
        session = do_record_session(user, negotiation, **data.dict())
    except TableError as error:
        raise refused(error) from None
    return Status(201, session_out(session, internal=True))
