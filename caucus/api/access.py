"""Who may read and write what through the API: the same permission names as the pages.

Every route asks :func:`require` for the permission it needs (403 when missing), then reaches
its negotiation through :func:`negotiation_for`, which answers the same 404 for "missing" and
"not yours". A union-scoped grant reaches only negotiations that cover one of its union's
bargaining units; a coalition-wide grant reaches them all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja.errors import HttpError

from caucus.accounts.permissions import has_perm, is_coalition_wide, unions_with
from caucus.table.models import Negotiation


def require(request: HttpRequest, perm: str) -> Any:
    """The token's user, if they hold ``perm`` for some union or coalition-wide; else 403."""
    user = request.auth  # type: ignore[attr-defined]
    if not has_perm(user, perm):
        raise HttpError(403, "Your account does not have the right to do this.")
    return user


def negotiations_visible_to(user: Any, perm: str = "table.view") -> QuerySet[Negotiation]:
    negotiations = Negotiation.objects.select_related("employer")
    if is_coalition_wide(user, perm):
        return negotiations.all()
    return negotiations.filter(units__union__in=unions_with(user, perm)).distinct()


def negotiation_for(user: Any, slug: str, perm: str = "table.view") -> Negotiation:
    negotiation = negotiations_visible_to(user, perm).filter(slug=slug).first()
    if negotiation is None:
        raise HttpError(404, "No such negotiation.")
    return negotiation


def holds(user: Any, perm: str, negotiation: Negotiation) -> bool:
    """True if ``perm`` reaches this negotiation: coalition-wide, or for a union it covers."""
    if is_coalition_wide(user, perm):
        return True
    if not has_perm(user, perm):
        return False
    return negotiation.units.filter(union__in=unions_with(user, perm)).exists()
