"""Sheet helpers for templates: Markdown intros, and the published sheets an update links to
(used by the update page on the member site)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from caucus.lib.markdown import render_markdown
from caucus.sheets.models import Sheet

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.simple_tag
def published_sheets_for(update: Any) -> list[Sheet]:
    """The published sheets attached to ``update``; drafts stay hidden."""
    return list(
        Sheet.objects.filter(updates=update, status=Sheet.Status.PUBLISHED).order_by("title")
    )
