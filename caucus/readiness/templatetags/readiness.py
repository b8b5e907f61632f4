"""``{% load readiness %}``: a level as words and a colour (never colour alone), and shares."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from caucus.readiness.models import Level

register = template.Library()


@register.filter
def level_badge(level: object) -> SafeString:
    """'2 · Supporter' in a pill coloured by where it stands (green 1–2, amber 3, red 4–5)."""
    if not isinstance(level, int) or level not in Level.values:
        return format_html('<span class="status level-none">{}</span>', "Not assessed")
    value = int(level)
    tone = "ok" if value <= 2 else "warn" if value == 3 else "bad"
    return format_html('<span class="status status-{}">{}</span>', tone, Level(value).label)


@register.filter
def percent(part: float | int | None, whole: float | int | None) -> str:
    """``part`` as a whole percent of ``whole`` ('—' when there is no whole)."""
    if not whole:
        return "—"
    return f"{100 * (part or 0) / whole:.0f}%"


@register.filter
def duration(value: timedelta | None) -> str:
    """A time span in words: '3 days 4 hours', '5 hours 10 minutes', '12 minutes'."""
    if value is None:
        return "—"
    minutes = max(int(value.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)

    def words(n: int, unit: str) -> str:
        return f"{n} {unit}{'' if n == 1 else 's'}"

    if days:
        return f"{words(days, 'day')} {words(hours, 'hour')}" if hours else words(days, "day")
    if hours:
        return (
            f"{words(hours, 'hour')} {words(minutes, 'minute')}"
            if minutes
            else words(hours, "hour")
        )
    return words(minutes, "minute")


@register.filter
def needed(local: Any, threshold: Any) -> int:
    """Members the local still needs to move to meet the threshold."""
    return int(local.needed(threshold.measure, threshold.percent))
