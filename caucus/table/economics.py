"""A proposal's economic terms are checked by the costing engine's own schema when they are
entered, so a proposal on the table can always be costed later (docs/costing.md); read back in
plain words, and set against the amounts the proposal's text names."""

from __future__ import annotations

from typing import Any

from caucus.engines.costing.describe import terms_in_words, uncosted_amounts
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.terms import Terms, parse_terms


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


def _parsed(data: Any) -> Terms | None:
    if not isinstance(data, dict) or not data:
        return None
    try:
        return parse_terms(data)
    except TermsError:
        return None


def terms_words(data: Any) -> str:
    """Stored economic terms in plain words ("3% on April 1, 2027; …"); "" when there are none
    (or, for rows stored before the check, none the engine reads)."""
    terms = _parsed(data)
    return terms_in_words(terms) if terms is not None else ""


def uncosted(text: str, data: Any) -> list[str]:
    """The amounts the text names that the terms do not cost ("$19.25"), as written."""
    return uncosted_amounts(text, _parsed(data))


def uncosted_warning(missing: list[str], *, has_terms: bool) -> str:
    """The warning the pages show for :func:`uncosted` amounts."""
    named = ", ".join(missing)
    if not has_terms:
        return f"The text names {named}, but the proposal has no economic terms to cost."
    return f"The text names {named}, which its economic terms do not cost."
