"""``{% votes_home as url %}``: where the staff menu's "Votes" goes for this user: the votes of
the negotiation they reach with a vote open (else the newest one), or nothing."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from caucus.table.models import Negotiation
from caucus.votes.models import State

register = template.Library()
PERMS = ("votes.manage", "votes.observe", "votes.turnout")


@register.simple_tag(takes_context=True)
def votes_home(context: Any) -> str:
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    reached = Negotiation.objects.none()
    for perm in PERMS:
        reached = reached | Negotiation.objects.visible_to(user, perm)
    negotiation = (
        reached.filter(votes__state=State.OPEN).first()
        or reached.order_by("-votes__created_at", "name").first()
    )
    return reverse("votes:list", args=[negotiation.slug]) if negotiation else ""
