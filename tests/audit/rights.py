"""Who may reach each audit route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast) makes the
records the kwargs name ("name" or "name=object") and returns them by name.

The audit log is read by holders of ``audit.view``: coalition admins and observers.
"""

from __future__ import annotations

from typing import Any

AUDIT: set[str | None] = {"admin", "observer"}

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "audit:log": ("GET", AUDIT, ()),
    "audit:export": ("GET", AUDIT, ()),
}


def objects(cast: Any) -> dict[str, Any]:
    """An event to list; the routes take no arguments."""
    from caucus.audit.log import record

    record(cast["admin"], "roster.export", cast.world.union_a, union=cast.world.union_a, rows=1)
    return {}
