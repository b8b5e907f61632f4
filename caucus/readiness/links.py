"""One-tap pledge links: a signed token naming a member and a campaign action.

The link is the member's own (sent to them, or on the phone-bank sheet an organizer reads it
from): opening it shows the action and one button; tapping it records the pledge. The token
is signed with the site's secret (``django.core.signing``, its own salt), so it cannot be made
up or changed to name someone else; it carries no personal data beyond two row ids. It stops
working when the action's window closes.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from caucus.readiness.models import CampaignAction

SALT = "caucus.readiness.pledge-link"


def pledge_token(member_id: int, action_id: int) -> str:
    return signing.dumps([member_id, action_id], salt=SALT, compress=True)


def read_pledge_token(token: str) -> tuple[int, int] | None:
    """(member id, action id) the token was signed for; None if it was not signed here."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        return None
    return value[0], value[1]


def pledge_path(member_id: int, action: CampaignAction) -> str:
    """The link's path on this site (``action.negotiation`` is read for its slug)."""
    return reverse(
        "readiness_site:pledge_link",
        args=[action.negotiation.slug, pledge_token(member_id, action.pk)],
    )


def pledge_url(member_id: int, action: CampaignAction) -> str:
    """The whole address, for a phone-bank sheet or a message."""
    return f"{settings.SITE_URL}{pledge_path(member_id, action)}"
