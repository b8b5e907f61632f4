"""Access helpers for the bargaining table: each one loads an object with what its page needs
and checks the user's rights, answering the same 404 for "missing" and "not yours to see".

Views never call ``.objects.get`` on table models directly; they call these. Rights come from
:mod:`caucus.accounts.permissions` only:

- ``table.view``: the staff pages at all, with published proposals and public summaries;
- ``table.view_internal``: internal notes, drafts, unpublished proposals, requests, charges;
- ``table.edit``: any change.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from caucus.accounts.permissions import has_perm
from caucus.table.models import (
    Charge,
    DirectDealingReport,
    InformationRequest,
    Negotiation,
    Proposal,
    Session,
)


def can_view_internal(user: Any) -> bool:
    return has_perm(user, "table.view_internal")


def can_edit(user: Any) -> bool:
    return has_perm(user, "table.edit")


def access_negotiation(user: Any, slug: str) -> Negotiation:
    """The negotiation named by ``slug`` if the user may see the table at all."""
    if not has_perm(user, "table.view"):
        raise Http404("No such negotiation.")
    negotiation = Negotiation.objects.select_related("employer").filter(slug=slug).first()
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def visible_proposals(user: Any, negotiation: Negotiation) -> QuerySet[Proposal]:
    """The negotiation's proposals this user may see: all of them, or only published ones."""
    proposals = Proposal.objects.filter(negotiation=negotiation)
    if not can_view_internal(user):
        proposals = proposals.filter(is_published=True)
    return proposals


def access_proposal(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Proposal:
    """One proposal of ``negotiation``; 404 if missing, unpublished to this user, or not theirs
    to change."""
    if for_edit and not can_edit(user):
        raise Http404("No such proposal.")
    proposal = (
        visible_proposals(user, negotiation)
        .select_related("article", "session", "answers", "package", "created_by")
        .filter(pk=pk)
        .first()
    )
    if proposal is None:
        raise Http404("No such proposal.")
    proposal.negotiation = negotiation
    return proposal


def access_session(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Session:
    if for_edit and not can_edit(user):
        raise Http404("No such session.")
    session = Session.objects.filter(negotiation=negotiation, pk=pk).first()
    if session is None:
        raise Http404("No such session.")
    session.negotiation = negotiation
    return session


def _internal_only(user: Any, for_edit: bool) -> None:
    if not can_view_internal(user) or (for_edit and not can_edit(user)):
        raise Http404("Not found.")


def access_request(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> InformationRequest:
    """Information requests are the team's working papers: internal only."""
    _internal_only(user, for_edit)
    request = InformationRequest.objects.filter(negotiation=negotiation, pk=pk).first()
    if request is None:
        raise Http404("No such information request.")
    request.negotiation = negotiation
    return request


def access_charge(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Charge:
    _internal_only(user, for_edit)
    charge = Charge.objects.filter(negotiation=negotiation, pk=pk).first()
    if charge is None:
        raise Http404("No such charge.")
    charge.negotiation = negotiation
    return charge


def access_report(user: Any, negotiation: Negotiation, pk: int) -> DirectDealingReport:
    if not has_perm(user, "directdealing.review"):
        raise Http404("No such report.")
    report = (
        DirectDealingReport.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("worksite", "reported_by")
        .first()
    )
    if report is None:
        raise Http404("No such report.")
    report.negotiation = negotiation
    return report
