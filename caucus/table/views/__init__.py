"""The staff pages of the bargaining table, one module per kind of page."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from caucus.accounts.decorators import StaffRequest
from caucus.table.access import Rights


def render_table(
    request: StaffRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """Render a page of one negotiation, with the user's ``rights`` there for the template."""
    context = {"rights": Rights(request.user, context["negotiation"]), **context}
    return render(request, template, context, status=status)
