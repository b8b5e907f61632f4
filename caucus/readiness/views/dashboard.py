"""The readiness dashboard (per local and for all the locals the user sees: shares assessed
1–2, pledged and reached, a chart over time, the plain-words summary) and the threshold the
bargaining team sets."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.formats import date_format

from caucus.accounts.decorators import staff_required
from caucus.readiness.access import members_at, readiness_negotiation, unions_at
from caucus.readiness.actions import ReadinessError, do_set_threshold
from caucus.readiness.figures import Figures, readiness_figures, summary
from caucus.readiness.forms import ThresholdForm, add_readiness_error
from caucus.readiness.models import CampaignAction, Threshold
from caucus.readiness.views import render_readiness

# Lines of the chart: (field of a point, label, colour, dash), dashes so no line is told by
# its colour alone.
LINES: tuple[tuple[str, str, str, list[int]], ...] = (
    ("pledged", "Signed the pledge", "#8a1538", []),
    ("ones_twos", "Assessed 1 or 2", "#0f6b3a", [6, 4]),
    ("reached", "Talked to", "#0b4f9c", [2, 3]),
)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def over_time_chart(figures: Figures) -> dict[str, Any]:
    members = figures.total.members
    return {
        "type": "line",
        "percent": True,
        "labels": [date_format(p.day, "SHORT_DATE_FORMAT") for p in figures.points],
        "datasets": [
            {
                "label": label,
                "data": [_percent(getattr(p, name), members) for p in figures.points],
                "borderColor": colour,
                "backgroundColor": colour,
                "borderDash": dash,
                "tension": 0,
            }
            for name, label, colour, dash in LINES
        ],
    }


def by_local_chart(figures: Figures) -> dict[str, Any]:
    datasets: list[dict[str, Any]] = [
        {
            "label": label,
            "data": [_percent(getattr(local, name), local.members) for local in figures.locals],
            "backgroundColor": colour,
        }
        for name, label, colour, _ in LINES
    ]
    if figures.threshold is not None:
        datasets.append(
            {
                "type": "line",
                "label": f"Threshold ({figures.threshold.percent}%)",
                "data": [figures.threshold.percent] * len(figures.locals),
                "borderColor": "#1b1b1f",
                "borderDash": [8, 4],
                "pointRadius": 0,
            }
        )
    return {
        "type": "bar",
        "percent": True,
        "labels": [local.name for local in figures.locals],
        "datasets": datasets,
    }


@staff_required("readiness.view")
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.view")
    unions = list(unions_at(request.user, negotiation, "readiness.view"))
    members = members_at(request.user, negotiation, "readiness.view")
    figures = readiness_figures(negotiation, members, unions)
    every = len(unions) == len(negotiation.union_ids())
    scope = (
        f"the {len(unions)} locals at {negotiation.name}"
        if every and len(unions) > 1
        else ", ".join(u.short_name or u.name for u in unions)
    )
    return render_readiness(
        request,
        "readiness/dashboard.html",
        {
            "negotiation": negotiation,
            "figures": figures,
            "rows": [(local, figures.is_met(local)) for local in figures.locals],
            "sentences": summary(figures, scope=scope),
            "scope": scope,
            "over_time": over_time_chart(figures),
            "by_local": by_local_chart(figures),
            "section": "dashboard",
        },
    )


@staff_required("readiness.notice")
def threshold(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.notice")
    current = Threshold.objects.filter(negotiation=negotiation).first()
    pledges = CampaignAction.objects.filter(
        negotiation=negotiation, kind=CampaignAction.Kind.PLEDGE
    )
    form = ThresholdForm(request.POST or None, instance=current, pledges=pledges)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            saved = do_set_threshold(request.user, negotiation, **fields)
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, f"Threshold set: {saved.words()}.")
            return redirect("readiness:dashboard", slug)
    return render_readiness(
        request,
        "readiness/threshold.html",
        {"negotiation": negotiation, "form": form, "section": "dashboard"},
        status=400 if form.errors else 200,
    )
