"""Assessing members from a phone at a worksite: search, tap, next; and a member's history.

The organizer picks the worksite they are at and finds a member by name (the list narrows as
they type, through HTMX; it works without it too), taps them, taps a level from 1 to 5, and
lands on the next member at that worksite who has not been talked to lately.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from caucus.accounts.decorators import staff_required
from caucus.members.models import Member, MemberQuerySet
from caucus.orgs.models import Worksite
from caucus.readiness.access import (
    access_member,
    members_at,
    readiness_negotiation,
    union_ids_at,
)
from caucus.readiness.actions import ReadinessError, do_assess, do_set_leader
from caucus.readiness.forms import AssessForm, FindForm, LeaderForm, add_readiness_error
from caucus.readiness.models import Level, MemberReadiness, Pledge
from caucus.readiness.views import render_readiness

SEARCH_LIMIT = 40
# "Next" skips members talked to within this many days.
RECENT_DAYS = 30


def found_members(members: MemberQuerySet, form: FindForm) -> tuple[list[Member], int]:
    """The members matching the search (a page of them) and how many match in all."""
    if not form.is_bound or not form.is_valid():
        return [], 0
    worksite, q = form.cleaned_data["worksite"], form.cleaned_data["q"].strip()
    if worksite is None and not q:
        return [], 0
    if worksite is not None:
        members = members.filter(worksite=worksite)
    for word in q.split():
        members = members.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(member_id__iexact=word)
        )
    members = members.select_related("unit", "readiness").order_by("last_name", "first_name", "pk")
    page = list(members[: SEARCH_LIMIT + 1])
    total = len(page) if len(page) <= SEARCH_LIMIT else members.count()
    return page[:SEARCH_LIMIT], total


@staff_required("readiness.assess")
def find(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    members = members_at(request.user, negotiation, "readiness.assess")
    worksites = Worksite.objects.filter(pk__in=members.values("worksite")).order_by("name")
    form = FindForm(request.GET or None, worksites=worksites)
    found, total = found_members(members, form)
    context = {
        "negotiation": negotiation,
        "form": form,
        "found": found,
        "total": total,
        "limit": SEARCH_LIMIT,
        "at": form.cleaned_data.get("worksite") if form.is_bound and form.is_valid() else None,
        "section": "assess",
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render_readiness(request, "readiness/find.html#results", context)
    return render_readiness(request, "readiness/find.html", context)


def _state(member: Member) -> MemberReadiness | None:
    try:
        return member.readiness
    except ObjectDoesNotExist:
        return None


def next_member(members: MemberQuerySet, member: Member, worksite_id: int) -> Member | None:
    """The next member at the worksite, by name, not talked to in ``RECENT_DAYS``."""
    cutoff = timezone.now() - timedelta(days=RECENT_DAYS)
    pool = (
        members.filter(worksite_id=worksite_id)
        .exclude(pk=member.pk)
        .filter(
            Q(readiness__isnull=True)
            | Q(readiness__assessed_at__isnull=True)
            | Q(readiness__assessed_at__lt=cutoff)
        )
        .order_by("last_name", "first_name", "pk")
    )
    after = pool.filter(
        Q(last_name__gt=member.last_name)
        | Q(last_name=member.last_name, first_name__gt=member.first_name)
        | Q(last_name=member.last_name, first_name=member.first_name, pk__gt=member.pk)
    ).first()
    return after or pool.first()


def _worksite_param(request: HttpRequest) -> int | None:
    value = request.GET.get("at") or request.POST.get("at") or ""
    return int(value) if value.isdigit() and len(value) < 18 else None


def _after_saving(
    request: HttpRequest, slug: str, members: MemberQuerySet, member: Member
) -> HttpResponse:
    at = _worksite_param(request) or member.worksite_id
    following = next_member(members, member, at)
    if following is None:
        messages.info(request, "Everyone at this worksite has been talked to lately.")
        query = urlencode({"worksite": at})
        return redirect(f"{reverse('readiness:find', args=[slug])}?{query}")
    url = reverse("readiness:assess_member", args=[slug, following.pk])
    return redirect(f"{url}?{urlencode({'at': at})}")


@staff_required("readiness.assess")
def assess_member(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    member = access_member(request.user, negotiation, pk, "readiness.assess")
    members = members_at(request.user, negotiation, "readiness.assess")
    state = _state(member)
    posted = request.method == "POST"
    what = request.POST.get("what", "assess") if posted else ""
    form = AssessForm(
        request.POST if what == "assess" else None, initial={"shift": state.shift if state else ""}
    )
    leader_form = LeaderForm(
        request.POST if what == "leader" else None,
        initial={"is_leader": bool(state and state.is_leader)},
    )
    if what == "leader" and leader_form.is_valid():
        is_leader = leader_form.cleaned_data["is_leader"]
        do_set_leader(request.user, member, is_leader)
        messages.success(
            request,
            f"{member.full_name} is {'now' if is_leader else 'no longer'} a worksite leader.",
        )
        return redirect(request.get_full_path())
    if what == "assess" and form.is_valid():
        data = form.cleaned_data
        try:
            do_assess(request.user, member, data["level"], note=data["note"], shift=data["shift"])
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, f"Saved: {member.full_name}, {Level(data['level']).label}.")
            return _after_saving(request, slug, members, member)
    return render_readiness(
        request,
        "readiness/assess.html",
        {
            "negotiation": negotiation,
            "member": member,
            "state": state,
            "form": form,
            "leader_form": leader_form,
            "levels": Level.choices,
            "at": _worksite_param(request) or member.worksite_id,
            "section": "assess",
        },
        status=400 if form.errors else 200,
    )


@staff_required("readiness.view")
def member_history(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Every assessment of the member (who, when, what) and every action they took part in."""
    negotiation = readiness_negotiation(request.user, slug, "readiness.view")
    member = access_member(request.user, negotiation, pk, "readiness.view")
    assessments = member.assessments.select_related("assessed_by").order_by("-assessed_at", "-id")
    pledges = Pledge.objects.filter(member=member).select_related("action", "recorded_by")
    return render_readiness(
        request,
        "readiness/member.html",
        {
            "negotiation": negotiation,
            "member": member,
            "state": _state(member),
            "assessments": assessments,
            "pledges": pledges,
            "may_assess": member.union_id
            in union_ids_at(request.user, negotiation, "readiness.assess"),
            "section": "wallchart",
        },
    )
