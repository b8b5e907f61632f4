"""Campaign actions (pledges, petitions, button days, meetings): the list, one action's results
against its goal by local, worksite, unit and shift, starting and changing one, and recording
the paper cards members signed."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from caucus.accounts.decorators import staff_required
from caucus.orgs.models import Union
from caucus.readiness.access import (
    access_action,
    action_union_ids,
    actions_negotiation,
    may_edit_action,
    may_run_actions,
    members_at,
    readiness_negotiation,
    unions_at,
    visible_actions,
)
from caucus.readiness.actions import (
    ReadinessError,
    do_create_action,
    do_edit_action,
    do_record_card,
)
from caucus.readiness.forms import ActionForm, CardForm, add_readiness_error
from caucus.readiness.models import CampaignAction, Pledge
from caucus.readiness.results import GROUPINGS, action_results, members_for
from caucus.readiness.views import render_readiness
from caucus.table.models import Negotiation


def _overview(
    actions: list[CampaignAction], members_by_union: dict[int, int], pledged: dict[Any, int]
) -> list[dict[str, Any]]:
    rows = []
    for action in actions:
        members = (
            members_by_union.get(action.union_id, 0)
            if action.union_id
            else sum(members_by_union.values())
        )
        count = sum(n for (a, _), n in pledged.items() if a == action.pk)
        rows.append(
            {
                "action": action,
                "members": members,
                "pledged": count,
                "goal": action.goal_count(members),
            }
        )
    return rows


@staff_required("staff.enter")
def action_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = actions_negotiation(request.user, slug)
    actions = list(visible_actions(request.user, negotiation))
    members = members_at(request.user, negotiation, "readiness.view")
    members_by_union = dict(members.values_list("union_id").annotate(n=Count("pk")).order_by())
    pledged: dict[Any, int] = defaultdict(int)
    for action_id, union_id, n in (
        Pledge.objects.filter(action__in=actions, member__in=members)
        .values_list("action_id", "union_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        pledged[(action_id, union_id)] += n
    return render_readiness(
        request,
        "readiness/actions.html",
        {
            "negotiation": negotiation,
            "rows": _overview(actions, members_by_union, pledged),
            "now": timezone.now(),
            "may_run": may_run_actions(request.user, negotiation),
            "section": "actions",
        },
    )


@staff_required("staff.enter")
def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = actions_negotiation(request.user, slug)
    action = access_action(request.user, negotiation, pk)
    results = action_results(action, members_at(request.user, negotiation, "readiness.view"))
    groupings = [
        (
            name,
            label,
            [(g, results.time_to_goal(g), results.projected_at(g)) for g in results.groups[name]],
        )
        for name, label, _ in GROUPINGS
    ]
    return render_readiness(
        request,
        "readiness/action.html",
        {
            "negotiation": negotiation,
            "action": action,
            "results": results,
            "total_time": results.time_to_goal(results.total),
            "total_projected": results.projected_at(results.total),
            "groupings": groupings,
            "behind": results.behind("worksite"),
            "may_edit": may_edit_action(request.user, negotiation, action),
            "section": "actions",
        },
    )


def _action_form(request: HttpRequest, negotiation: Negotiation, **kwargs: Any) -> ActionForm:
    ids = action_union_ids(request.user, negotiation)
    unions = Union.objects.filter(pk__in=negotiation.union_ids() if ids is None else ids)
    return ActionForm(
        request.POST or None, unions=unions.order_by("name"), every_local=ids is None, **kwargs
    )


@staff_required("staff.enter")
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = actions_negotiation(request.user, slug)
    if not may_run_actions(request.user, negotiation):
        raise Http404("No such page.")
    form = _action_form(request, negotiation)
    if request.method == "POST" and form.is_valid():
        try:
            action = do_create_action(request.user, negotiation, **form.cleaned_data)
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, f"“{action.title}” started.")
            return redirect("readiness:action", slug, action.pk)
    return render_readiness(
        request,
        "readiness/action_form.html",
        {"negotiation": negotiation, "form": form, "action": None, "section": "actions"},
        status=400 if form.errors else 200,
    )


@staff_required("staff.enter")
def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = actions_negotiation(request.user, slug)
    action = access_action(request.user, negotiation, pk, for_edit=True)
    form = _action_form(request, negotiation, instance=action)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        fields.pop("union", None)  # who an action is for does not change once it runs
        try:
            do_edit_action(request.user, action, **fields)
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("readiness:action", slug, action.pk)
    form.fields["union"].disabled = True
    return render_readiness(
        request,
        "readiness/action_form.html",
        {"negotiation": negotiation, "form": form, "action": action, "section": "actions"},
        status=400 if form.errors else 200,
    )


def _signed_at(day: Any) -> datetime | None:
    """A card dated today counts from now; an earlier day from its noon."""
    if day is None or day >= timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(day, time(12)))


@staff_required("readiness.assess")
def record_card(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    action = access_action(request.user, negotiation, pk)
    members = members_for(action, members_at(request.user, negotiation, "readiness.assess"))
    unions = unions_at(request.user, negotiation, "readiness.assess")
    if action.union_id:
        unions = unions.filter(pk=action.union_id)
    form = CardForm(request.POST or None, members=members, unions=unions)
    if request.method == "POST" and form.is_valid() and form.member is not None:
        try:
            do_record_card(
                request.user,
                action,
                form.member,
                card_number=form.cleaned_data["card_number"],
                signed_at=_signed_at(form.cleaned_data["signed_on"]),
            )
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, f"Card recorded: {form.member.full_name}.")
            return redirect("readiness:card", slug, action.pk)
    recent = (
        Pledge.objects.filter(action=action, recorded_by_id=request.user.pk)
        .select_related("member")
        .order_by("-pk")[:10]
    )
    return render_readiness(
        request,
        "readiness/card.html",
        {
            "negotiation": negotiation,
            "action": action,
            "form": form,
            "recent": recent,
            "section": "actions",
        },
        status=400 if form.errors else 200,
    )
