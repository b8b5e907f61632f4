"""What the API writes: a session, a proposal. Each is atomic and leaves an audit row.

References in a body (article, session, answered proposal) must belong to the same
negotiation; otherwise the caller gets a 422 naming the field, never a row tied across tables.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from ninja.errors import HttpError

from caucus.api.schemas import ProposalIn, SessionIn
from caucus.audit.log import record
from caucus.table.models import Negotiation, Proposal, ProposalEvent, Session


def create_session(user: Any, negotiation: Negotiation, data: SessionIn) -> Session:
    with transaction.atomic():
        session = Session.objects.create(negotiation=negotiation, created_by=user, **data.dict())
        record(user, "session.created", session, via="api")
    return session


def _reference(queryset: Any, field: str, **lookup: Any) -> Any:
    found = queryset.filter(**lookup).first()
    if found is None:
        raise HttpError(422, f"{field}: no such item in this negotiation.")
    return found


def create_proposal(user: Any, negotiation: Negotiation, data: ProposalIn) -> Proposal:
    article = session = answers = None
    if data.article is not None:
        article = _reference(negotiation.articles, "article", number=data.article)
    if data.session_id is not None:
        session = _reference(negotiation.sessions, "session_id", pk=data.session_id)
    if data.answers_id is not None:
        answers = _reference(negotiation.proposals, "answers_id", pk=data.answers_id)
        if answers.side == data.side:
            raise HttpError(422, "answers_id: a proposal answers the other side's proposal.")
    with transaction.atomic():
        proposal = Proposal.objects.create(
            negotiation=negotiation,
            article=article,
            side=data.side,
            kind=data.kind,
            title=data.title,
            text=data.text,
            summary=data.summary,
            session=session,
            passed_on=data.passed_on or timezone.localdate(),
            answers=answers,
            economic_terms=data.economic_terms,
            is_published=data.is_published,
            created_by=user,
        )
        ProposalEvent.objects.create(
            proposal=proposal, actor=user, what="passed", to_status=proposal.status, note="via API"
        )
        record(user, "proposal.created", proposal, via="api", published=data.is_published)
    return proposal
