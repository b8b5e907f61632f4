"""The only ways views reach a costing run: the same 404 for "missing" and "not yours"."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from caucus.accounts.models import Person
from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.costing.models import CostingRun, EmployerFact
from caucus.table.access import access_negotiation
from caucus.table.models import Negotiation


def visible_runs(user: Person) -> QuerySet[CostingRun]:
    """Runs the user may see: all of them coalition-wide, else those of their own unions."""
    runs = CostingRun.objects.select_related("negotiation", "union", "created_by")
    if is_coalition_wide(user, "costing.run"):
        return runs
    return runs.filter(Q(union__in=unions_with(user, "costing.run")))


def access_run(user: Person, pk: int) -> CostingRun:
    run = visible_runs(user).filter(pk=pk).first()
    if run is None:
        raise Http404("No such costing run.")
    return run


def published_run(slug: str) -> CostingRun:
    """The latest run published for a public negotiation, for its member page."""
    negotiation = Negotiation.objects.filter(slug=slug, is_public=True).first()
    run = (
        CostingRun.objects.filter(negotiation=negotiation, is_published=True)
        .select_related("negotiation__coalition")
        .order_by("-published_at", "-id")
        .first()
        if negotiation is not None
        else None
    )
    if run is None:
        raise Http404("Nothing published here.")
    return run


def access_fact(user: Person, slug: str, pk: int) -> EmployerFact:
    """One of the employer's figures at a negotiation the user may cost proposals for."""
    negotiation = access_negotiation(user, slug, "costing.run")
    fact = (
        EmployerFact.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("negotiation")
        .first()
    )
    if fact is None:
        raise Http404("No such figure.")
    return fact
