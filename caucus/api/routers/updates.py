"""Bargaining updates: published ones for every staff role, drafts and scheduled ones too for
``updates.edit``."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError

from caucus.api.access import holds, negotiation_for, require
from caucus.api.outputs import update_out
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, UpdateSlug
from caucus.api.schemas import Message, UpdateOut, UpdatePage
from caucus.table.models import Negotiation

router = Router(tags=["updates"])
ERRORS = {401: Message, 403: Message, 404: Message}


def _visible(negotiation: Negotiation, internal: bool) -> Any:
    updates = negotiation.updates.select_related("author").prefetch_related(
        "unions", "translations"
    )
    return updates if internal else updates.published()


@router.get(
    "/negotiations/{slug}/updates",
    response={200: UpdatePage, **ERRORS},
    exclude_unset=True,
)
def list_updates(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """Updates, newest first; drafts (never published) last for editors."""
    user = require(request, "staff.enter")
    negotiation = negotiation_for(user, slug, "staff.enter")
    internal = holds(user, "updates.edit", negotiation)
    return page(
        _visible(negotiation, internal).order_by(
            F("published_at").desc(nulls_last=True), "-created_at", "-id"
        ),
        paging,
        lambda update: update_out(update, internal=internal),
    )


@router.get(
    "/negotiations/{slug}/updates/{update_slug}",
    response={200: UpdateOut, **ERRORS},
    exclude_unset=True,
)
def get_update(request: HttpRequest, slug: NegotiationSlug, update_slug: UpdateSlug) -> Any:
    user = require(request, "staff.enter")
    negotiation = negotiation_for(user, slug, "staff.enter")
    internal = holds(user, "updates.edit", negotiation)
    update = _visible(negotiation, internal).filter(slug=update_slug).first()
    if update is None:
        raise HttpError(404, "No such update.")
    return update_out(update, internal=internal)
