"""Proposals across the table: published ones for every staff role, all of them (drafts and
unpublished passes included) for ``table.view_internal``, new ones for ``table.edit``."""

from __future__ import annotations

from typing import Any

from django.db.models import Manager, Model, QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from caucus.api.access import refused, require
from caucus.api.outputs import proposal_out
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import (
    ArticleNumber,
    KindName,
    Message,
    ProposalIn,
    ProposalOut,
    ProposalPage,
    SideName,
    StatusName,
)
from caucus.table.access import (
    access_negotiation,
    access_proposal,
    can_view_internal,
    visible_proposals,
)
from caucus.table.actions import TableError, do_pass_proposal
from caucus.table.models import Negotiation

router = Router(tags=["proposals"])
ERRORS = {401: Message, 403: Message, 404: Message}


class ProposalFilters(Schema):
    article: ArticleNumber | None = None
    side: SideName | None = None
    kind: KindName | None = None
    status: StatusName | None = None


@router.get(
    "/negotiations/{slug}/proposals",
    response={200: ProposalPage, **ERRORS},
    exclude_unset=True,
)
def list_proposals(
    request: HttpRequest,
    slug: NegotiationSlug,
    filters: Query[ProposalFilters],
    paging: Query[PageParams],
) -> Any:
    """Proposals in the order they were passed, filtered by article, side, kind or status."""
    user = require(request, "table.view")
    negotiation = access_negotiation(user, slug)
    internal = can_view_internal(user, negotiation)
    proposals = visible_proposals(user, negotiation).select_related(
        "article", "answers", "created_by"
    )
    if filters.article is not None:
        proposals = proposals.filter(article__number=filters.article)
    for field in ("side", "kind", "status"):
        value = getattr(filters, field)
        if value is not None:
            proposals = proposals.filter(**{field: value})
    return page(
        proposals.order_by("passed_on", "created_at", "id"),
        paging,
        lambda proposal: proposal_out(proposal, internal=internal),
    )


@router.get(
    "/negotiations/{slug}/proposals/{proposal_id}",
    response={200: ProposalOut, **ERRORS},
    exclude_unset=True,
)
def get_proposal(request: HttpRequest, slug: NegotiationSlug, proposal_id: RowId) -> Any:
    user = require(request, "table.view")
    negotiation = access_negotiation(user, slug)
    proposal = access_proposal(user, negotiation, proposal_id)
    return proposal_out(proposal, internal=can_view_internal(user, negotiation))


def _reference(rows: QuerySet[Any] | Manager[Any], field: str, **lookup: Any) -> Model:
    found = rows.filter(**lookup).first()
    if found is None:
        raise HttpError(422, f"{field}: no such item in this negotiation.")
    return found


def _references(negotiation: Negotiation, data: ProposalIn) -> dict[str, Any]:
    """The body's article number and row ids, as the rows of this negotiation they name."""
    refs: dict[str, Any] = {"article": None, "session": None, "answers": None}
    if data.article is not None:
        refs["article"] = _reference(negotiation.articles, "article", number=data.article)
    if data.session_id is not None:
        refs["session"] = _reference(negotiation.sessions, "session_id", pk=data.session_id)
    if data.answers_id is not None:
        refs["answers"] = _reference(negotiation.proposals, "answers_id", pk=data.answers_id)
    return refs


@router.post(
    "/negotiations/{slug}/proposals",
    response={201: ProposalOut, 422: Message, **ERRORS},
    exclude_unset=True,
)
def post_proposal(request: HttpRequest, slug: NegotiationSlug, data: ProposalIn) -> Any:
    """Record a pass across the table (``table.edit``); as on the pages, the same side's
    earlier open proposal on the article is superseded."""
    user = require(request, "table.edit")
    negotiation = access_negotiation(user, slug, "table.edit")
    fields = data.dict(exclude={"article", "session_id", "answers_id"})
    for name in ("effect", "sections"):  # omitted: read from the text by the action
        if fields.get(name) is None:
            fields.pop(name, None)
    try:
        proposal = do_pass_proposal(user, negotiation, **fields, **_references(negotiation, data))
    except TableError as error:
        raise refused(error) from None
    return Status(201, proposal_out(proposal, internal=True))
