"""Filters that ask table objects date questions for a given day (the page's "today")."""

from __future__ import annotations

from datetime import date

from django import template

from caucus.table.models import InformationRequest
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
