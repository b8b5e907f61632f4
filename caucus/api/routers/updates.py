"""Bargaining updates: for every staff role, the published updates people like them read on
the member site (an update addressed to some unions only reaches those unions' staff); for
editors, also the drafts and scheduled updates they may edit, with their author."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError

from caucus.api.access import require
from caucus.api.outputs import update_out
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, UpdateSlug
from caucus.api.schemas import Message, UpdateOut, UpdatePage
from caucus.table.access import access_negotiation
from caucus.updates.models import Update

router = Router(tags=["updates"])
ERRORS = {401: Message, 403: Message, 404: Message}


def _readable(user: Any, slug: str) -> tuple[Any, set[int]]:
    """The updates of the negotiation ``user`` may read here, and the ids of those they edit."""
    negotiation = access_negotiation(user, slug, "staff.enter")
    updates = Update.objects.filter(negotiation=negotiation)
    editable = set(updates.editable_by(user).values_list("pk", flat=True))
    readable = (
        updates.readable_by(user)
        .select_related("author")
        .prefetch_related("unions", "translations")
    )
    return readable, editable


@router.get(
    "/negotiations/{slug}/updates",
    response={200: UpdatePage, **ERRORS},
    exclude_unset=True,
)
def list_updates(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """Updates, newest first; drafts (never published) last for editors."""
    user = require(request, "staff.enter")
    updates, editable = _readable(user, slug)
    return page(
        updates.order_by(F("published_at").desc(nulls_last=True), "-created_at", "-id"),
        paging,
        lambda update: update_out(update, internal=update.pk in editable),
    )


@router.get(
    "/negotiations/{slug}/updates/{update_slug}",
    response={200: UpdateOut, **ERRORS},
    exclude_unset=True,
)
def get_update(request: HttpRequest, slug: NegotiationSlug, update_slug: UpdateSlug) -> Any:
    user = require(request, "staff.enter")
    updates, editable = _readable(user, slug)
    update = updates.filter(slug=update_slug).first()
    if update is None:
        raise HttpError(404, "No such update.")
    return update_out(update, internal=update.pk in editable)
