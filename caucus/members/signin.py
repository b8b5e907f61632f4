"""Members sign in with a one-time link sent to the personal e-mail the roster holds for them:
the form that asks for it (the same answer whether or not we know the address), the task that
sends it, and the account made for a member on first use. The link itself is redeemed by
``caucus.accounts`` (``LoginToken``)."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django_ratelimit.decorators import ratelimit
from django_tasks import task

from caucus.accounts.models import LoginToken, User
from caucus.accounts.views import safe_next_url
from caucus.members.models import Member

log = logging.getLogger(__name__)


def member_user_for_email(email: str) -> User | None:
    """The member's account for a personal e-mail on the roster, made on first use."""
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
    # In the member's roster language, as the pages they are signing in to.
    roster = Member.objects.filter(user=user).values_list("language", flat=True).first()
    with translation.override(_supported(roster or user.preferred_language)):
        send_mail(
            subject=gettext("Your sign-in link for the bargaining site"),
            message=gettext(
                "Hello %(name)s,\n\nUse this link to sign in. It works once, for "
                "%(minutes)s minutes:\n\n%(link)s\n\n"
                "If you did not ask for it, you can ignore this message.\n"
            )
            % {"name": user, "minutes": settings.CAUCUS_MAGIC_LINK_MINUTES, "link": link},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    return True


def _supported(language: str) -> str:
    try:
        return translation.get_supported_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


class MemberLinkForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your personal e-mail (the one your union has)"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _report_rate(group: str, request: HttpRequest) -> str:
    return settings.CAUCUS_REPORT_RATE


@ratelimit(key="ip", rate=_report_rate, method="POST")
def member_link_view(request: HttpRequest) -> HttpResponse:
    """A member asks for a sign-in link. The answer is the same whether or not we know them."""
    form = MemberLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        next_url = safe_next_url(request, "/")
        transaction.on_commit(lambda: send_login_link.enqueue(email, next_url))
        return render(request, "members/member_link_sent.html", {"email": email})
    return render(
        request, "members/member_link.html", {"form": form, "next": safe_next_url(request, "")}
    )
