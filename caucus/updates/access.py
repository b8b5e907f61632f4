"""The one way staff views reach an update: 404 for both "missing" and "not yours"."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from caucus.updates.models import Update


def access_update(user: Any, update_id: int) -> Update:
    """The update, if ``user`` may edit it (see ``UpdateQuerySet.editable_by``)."""
    update = (
        Update.objects.editable_by(user)
        .select_related("negotiation", "author")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        raise Http404("No such update")
    return update
