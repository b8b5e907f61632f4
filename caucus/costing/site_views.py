"""The member page "what it means for me": a published run, costed for one worker.

A signed-in member whose roster record is in the coalition sees their own figures straight
away; anyone may enter a classification, step, region and hours instead. Nothing entered is
stored. Until the team publishes a run the page does not exist (404).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caucus.costing.access import published_run
from caucus.costing.employer_money import money_for
from caucus.costing.forms import WorkerForm
from caucus.costing.models import CostingRun
from caucus.costing.my_pay import Outcome, Worker, scales, worker_outcomes
from caucus.costing.pages import COLOURS, colour_of
from caucus.lib.markdown import render_markdown
from caucus.members.models import Member


def _own_record(request: HttpRequest, run: CostingRun) -> Member | None:
    if not request.user.is_authenticated:
        return None
    return (
        Member.objects.filter(
            user=request.user,
            is_on_roster=True,
            union__coalition=run.negotiation.coalition_id,
        )
        .select_related("union", "unit", "worksite__region", "classification")
        .first()
    )


def _worker_of(member: Member, hours_per_fte: float) -> Worker:
    return Worker(
        classification=member.classification.title,
        step=member.step,
        rate=float(member.hourly_rate),
        hours=float(member.fte) * hours_per_fte,
        region=member.worksite.region.name,
        local=member.union.short_name,
        unit=f"{member.union.short_name} {member.unit.name}",
        hire_date=member.hire_date,
    )


def what_it_means(request: HttpRequest, slug: str) -> HttpResponse:
    run = published_run(slug)
    summary = run.summary or {}
    scale = scales(run)
    form = WorkerForm(
        request.GET if "classification" in request.GET else None,
        scales=scale,
        regions=summary.get("regions", []),
        locals_=summary.get("locals", []),
    )
    member = _own_record(request, run)
    worker = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rates = scale[data["classification"]]
        worker = Worker(
            classification=data["classification"],
            step=data["step"],
            rate=rates[data["step"] - 1],
            hours=float(data["hours"]) * 52,
            region=data["region"],
            local=data["local"] or "",
        )
    elif member is not None and not form.is_bound:
        worker = _worker_of(member, float(summary.get("hours_per_fte", 2080.0)))
    outcomes = worker_outcomes(run, worker) if worker is not None else []
    return render(
        request,
        "costing/what_it_means.html",
        {
            "negotiation": run.negotiation,
            "run": run,
            "intro_html": render_markdown(run.member_intro) if run.member_intro else "",
            "form": form,
            "member": member,
            "worker": worker,
            "outcomes": outcomes,
            "blocks": [(o, [sentence(o, y) for y in o.years]) for o in outcomes],
            "yearly": _yearly(outcomes),
            "chart": _chart(outcomes),
            "money": money_for(run, members=True),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


# Whole sentences, one per side and direction, so that each language can order its own.
SENTENCES = {
    ("union", "same"): gettext_lazy(
        "Under our union's proposal you would earn about the same in %(when)s as under "
        "today's contract."
    ),
    ("union", "more"): gettext_lazy(
        "Under our union's proposal you would earn %(amount)s more in %(when)s than under "
        "today's contract."
    ),
    ("union", "less"): gettext_lazy(
        "Under our union's proposal you would earn %(amount)s less in %(when)s than under "
        "today's contract."
    ),
    ("employer", "same"): gettext_lazy(
        "Under the employer's proposal you would earn about the same in %(when)s as under "
        "today's contract."
    ),
    ("employer", "more"): gettext_lazy(
        "Under the employer's proposal you would earn %(amount)s more in %(when)s than under "
        "today's contract."
    ),
    ("employer", "less"): gettext_lazy(
        "Under the employer's proposal you would earn %(amount)s less in %(when)s than under "
        "today's contract."
    ),
    ("other", "same"): gettext_lazy(
        "Under this proposal you would earn about the same in %(when)s as under today's contract."
    ),
    ("other", "more"): gettext_lazy(
        "Under this proposal you would earn %(amount)s more in %(when)s than under today's "
        "contract."
    ),
    ("other", "less"): gettext_lazy(
        "Under this proposal you would earn %(amount)s less in %(when)s than under today's "
        "contract."
    ),
}


def sentence(outcome: Outcome, year: Any) -> str:
    """Plain words for one contract year, against today's contract."""
    side = outcome.side if outcome.side in ("union", "employer") else "other"
    way = "same" if abs(year.change) < 0.5 else "more" if year.change > 0 else "less"
    words = {"when": _year_words(year.start), "amount": f"${abs(year.change):,.0f}"}
    return str(SENTENCES[side, way]) % words


def _year_words(start: date) -> str:
    return _("the year from %(date)s") % {"date": date_format(start, "DATE_FORMAT")}


def _yearly(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    if not outcomes:
        return []
    rows = []
    for k, year in enumerate(outcomes[0].years):
        rows.append(
            {
                "start": year.start,
                "status_quo": year.status_quo,
                "cells": [o.years[k] for o in outcomes],
            }
        )
    return rows


def _chart(outcomes: list[Outcome]) -> dict[str, Any]:
    if not outcomes:
        return {}
    labels = [
        _("From %(month)s") % {"month": date_format(y.start, "YEAR_MONTH_FORMAT")}
        for y in outcomes[0].years
    ]
    datasets = [
        {
            "label": _("Today's contract"),
            "data": [round(y.status_quo, 2) for y in outcomes[0].years],
            "backgroundColor": COLOURS["status_quo"],
        }
    ]
    for i, o in enumerate(outcomes):
        datasets.append(
            {
                "label": o.label,
                "data": [round(y.pay, 2) for y in o.years],
                "backgroundColor": colour_of(o.side, i),
            }
        )
    return {"type": "bar", "labels": labels, "datasets": datasets, "money": True}
