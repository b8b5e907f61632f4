"""Background work for accounts: sending members their one-time sign-in link."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from caucus.accounts.models import LoginToken, User

log = logging.getLogger(__name__)


def member_user_for_email(email: str) -> User | None:
    """The member's account for a personal e-mail on the roster, made on first use."""
    from caucus.members.models import Member

    member = (
        Member.objects.on_roster()
        .filter(email__iexact=email, email_is_employers=False)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if member is None:
        return None
    if member.user is None:
        user, _ = User.objects.get_or_create(
            username=f"member-{member.union_id}-{member.member_id}",
            defaults={
                "email": member.email,
                "display_name": member.full_name,
                "preferred_language": member.language,
            },
        )
        member.user = user
        member.save(update_fields=["user"])
    return member.user


@task()
def send_login_link(email: str, next_url: str = "/") -> bool:
    user = member_user_for_email(email)
    if user is None:
        log.info("login link asked for an address not on any roster")
        return False
    _, raw = LoginToken.issue(user, settings.CAUCUS_MAGIC_LINK_MINUTES)
    query = f"?{urlencode({'next': next_url})}" if next_url and next_url != "/" else ""
    link = f"{settings.SITE_URL}/accounts/link/{raw}/{query}"
    send_mail(
        subject="Your sign-in link for the bargaining site",
        message=(
            f"Hello {user},\n\nUse this link to sign in. It works once, for "
            f"{settings.CAUCUS_MAGIC_LINK_MINUTES} minutes:\n\n{link}\n\n"
            "If you did not ask for it, you can ignore this message.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )
    return True
