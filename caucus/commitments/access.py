"""The only ways the tracker's pages and API routes reach a commitment, a report or a source
document: the same 404 for "missing" and "not yours".

``commitments.view`` reads the tracker at a table it reaches (admins, the bargaining team,
local officers, observers, communications); ``commitments.edit`` changes it (admins and the
team). The member page shows published commitments only, to anyone.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from caucus.commitments.models import Commitment, SourceDocument
from caucus.table.access import access_negotiation
from caucus.table.models import Negotiation


def commitments_negotiation(user: Any, slug: str, perm: str = "commitments.view") -> Negotiation:
    return access_negotiation(user, slug, perm)


def may_edit(user: Any, negotiation: Negotiation) -> bool:
    return negotiation.is_reached_by(user, "commitments.edit")


def may_request_figures(user: Any, negotiation: Negotiation) -> bool:
    """Filing an information request is the table's: ``table.edit`` too."""
    return may_edit(user, negotiation) and negotiation.is_reached_by(user, "table.edit")


def may_see_requests(user: Any, negotiation: Negotiation) -> bool:
    """Information requests are the team's working papers (``table.view_internal``)."""
    return negotiation.is_reached_by(user, "table.view_internal")


def access_commitment(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Commitment:
    if for_edit and not may_edit(user, negotiation):
        raise Http404("No such commitment.")
    commitment = (
        Commitment.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("tentative_agreement__article")
        .first()
    )
    if commitment is None:
        raise Http404("No such commitment.")
    commitment.negotiation = negotiation
    return commitment


def access_document(commitment: Commitment, pk: int) -> SourceDocument:
    document = SourceDocument.objects.filter(commitment=commitment, pk=pk).first()
    if document is None:
        raise Http404("No such document.")
    return document


def public_negotiation(slug: str) -> Negotiation:
    negotiation = (
        Negotiation.objects.filter(slug=slug, is_public=True)
        .select_related("coalition", "employer")
        .first()
    )
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def published_commitments(negotiation: Negotiation) -> QuerySet[Commitment]:
    return Commitment.objects.filter(negotiation=negotiation, is_published=True)


def published_commitment(negotiation: Negotiation, pk: int) -> Commitment:
    commitment = published_commitments(negotiation).filter(pk=pk).first()
    if commitment is None:
        raise Http404("Nothing published here.")
    commitment.negotiation = negotiation
    return commitment
