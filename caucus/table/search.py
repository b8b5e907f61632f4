"""Search across a negotiation's proposals and sessions, with safe highlighting.

Only what the user may see is searched: unpublished proposals and sessions' internal notes
need ``table.view_internal``. A session matched only by its internal notes is therefore never
found by someone without that right, and its snippet is never taken from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from caucus.accounts.models import Person
from caucus.table.access import can_view_internal, visible_proposals
from caucus.table.models import Negotiation, Proposal, Session

SNIPPET_RADIUS = 90
MAX_RESULTS = 50


def highlight(text: str, query: str) -> SafeString:
    """``text`` escaped, with each case-insensitive occurrence of ``query`` in <mark>."""
    if not query:
        return escape(text)
    pieces = re.split(f"({re.escape(query)})", text, flags=re.IGNORECASE)
    out = [
        f"<mark>{escape(piece)}</mark>" if i % 2 else str(escape(piece))
        for i, piece in enumerate(pieces)
    ]
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above


def snippet(text: str, query: str) -> SafeString:
    """The stretch of ``text`` around the first match, highlighted."""
    at = text.lower().find(query.lower())
    if at < 0:
        at = 0
    start = max(0, at - SNIPPET_RADIUS)
    end = min(len(text), at + len(query) + SNIPPET_RADIUS)
    piece = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return highlight(piece, query)


@dataclass
class Hit:
    obj: Proposal | Session
    title: SafeString
    where: str
    snippet: SafeString


def _first_match(query: str, fields: list[tuple[str, str]]) -> tuple[str, str]:
    for label, text in fields:
        if query.lower() in text.lower():
            return label, text
    return fields[0]


def search(user: Person, negotiation: Negotiation, query: str) -> dict[str, list[Hit]]:
    query = query.strip()
    if not query:
        return {"proposals": [], "sessions": []}
    proposals = (
        visible_proposals(user, negotiation)
        .filter(Q(title__icontains=query) | Q(text__icontains=query) | Q(summary__icontains=query))
        .select_related("article")
        .order_by("-passed_on", "-id")[:MAX_RESULTS]
    )
    proposal_hits = []
    for proposal in proposals:
        where, text = _first_match(query, [("text", proposal.text), ("summary", proposal.summary)])
        proposal_hits.append(
            Hit(proposal, highlight(proposal.title, query), where, snippet(text, query))
        )

    internal = can_view_internal(user, negotiation)
    matches = Q(public_summary__icontains=query) | Q(place__icontains=query)
    if internal:
        matches |= Q(internal_notes__icontains=query)
    sessions = Session.objects.filter(negotiation=negotiation).filter(matches)[:MAX_RESULTS]
    session_hits = []
    for session in sessions:
        fields = [("public summary", session.public_summary), ("place", session.place)]
        if internal:
            fields.append(("internal notes", session.internal_notes))
        where, text = _first_match(query, fields)
        title = escape(f"Session of {date_format(session.date, 'DATE_FORMAT')}")
        session_hits.append(Hit(session, title, where, snippet(text, query)))
    return {"proposals": proposal_hits, "sessions": session_hits}
