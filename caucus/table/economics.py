"""A proposal's economic terms are checked by the costing engine's own schema when they are
entered, so a proposal on the table can always be costed later (docs/costing.md)."""

from __future__ import annotations

from typing import Any

from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.terms import parse_terms


def economic_terms_errors(data: Any) -> list[str]:
    """Every problem with ``data`` as economic terms, each naming its field; [] when costable."""
    if data in (None, {}):
        return []
    if not isinstance(data, dict):
        return ["Economic terms must be a JSON object (see docs/costing.md)."]
    try:
        parse_terms(data)
    except TermsError as error:
        return error.messages
    return []
