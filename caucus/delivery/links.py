"""The signed links in every message: a member's preference page and the one-click
unsubscribe. A link names the member and carries an HMAC of the site's secret, so it needs no
sign-in and cannot be guessed; it does not expire (an unsubscribe link must work months later).
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.urls import reverse

SIGNER = signing.Signer(salt="caucus.delivery.member", sep=".")
# The member a test send's links name (caucus.delivery.testsend): no roster row has id 0, and
# the pages those links open say they came in a test and change nothing.
TEST_MEMBER = 0


def member_token(member_id: int) -> str:
    return SIGNER.sign(str(member_id))


def member_of_token(token: str) -> int | None:
    """The member id a token names, or None if it was not made here."""
    try:
        return int(SIGNER.unsign(token))
    except (signing.BadSignature, ValueError):
        return None


HOLE = "TOKEN-HOLE"


@lru_cache(maxsize=16)
def _pattern(site: str, name: str, *args: str) -> str:
    """The link's address with a hole for the token: reversed once, not once per message."""
    return f"{site}{reverse(name, args=[HOLE, *args])}"


def preferences_url(member_id: int) -> str:
    pattern = _pattern(settings.SITE_URL, "delivery_site:preferences")
    return pattern.replace(HOLE, member_token(member_id))


def unsubscribe_url(member_id: int, channel: str) -> str:
    pattern = _pattern(settings.SITE_URL, "delivery_site:unsubscribe", channel)
    return pattern.replace(HOLE, member_token(member_id))


def links_for(member_id: int) -> tuple[str, str]:
    """(preference page, one-click e-mail unsubscribe) of one member, signed once."""
    token = member_token(member_id)
    return (
        _pattern(settings.SITE_URL, "delivery_site:preferences").replace(HOLE, token),
        _pattern(settings.SITE_URL, "delivery_site:unsubscribe", "email").replace(HOLE, token),
    )
