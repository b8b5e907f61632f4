"""Who may reach each caucus.readiness route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

Readiness is the organizers': ``readiness.assess`` (admins, organizers of their own local),
``readiness.view`` (admins, the bargaining team, organizers and officers; a union's grant sees
its own local's members only), ``readiness.notice`` (admins and the bargaining team). The
member the routes name is union A's (``member_pk``): union B's people never see them.
"""

from __future__ import annotations

from typing import Any

ASSESS: set[str | None] = {"admin", "organizer_a"}
VIEW: set[str | None] = {"admin", "team", "team_b", "officer_a", "officer_b", "organizer_a"}
VIEW_OF_A: set[str | None] = {"admin", "team", "officer_a", "organizer_a"}

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "readiness:find": ("GET", ASSESS, ("slug",)),
    "readiness:assess_member": ("GET", ASSESS, ("slug", "pk=member_pk")),
    "readiness:member": ("GET", VIEW_OF_A, ("slug", "pk=member_pk")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    return {}
