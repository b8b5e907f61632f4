"""Helpers for the templates an update is read in (the member page and the staff preview)."""

from __future__ import annotations

from typing import Any

from django import template

from caucus.table.models import Correspondence

register = template.Library()


@register.simple_tag
def cited_letters_for(update: Any) -> list[Correspondence]:
    """The letters ``update`` cites that are still published; an unpublished one drops out."""
    return list(update.cites_letters.filter(is_published=True).order_by("sent_on", "id"))
