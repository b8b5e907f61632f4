"""The direct-dealing log: employer messages sent straight to members, reported by members or
logged by staff, and their review (status and staff notes)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.lib.files import send_stored_file
from caucus.table.access import access_negotiation, access_report
from caucus.table.actions import do_log_direct_dealing, do_review_report
from caucus.table.forms import ReportLogForm, ReportReviewForm, StatusFilterForm
from caucus.table.models import DirectDealingReport
from caucus.table.views import render_table


@staff_required("directdealing.review")
def direct_dealing(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "directdealing.review")
    reports = DirectDealingReport.objects.filter(negotiation=negotiation).select_related("worksite")
    status_filter = StatusFilterForm(request.GET or None)
    if status_filter.is_valid() and status_filter.cleaned_data["status"]:
        reports = reports.filter(status=status_filter.cleaned_data["status"])
    return render_table(
        request,
        "table/direct_dealing.html",
        {"negotiation": negotiation, "reports": reports, "status_filter": status_filter},
    )


@staff_required("directdealing.review")
def direct_dealing_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "directdealing.review")
    form = ReportLogForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = do_log_direct_dealing(request.user, negotiation, **form.cleaned_data)
        messages.success(request, "Employer message logged.")
        return redirect("table:direct_dealing_report", slug, report.pk)
    return render_table(
        request,
        "table/direct_dealing_form.html",
        {"negotiation": negotiation, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required("directdealing.review")
def direct_dealing_report(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "directdealing.review")
    report = access_report(request.user, negotiation, pk)
    form = ReportReviewForm(
        request.POST or None,
        initial={"status": report.status, "staff_notes": report.staff_notes},
    )
    if request.method == "POST" and form.is_valid():
        do_review_report(
            request.user, report, form.cleaned_data["status"], form.cleaned_data["staff_notes"]
        )
        messages.success(request, "Review saved.")
        return redirect("table:direct_dealing", slug)
    return render_table(
        request,
        "table/direct_dealing_report.html",
        {"negotiation": negotiation, "report": report, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required("directdealing.review")
def direct_dealing_attachment(request: StaffRequest, slug: str, pk: int) -> HttpResponseBase:
    """The file a report came with, to those who review reports."""
    negotiation = access_negotiation(request.user, slug, "directdealing.review")
    report = access_report(request.user, negotiation, pk)
    return send_stored_file(report.attachment)
