"""``money``: dollars with a real minus sign and thousands separators ("−$1,234")."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def money(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    sign = "−" if number < -0.005 else ""
    return f"{sign}${abs(number):,.0f}"
