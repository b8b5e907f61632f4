"""The member-facing pages of delivery, reached from the signed link in every message (no
sign-in): the preference page (language, channels, which updates) and the unsubscribe — one
POST, no confirmation page, as RFC 8058's ``List-Unsubscribe-Post`` asks of mail clients; a
person who opens the link in a browser gets one button instead."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from caucus.delivery.actions import do_save_preferences, do_unsubscribe
from caucus.delivery.forms import PreferencesForm
from caucus.delivery.links import TEST_MEMBER, member_of_token
from caucus.delivery.models import Channel, MemberPreference
from caucus.members.models import Member


def _member(token: str) -> Member:
    member_id = member_of_token(token)
    member = (
        Member.objects.select_related("union").filter(pk=member_id).first() if member_id else None
    )
    if member is None:
        raise Http404("No such link.")
    return member


def _from_a_test(request: HttpRequest) -> HttpResponse:
    """A link in a staff member's test send (caucus.delivery.testsend) names no member: its
    page says so, and changes nothing."""
    return render(request, "delivery/test_link.html")


def preferences(request: HttpRequest, token: str) -> HttpResponse:
    if member_of_token(token) == TEST_MEMBER:
        return _from_a_test(request)
    member = _member(token)
    preference = MemberPreference.objects.filter(member=member).first()
    initial = {
        "language": preference.language if preference else "",
        "by_email": preference.by_email if preference else True,
        "by_text": preference.by_text if preference else True,
        "coalition_updates": preference.coalition_updates if preference else True,
        "local_updates": preference.local_updates if preference else True,
    }
    form = PreferencesForm(request.POST or None, initial=initial, member=member)
    saved = False
    if request.method == "POST" and form.is_valid():
        do_save_preferences(member, **form.cleaned_data)
        saved = True
    return render(
        request,
        "delivery/preferences.html",
        {"member": member, "form": form, "saved": saved, "token": token},
        status=400 if form.errors else 200,
    )


@csrf_exempt  # RFC 8058: the mail client POSTs with no cookie and no form of ours
def unsubscribe(request: HttpRequest, token: str, channel: str) -> HttpResponse:
    if member_of_token(token) == TEST_MEMBER:
        return _from_a_test(request)  # a mail client's one-click POST too: nothing to change
    member = _member(token)
    if channel not in Channel.values:
        raise Http404("No such channel.")
    done = False
    if request.method == "POST":
        do_unsubscribe(member, channel)
        done = True
    label = _("e-mails") if channel == Channel.EMAIL else _("text messages")
    return render(
        request,
        "delivery/unsubscribe.html",
        {"member": member, "done": done, "label": label, "token": token, "channel": channel},
    )
