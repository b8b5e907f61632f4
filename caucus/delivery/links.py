"""The signed links in every message: a member's preference page and the one-click
unsubscribe. A link names the member and carries an HMAC of the site's secret, so it needs no
sign-in and cannot be guessed; it does not expire (an unsubscribe link must work months later).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SIGNER = signing.Signer(salt="caucus.delivery.member", sep=".")


def member_token(member_id: int) -> str:
    return SIGNER.sign(str(member_id))


def member_of_token(token: str) -> int | None:
    """The member id a token names, or None if it was not made here."""
    try:
        return int(SIGNER.unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def preferences_url(member_id: int) -> str:
    path = reverse("delivery_site:preferences", args=[member_token(member_id)])
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(member_id: int, channel: str) -> str:
    path = reverse("delivery_site:unsubscribe", args=[member_token(member_id), channel])
    return f"{settings.SITE_URL}{path}"
