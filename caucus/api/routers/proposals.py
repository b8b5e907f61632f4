"""Proposals across the table: published ones for every staff role, all of them (drafts and
unpublished passes included) for ``table.view_internal``, new ones for ``table.edit``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from caucus.api.access import holds, negotiation_for, require
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
from caucus.api.writes import create_proposal
from caucus.table.models import Negotiation, Proposal

router = Router(tags=["proposals"])
ERRORS = {401: Message, 403: Message, 404: Message}


class ProposalFilters(Schema):
    article: ArticleNumber | None = None
    side: SideName | None = None
    kind: KindName | None = None
    status: StatusName | None = None


def _visible(negotiation: Negotiation, internal: bool) -> Any:
    proposals = negotiation.proposals.select_related("article", "answers", "created_by")
    return proposals if internal else proposals.filter(is_published=True)


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
    negotiation = negotiation_for(user, slug)
    internal = holds(user, "table.view_internal", negotiation)
    proposals = _visible(negotiation, internal)
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
    negotiation = negotiation_for(user, slug)
    internal = holds(user, "table.view_internal", negotiation)
    proposal: Proposal | None = _visible(negotiation, internal).filter(pk=proposal_id).first()
    if proposal is None:
        raise HttpError(404, "No such proposal.")
    return proposal_out(proposal, internal=internal)


@router.post(
    "/negotiations/{slug}/proposals",
    response={201: ProposalOut, 422: Message, **ERRORS},
    exclude_unset=True,
)
def post_proposal(request: HttpRequest, slug: NegotiationSlug, data: ProposalIn) -> Any:
    """Record a pass across the table (``table.edit``)."""
    user = require(request, "table.edit")
    negotiation = negotiation_for(user, slug)
    if not holds(user, "table.edit", negotiation):
        raise HttpError(403, "Your account may not edit this negotiation's table.")
    proposal = create_proposal(user, negotiation, data)
    return Status(201, proposal_out(proposal, internal=True))
