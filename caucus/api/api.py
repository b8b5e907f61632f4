"""The JSON API: ``/api/``, OpenAPI schema at ``/api/openapi.json``, docs at ``/api/docs``.

Token auth (``Authorization: Bearer cau_…``) acting with the token owner's permissions, the
same checks as the pages. Routers live in ``caucus.api.routers``, one per area.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import HttpBearer

from caucus.accounts.models import ApiToken
from caucus.api.routers import (
    commitments,
    delivery,
    negotiations,
    proposals,
    readiness,
    sessions,
    sheets,
    updates,
    votes,
)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.user_for(token)
        if user is None:
            return None
        request.user = user
        return user


api = NinjaAPI(
    title="Caucus API",
    version="1",
    description=(
        "Negotiations, articles, sessions, proposals and bargaining updates. Send "
        "`Authorization: Bearer <token>`; the token acts with its owner's roles. "
        "See docs/api.md."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("/", negotiations.router)
api.add_router("/", sessions.router)
api.add_router("/", proposals.router)
api.add_router("/", updates.router)
api.add_router("/", sheets.router)
api.add_router("/", votes.router)
api.add_router("/", delivery.router)
api.add_router("/", readiness.router)
api.add_router("/", commitments.router)
api.add_router("/", "caucus.api.routers.correspondence.router")


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    """The access helpers' 404 ("missing" and "not yours" alike), with their message."""
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)
