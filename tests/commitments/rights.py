"""Who may reach each caucus.commitments route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.
"""

from __future__ import annotations

from typing import Any

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    return {}
