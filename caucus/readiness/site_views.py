"""The member's side of campaign actions: their own pledge page (signed in) and the one-tap
link. Members see the actions open to them and their own pledges, never an assessment."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from caucus.members.models import Member
from caucus.readiness.actions import ReadinessError, do_pledge
from caucus.readiness.links import read_pledge_token
from caucus.readiness.models import CampaignAction, Pledge
from caucus.table.models import Negotiation

PAPER_ONLY = "This action is signed on paper, with an organizer."


def _refusal(error: ReadinessError) -> str:
    """Why a pledge was refused, in the member's language (the rules say it in English)."""
    if error.message == PAPER_ONLY:
        return _("This action is signed on paper, with an organizer.")
    return _("This action is not open to you now.")


def _public_negotiation(slug: str) -> Negotiation:
    negotiation = (
        Negotiation.objects.filter(slug=slug, is_public=True).select_related("coalition").first()
    )
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def _own_member(user: Any, negotiation: Negotiation) -> Member:
    member = (
        Member.objects.on_roster()
        .filter(user=user, unit__negotiations=negotiation)
        .select_related("union")
        .first()
    )
    if member is None:
        raise Http404("No member record at this table.")
    return member


@login_required
def pledges(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    member = _own_member(request.user, negotiation)
    now = timezone.now()
    open_actions = CampaignAction.objects.filter(
        Q(union__isnull=True) | Q(union_id=member.union_id),
        negotiation=negotiation,
        is_online=True,
        opens_at__lte=now,
        closes_at__gt=now,
    ).order_by("closes_at", "pk")
    if request.method == "POST":
        chosen = request.POST.get("action", "")
        action = (
            open_actions.filter(pk=int(chosen)).first()
            if chosen.isdigit() and len(chosen) < 18
            else None
        )
        if action is None:
            messages.error(request, _("That action is not open."))
        else:
            action.negotiation = negotiation
            try:
                do_pledge(request.user, action, member, channel=Pledge.Channel.ONLINE)
            except ReadinessError as error:
                messages.error(request, _refusal(error))
            else:
                messages.success(
                    request, _("Thank you: your name is on “%(title)s”.") % {"title": action.title}
                )
        return redirect("readiness_site:pledges", slug)
    mine = Pledge.objects.filter(member=member, action__negotiation=negotiation).select_related(
        "action"
    )
    signed = {p.action_id for p in mine}
    return render(
        request,
        "readiness/site/pledges.html",
        {
            "negotiation": negotiation,
            "member": member,
            "open_actions": [(a, a.pk in signed) for a in open_actions],
            "mine": mine,
            "nav": "pledges",
        },
    )


def pledge_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The one-tap link: the action and one button; the pledge is recorded by the tap (a POST)."""
    ids = read_pledge_token(token)
    if ids is None:
        raise Http404("This link is not one of ours.")
    negotiation = _public_negotiation(slug)
    member = Member.objects.filter(pk=ids[0], is_on_roster=True).select_related("union").first()
    action = CampaignAction.objects.filter(pk=ids[1], negotiation=negotiation).first()
    if member is None or action is None:
        raise Http404("This link is not one of ours.")
    action.negotiation = negotiation
    pledge = Pledge.objects.filter(action=action, member=member).first()
    error = ""
    if request.method == "POST" and pledge is None:
        try:
            do_pledge(None, action, member, channel=Pledge.Channel.LINK)
        except ReadinessError as refused:
            error = _refusal(refused)
        else:
            return redirect(request.path)
    return render(
        request,
        "readiness/site/pledge_link.html",
        {
            "negotiation": negotiation,
            "action": action,
            "first_name": member.first_name,
            "pledge": pledge,
            "is_open": action.is_open(),
            "error": error,
        },
        status=400 if error else 200,
    )
