"""The wall chart (per worksite and unit: each member's latest assessment and actions, leaders,
who has not been talked to lately) and its export for phone banking (own local only, audited)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone

from caucus.accounts.decorators import staff_required
from caucus.audit.log import record
from caucus.lib.spreadsheet import safe_cell
from caucus.members.models import MemberQuerySet
from caucus.orgs.models import BargainingUnit, Worksite
from caucus.readiness.access import (
    members_at,
    readiness_negotiation,
    union_ids_at,
    unions_at,
    visible_actions,
)
from caucus.readiness.forms import WallChartForm
from caucus.readiness.links import pledge_url
from caucus.readiness.models import CampaignAction, Level, Pledge
from caucus.readiness.views import render_readiness
from caucus.readiness.wallchart import (
    ACTION_COLUMNS,
    DEFAULT_DAYS,
    MEMBERS_PER_LEADER,
    PAGE_SIZE,
    current_pledge,
    groups,
    listed_members,
    member_rows,
    totals,
)
from caucus.table.models import Negotiation


def _filters(
    request: HttpRequest, members: MemberQuerySet, negotiation: Negotiation, union_ids: Any
) -> WallChartForm:
    worksites = Worksite.objects.filter(pk__in=members.values("worksite")).order_by("name")
    # The table's units of the locals shown: no scan of the members (the form asks twice).
    units = BargainingUnit.objects.filter(
        negotiations=negotiation, union_id__in=union_ids
    ).select_related("union")
    return WallChartForm(request.GET or None, worksites=worksites, units=units.order_by("name"))


def _filtered(members: MemberQuerySet, form: WallChartForm) -> tuple[MemberQuerySet, int]:
    """The members the filters name, and the days of "not talked to" asked for (0: everyone)."""
    if not form.is_bound or not form.is_valid():
        return members, 0
    data = form.cleaned_data
    for name in ("worksite", "unit"):
        if data.get(name):
            members = members.filter(**{name: data[name]})
    return members, data.get("days") or 0


@staff_required("readiness.view")
def wallchart(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.view")
    members = members_at(request.user, negotiation, "readiness.view")
    union_ids = union_ids_at(request.user, negotiation, "readiness.view")
    form = _filters(request, members, negotiation, union_ids)
    names = (
        {w.pk: w.name for w in form.fields["worksite"].queryset},  # type: ignore[attr-defined]
        {u.pk: u.name for u in form.fields["unit"].queryset},  # type: ignore[attr-defined]
    )
    chosen, days = _filtered(members, form)
    now = timezone.now()
    actions = list(visible_actions(request.user, negotiation)[:ACTION_COLUMNS])
    pledge = current_pledge(actions, now)
    rows = groups(chosen, now - timedelta(days=days or DEFAULT_DAYS), names, pledge)
    narrowed = form.is_bound and form.is_valid() and bool(form.cleaned_data.get("worksite"))
    page = (
        Paginator(listed_members(chosen, days=days, now=now), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        if narrowed
        else None
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render_readiness(
        request,
        "readiness/wallchart.html",
        {
            "negotiation": negotiation,
            "form": form,
            "groups": rows,
            "totals": totals(rows),
            "days": days or DEFAULT_DAYS,
            "asked_days": days,
            "pledge": pledge,
            "actions": actions,
            "page": page,
            "rows": member_rows(list(page), actions) if page is not None else [],
            "query": query.urlencode(),
            "members_per_leader": MEMBERS_PER_LEADER,
            "export_unions": list(unions_at(request.user, negotiation, "readiness.assess")),
            "may_export": negotiation.is_reached_by(request.user, "readiness.assess"),
            "section": "wallchart",
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


EXPORT_HEADER = [
    "Local",
    "Member ID",
    "First name",
    "Last name",
    "Phone",
    "Worksite",
    "Unit",
    "Shift",
    "Level",
    "Last talked to",
    "Worksite leader",
    "Signed the pledge",
    "One-tap pledge link",
]


def _export_values(member: Any, signed: set[int], link: str) -> list[Any]:
    state = getattr(member, "readiness", None)
    return [
        member.union.short_name,
        member.member_id,
        member.first_name,
        member.last_name,
        member.phone,
        member.worksite.name,
        member.unit.name,
        state.get_shift_display() if state and state.shift else "",
        Level(state.level).label if state and state.level else "",
        f"{timezone.localtime(state.assessed_at):%Y-%m-%d}" if state and state.assessed_at else "",
        "yes" if state and state.is_leader else "",
        "yes" if member.pk in signed else "",
        link,
    ]


def _export_lines(members: MemberQuerySet, pledge: CampaignAction | None) -> Iterator[str]:
    """The sheet's rows, each cell made safe to open in a spreadsheet; a member who has not
    signed the open pledge gets their one-tap link."""
    writer = csv.writer(_Echo())
    signed: set[int] = set()
    if pledge is not None:
        signed = set(
            Pledge.objects.filter(action=pledge, member__in=members).values_list(
                "member_id", flat=True
            )
        )
    linking = pledge is not None and pledge.is_open() and pledge.is_online
    yield writer.writerow(EXPORT_HEADER)
    for member in members.iterator(chunk_size=2000):
        link = (
            pledge_url(member.pk, pledge) if linking and pledge and member.pk not in signed else ""
        )
        # A name or phone from an import could start with "=": the spreadsheet must not run it.
        yield writer.writerow([safe_cell(v) for v in _export_values(member, signed, link)])


@staff_required("readiness.assess")
def wallchart_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The listed members of one local, for phone banking: the exporter's own local only."""
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    unions = list(unions_at(request.user, negotiation, "readiness.assess"))
    chosen_union = request.GET.get("union", "")
    union = next((u for u in unions if str(u.pk) == chosen_union), None)
    if union is None and len(unions) == 1:
        union = unions[0]
    if union is None:
        messages.error(request, "Choose a local to export: a phone-bank sheet is one local's.")
        return redirect("readiness:wallchart", slug)
    members = members_at(request.user, negotiation, "readiness.assess").filter(union=union)
    form = _filters(request, members, negotiation, [union.pk])
    chosen, days = _filtered(members, form)
    listed = listed_members(chosen, days=days).select_related("union")
    actions = list(visible_actions(request.user, negotiation)[:ACTION_COLUMNS])
    pledge = current_pledge(actions, timezone.now())
    if pledge is not None:
        pledge.negotiation = negotiation
    record(
        request.user,
        "readiness.export",
        union=union,
        request=request,
        rows=listed.count(),
        filters={k: v for k, v in request.GET.items() if v},
    )
    response = StreamingHttpResponse(
        _export_lines(listed, pledge), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="phone-bank-{union.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
