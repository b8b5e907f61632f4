"""The staff pages of strike readiness, one module per kind of page."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caucus.readiness.access import may_run_actions
from caucus.table.models import Negotiation


class ReadinessRights:
    """``{{ rights.assess }}`` in readiness templates: what the user may do at this table."""

    def __init__(self, user: Any, negotiation: Negotiation) -> None:
        self._user = user
        self._negotiation = negotiation

    def _reaches(self, perm: str) -> bool:
        return self._negotiation.is_reached_by(self._user, perm)

    @cached_property
    def view(self) -> bool:
        return self._reaches("readiness.view")

    @cached_property
    def assess(self) -> bool:
        return self._reaches("readiness.assess")

    @cached_property
    def notice(self) -> bool:
        return self._reaches("readiness.notice")

    @cached_property
    def run_actions(self) -> bool:
        return may_run_actions(self._user, self._negotiation)


def render_readiness(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """Render a readiness page of one negotiation, with the user's ``rights`` there."""
    context = {"rights": ReadinessRights(request.user, context["negotiation"]), **context}
    return render(request, template, context, status=status)
