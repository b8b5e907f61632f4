"""Access helpers for the bargaining table, used by the staff pages and the API alike: each one
loads an object with what its page needs and checks the user's rights at the object's own
negotiation, answering the same 404 for "missing" and "not yours to see".

Views and API routes never call ``.objects.get`` on table models directly; they call these.
Rights come from :mod:`caucus.accounts.permissions`, scoped to a negotiation by
``Negotiation.objects.visible_to`` / ``Negotiation.is_reached_by`` (a union's grant reaches the
negotiations that cover that union):

- ``table.view``: the table at all, with published proposals and public summaries;
- ``table.view_internal``: internal notes, drafts, unpublished proposals, requests, charges;
- ``table.edit``: any change.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from caucus.accounts.models import Person
from caucus.accounts.permissions import PERMISSIONS, has_perm
from caucus.table.models import (
    Article,
    Charge,
    Correspondence,
    DirectDealingReport,
    InformationRequest,
    Negotiation,
    Proposal,
    Session,
)


class Rights:
    """``{{ rights.table_edit }}`` in a negotiation's templates: what the user may do there."""

    def __init__(self, user: Person, negotiation: Negotiation) -> None:
        self._user = user
        self._negotiation = negotiation

    def __getattr__(self, name: str) -> bool:
        perm = name.replace("_", ".", 1)
        if perm not in PERMISSIONS:
            raise AttributeError(name)
        return has_perm(self._user, perm) and self._negotiation.is_reached_by(self._user, perm)


def visible_negotiations(user: Person, perm: str = "table.view") -> QuerySet[Negotiation]:
    return Negotiation.objects.visible_to(user, perm).select_related("employer")


def access_negotiation(user: Person, slug: str, perm: str = "table.view") -> Negotiation:
    """The negotiation named by ``slug`` if ``perm`` reaches it for the user."""
    negotiation = visible_negotiations(user, perm).filter(slug=slug).first() if slug else None
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def can_view_internal(user: Person, negotiation: Negotiation) -> bool:
    return negotiation.is_reached_by(user, "table.view_internal")


def can_edit(user: Person, negotiation: Negotiation) -> bool:
    return negotiation.is_reached_by(user, "table.edit")


def _check(user: Person, negotiation: Negotiation, perm: str, what: str) -> None:
    if not (has_perm(user, perm) and negotiation.is_reached_by(user, perm)):
        raise Http404(f"No such {what}.")


def visible_proposals(user: Person, negotiation: Negotiation) -> QuerySet[Proposal]:
    """The negotiation's proposals this user may see: all of them, or only published ones."""
    proposals = Proposal.objects.filter(negotiation=negotiation)
    if not can_view_internal(user, negotiation):
        proposals = proposals.filter(is_published=True)
    return proposals


def access_proposal(
    user: Person, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Proposal:
    """One proposal of ``negotiation``; 404 if missing, unpublished to this user, or not theirs
    to change."""
    if for_edit:
        _check(user, negotiation, "table.edit", "proposal")
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


def access_article(
    negotiation: Negotiation, *, pk: int | None = None, number: str | None = None
) -> Article:
    """One article of ``negotiation``, by id or by its number in the contract."""
    articles = Article.objects.filter(negotiation=negotiation)
    article = (
        articles.filter(pk=pk).first() if pk is not None else articles.filter(number=number).first()
    )
    if article is None:
        raise Http404("No such article.")
    article.negotiation = negotiation
    return article


def access_session(
    user: Person, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Session:
    if for_edit:
        _check(user, negotiation, "table.edit", "session")
    session = Session.objects.filter(negotiation=negotiation, pk=pk).first()
    if session is None:
        raise Http404("No such session.")
    session.negotiation = negotiation
    return session


def _internal_only(user: Person, negotiation: Negotiation, for_edit: bool, what: str) -> None:
    _check(user, negotiation, "table.view_internal", what)
    if for_edit:
        _check(user, negotiation, "table.edit", what)


def access_request(
    user: Person, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> InformationRequest:
    """Information requests are the team's working papers: internal only."""
    _internal_only(user, negotiation, for_edit, "information request")
    request = InformationRequest.objects.filter(negotiation=negotiation, pk=pk).first()
    if request is None:
        raise Http404("No such information request.")
    request.negotiation = negotiation
    return request


def access_charge(
    user: Person, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Charge:
    _internal_only(user, negotiation, for_edit, "charge")
    charge = Charge.objects.filter(negotiation=negotiation, pk=pk).first()
    if charge is None:
        raise Http404("No such charge.")
    charge.negotiation = negotiation
    return charge


def access_letter(
    user: Person, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> Correspondence:
    """Correspondence is internal until published, and the team's to change."""
    _internal_only(user, negotiation, for_edit, "letter")
    letter = (
        Correspondence.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("created_by")
        .first()
    )
    if letter is None:
        raise Http404("No such letter.")
    letter.negotiation = negotiation
    return letter


def access_report(user: Person, negotiation: Negotiation, pk: int) -> DirectDealingReport:
    _check(user, negotiation, "directdealing.review", "report")
    report = (
        DirectDealingReport.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("worksite", "reported_by")
        .first()
    )
    if report is None:
        raise Http404("No such report.")
    report.negotiation = negotiation
    return report
