"""The costing pages for the bargaining team: runs, a new run, its progress and results, the
workbook export, and publishing a run's "what it means for me" page to members."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.costing import pages
from caucus.costing.access import access_run, visible_runs
from caucus.costing.actions import (
    CostingInputError,
    PublishError,
    do_create_run,
    do_publish,
    do_unpublish,
    record_export,
)
from caucus.costing.employer_money import money_for
from caucus.costing.forms import NewRunForm, PublishForm
from caucus.costing.models import CostingRun
from caucus.lib.files import send_stored_file
from caucus.table.access import access_negotiation
from caucus.table.models import Negotiation


@staff_required("costing.run")
def run_list(request: StaffRequest) -> HttpResponse:
    runs = visible_runs(request.user)[:100]
    negotiations = Negotiation.objects.order_by("name")
    return render(request, "costing/list.html", {"runs": runs, "negotiations": negotiations})


@staff_required("costing.run")
def run_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    form = NewRunForm(
        request.POST or None, request.FILES or None, user=request.user, negotiation=negotiation
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = do_create_run(
                request.user,
                negotiation,
                name=form.run_name(),
                proposals=form.chosen(),
                union=data["union"] if data["source"] == "members" else None,
                upload=data["file"] if data["source"] == "file" else None,
                status_quo_terms=data["status_quo_terms"],
            )
        except CostingInputError as refused:
            field = "file" if refused.field == "roster" and data["source"] == "file" else None
            for message in refused.messages[:50]:
                form.add_error(field, message)
            if len(refused.messages) > 50:
                form.add_error(field, f"… and {len(refused.messages) - 50} more problems.")
        else:
            return redirect("costing:run", pk=run.pk)
    return render(
        request,
        "costing/new.html",
        {"form": form, "negotiation": negotiation},
        status=400 if form.is_bound else 200,
    )


def _result_context(run: CostingRun) -> dict[str, Any]:
    summary = run.summary or {}
    if not run.is_done or not summary.get("proposals"):
        return {}
    proposals = summary["proposals"]
    for i, p in enumerate(proposals):
        p["colour"] = pages.colour_of(p["side"], i)
        p["matrix_rows"] = pages.matrix(summary, p)
        p["losers_by_local"] = pages.losers_by(p, "local")
        p["losers_by_classification"] = pages.losers_by(p, "classification")
    return {
        "summary": summary,
        "proposals": proposals,
        "year_rows": pages.year_rows(summary),
        "terms_differ": len({(p["term"]["start"], p["term"]["years"]) for p in proposals}) > 1,
        "years_chart": pages.years_chart(summary),
        "histogram_chart": pages.histogram_chart(summary),
        "histogram_rows": pages.histogram_rows(summary),
        "money": money_for(run, members=False),
        "has_time_off": any(p["term_total"].get("hours_off") for p in proposals),
        "rollup_rows": pages.rollup_rows(summary),
    }


@staff_required("costing.run")
def run_detail(request: StaffRequest, pk: int) -> HttpResponse:
    run = access_run(request.user, pk)
    context = {"run": run, "publish_form": PublishForm(initial={"member_intro": run.member_intro})}
    return render(request, "costing/run.html", {**context, **_result_context(run)})


@staff_required("costing.run")
def run_progress(request: StaffRequest, pk: int) -> HttpResponse:
    """The progress part alone, which the run page polls while the costing runs; once the run
    is finished it tells htmx to load the whole page, results and all."""
    run = access_run(request.user, pk)
    if run.is_finished and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "costing/run.html#progress", {"run": run})


@staff_required("costing.run")
def run_export(request: StaffRequest, pk: int) -> HttpResponseBase:
    run = access_run(request.user, pk)
    if not run.is_done or not run.workbook:
        raise Http404("This run has no workbook yet.")
    record_export(request.user, run, request)
    return send_stored_file(run.workbook, f"costing-{run.pk}.xlsx")


@require_POST
@staff_required("costing.run")
def run_publish(request: StaffRequest, pk: int) -> HttpResponse:
    run = access_run(request.user, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            do_publish(request.user, run, form.cleaned_data["member_intro"])
        except PublishError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Published: members can now see what it means for them.")
    return redirect("costing:run", pk=run.pk)


@require_POST
@staff_required("costing.run")
def run_unpublish(request: StaffRequest, pk: int) -> HttpResponse:
    run = access_run(request.user, pk)
    if run.is_published:
        do_unpublish(request.user, run)
        messages.success(request, "Unpublished: members no longer see this run.")
    return redirect("costing:run", pk=run.pk)
