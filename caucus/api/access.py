"""The API's door-level check, the twin of the pages' ``staff_required``: the token's user must
hold the route's permission for some union or coalition-wide (else 403).

Everything past the door is the apps' own: routes reach objects through the same access helpers
as the pages (``caucus.table.access``, ``Update.objects.readable_by``, ...), whose 404s
(``Http404``) the API answers as ``{"detail": ...}``, and write through the same ``do_*``
actions, whose refusals it answers with 422 naming the field.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError

from caucus.accounts.permissions import has_perm
from caucus.table.actions import TableError

# A few API fields are named for the row they point at (``session_id``), where the form says
# ``session``.
API_FIELD_NAMES = {"session": "session_id", "answers": "answers_id", "package": "package_id"}


def require(request: HttpRequest, perm: str) -> Any:
    """The token's user, if they hold ``perm`` for some union or coalition-wide; else 403."""
    user = request.auth  # type: ignore[attr-defined]
    if not has_perm(user, perm):
        raise HttpError(403, "Your account does not have the right to do this.")
    return user


def refused(error: TableError) -> HttpError:
    """A rule an action refused, as the API's 422 naming the field."""
    if error.field is None:
        return HttpError(422, error.message)
    return HttpError(422, f"{API_FIELD_NAMES.get(error.field, error.field)}: {error.message}")
