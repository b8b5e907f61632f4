"""Filters that ask table objects date questions for a given day (the page's "today")."""

from __future__ import annotations

import json
from datetime import date

from django import template

from caucus.table import economics
from caucus.table.models import InformationRequest, Proposal
from caucus.table.status import ArticleState

register = template.Library()


@register.filter
def days_since(state: ArticleState, today: date) -> int | None:
    return state.days_since_movement(today)


@register.filter
def age(rfi: InformationRequest, today: date) -> int:
    return rfi.age_days(today)


@register.filter
def overdue(rfi: InformationRequest, today: date) -> int:
    """Days overdue (0 when not overdue)."""
    return rfi.days_overdue(today)


@register.filter
def terms_words(proposal: Proposal) -> str:
    """A proposal's economic terms in plain words, for the staff and member pages."""
    return economics.terms_words(proposal.economic_terms)


@register.filter
def uncosted(proposal: Proposal) -> list[str]:
    """The amounts a proposal's text names that its terms do not cost."""
    return economics.uncosted(proposal.text, proposal.economic_terms)


@register.filter
def terms_json(data: object) -> str:
    """Stored terms as indented JSON, as a script would post them."""
    return json.dumps(data, indent=2, ensure_ascii=False)
