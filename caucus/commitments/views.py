"""The tracker's staff pages: the commitments of a table and where each stands; one commitment
(its path, its regions, its figures, the figures missing and the request for them); entering
and importing the employer's figures; publishing to members."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from caucus.accounts.decorators import staff_required
from caucus.commitments.access import (
    access_commitment,
    access_document,
    commitments_negotiation,
    may_edit,
    may_request_figures,
    may_see_requests,
)
from caucus.commitments.actions import (
    CommitmentError,
    do_create_commitment,
    do_edit_commitment,
    do_import_reports,
    do_publish,
    do_record_report,
    do_request_figures,
)
from caucus.commitments.board import standing
from caucus.commitments.forms import (
    CommitmentForm,
    ReportForm,
    ReportImportForm,
    add_commitment_error,
)
from caucus.commitments.importing import read_report_file
from caucus.commitments.models import Commitment, FigureRequest
from caucus.lib.files import send_stored_file
from caucus.table.models import Negotiation, TentativeAgreement


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    negotiation = context["negotiation"]
    context = {"may_edit": may_edit(request.user, negotiation), **context}
    return render(request, template, context, status=status)


@staff_required("commitments.view")
def commitment_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug)
    today = timezone.localdate()
    rows = [standing(c, today) for c in Commitment.objects.filter(negotiation=negotiation)]
    # The tentative agreements no commitment comes from yet: each one a step from tracking.
    untracked = (
        TentativeAgreement.objects.filter(negotiation=negotiation, commitments__isnull=True)
        .select_related("article")
        .order_by("article__order", "article__number")
        if may_edit(request.user, negotiation)
        else TentativeAgreement.objects.none()
    )
    return _render(
        request,
        "commitments/list.html",
        {"negotiation": negotiation, "rows": rows, "untracked": list(untracked)},
    )


def _form(
    request: HttpRequest, negotiation: Negotiation, instance: Commitment | None = None
) -> CommitmentForm:
    initial: dict[str, Any] = {}
    ta_pk = request.GET.get("ta", "")
    if instance is None and ta_pk.isdigit() and len(ta_pk) < 18:
        ta = (
            TentativeAgreement.objects.filter(negotiation=negotiation, pk=int(ta_pk))
            .select_related("article")
            .first()
        )
        if ta is not None:
            initial = {
                "tentative_agreement": ta,
                "title": f"Article {ta.article.number}: {ta.article.title}",
            }
    return CommitmentForm(
        request.POST or None, instance=instance, initial=initial, negotiation=negotiation
    )


@staff_required("commitments.edit")
def commitment_new(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    form = _form(request, negotiation)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CommitmentForm.Meta.fields}
        try:
            commitment = do_create_commitment(
                request.user,
                negotiation,
                region_targets=form.cleaned_data["region_targets"],
                **fields,
            )
        except CommitmentError as error:
            add_commitment_error(form, error)
        else:
            messages.success(request, f"“{commitment.title}” is tracked.")
            return redirect("commitments:commitment", slug, commitment.pk)
    return _render(
        request,
        "commitments/form.html",
        {"negotiation": negotiation, "form": form, "commitment": None},
        status=400 if form.errors else 200,
    )


@staff_required("commitments.edit")
def commitment_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    commitment = access_commitment(request.user, negotiation, pk, for_edit=True)
    form = _form(request, negotiation, commitment)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CommitmentForm.Meta.fields}
        try:
            do_edit_commitment(
                request.user,
                commitment,
                region_targets=form.cleaned_data["region_targets"],
                **fields,
            )
        except CommitmentError as error:
            add_commitment_error(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("commitments:commitment", slug, commitment.pk)
    return _render(
        request,
        "commitments/form.html",
        {"negotiation": negotiation, "form": form, "commitment": commitment},
        status=400 if form.errors else 200,
    )


@staff_required("commitments.view")
def commitment_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug)
    commitment = access_commitment(request.user, negotiation, pk)
    today = timezone.localdate()
    board = standing(commitment, today)
    asked = []
    if may_see_requests(request.user, negotiation):
        asked = list(FigureRequest.objects.filter(commitment=commitment).select_related("request"))
    return _render(
        request,
        "commitments/commitment.html",
        {
            "negotiation": negotiation,
            "commitment": commitment,
            "board": board,
            "charts": [
                (line, spec, f"chart-{n}", f"chart-{n}-data")
                for n, (line, spec) in enumerate(board.charts())
            ],
            "payout_chart": board.payout_chart() if commitment.is_profit_sharing else None,
            "asked": asked,
            "today": today,
            "may_request": may_request_figures(request.user, negotiation),
        },
    )


@staff_required("commitments.edit")
def report_new(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    commitment = access_commitment(request.user, negotiation, pk, for_edit=True)
    form = ReportForm(request.POST or None, request.FILES or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_record_report(
                request.user,
                commitment,
                source=data["source"],
                region=data["region"],
                period_end=data["period_end"],
                value=data["value"],
                note=data["note"],
                upload=data["document"] or None,
                document_title=data["document_title"],
            )
        except CommitmentError as error:
            add_commitment_error(form, error)
        else:
            messages.success(request, "Figure recorded.")
            return redirect("commitments:commitment", slug, commitment.pk)
    return _render(
        request,
        "commitments/report_form.html",
        {"negotiation": negotiation, "commitment": commitment, "form": form},
        status=400 if form.errors else 200,
    )


def _regions_by_name(negotiation: Negotiation) -> dict[str, int]:
    regions = negotiation.employer.regions.all()
    return {r.code.upper(): r.pk for r in regions} | {r.name.upper(): r.pk for r in regions}


@staff_required("commitments.edit")
def report_import(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The employer's file, read whole: every figure in it, or every problem and none."""
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    commitment = access_commitment(request.user, negotiation, pk, for_edit=True)
    form = ReportImportForm(request.POST or None, request.FILES or None)
    problems: list[dict[str, Any]] = []
    total = 0
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        read = read_report_file(
            upload.file,
            name=upload.name,
            commitment=commitment,
            regions=_regions_by_name(negotiation),
        )
        upload.seek(0)
        problems, total = read.errors, read.errors_total
        if not problems:
            saved = do_import_reports(
                request.user,
                commitment,
                rows=read.rows,
                upload=upload,
                source=form.cleaned_data["source"],
            )
            messages.success(
                request,
                f"{len(saved)} figure{'s' if len(saved) != 1 else ''} recorded from {upload.name}.",
            )
            return redirect("commitments:commitment", slug, commitment.pk)
    return _render(
        request,
        "commitments/report_import.html",
        {
            "negotiation": negotiation,
            "commitment": commitment,
            "form": form,
            "problems": problems,
            "total": total,
        },
        status=400 if form.errors or problems else 200,
    )


@staff_required("commitments.view")
def document(request: HttpRequest, slug: str, pk: int, document_pk: int) -> HttpResponseBase:
    negotiation = commitments_negotiation(request.user, slug)
    commitment = access_commitment(request.user, negotiation, pk)
    stored = access_document(commitment, document_pk)
    return send_stored_file(stored.file, stored.original_name)


@staff_required("commitments.edit")
def request_figures(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The one step: an information request for every figure missing or late."""
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    commitment = access_commitment(request.user, negotiation, pk, for_edit=True)
    if not may_request_figures(request.user, negotiation):
        raise Http404("No such page.")
    board = standing(commitment, timezone.localdate())
    if request.method == "POST":
        try:
            asked = do_request_figures(request.user, commitment, board.missing)
        except CommitmentError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"Information request {asked.request.number} filed for {len(board.missing)} missing figure{'s' if len(board.missing) != 1 else ''}.",
            )
        return redirect("commitments:commitment", slug, commitment.pk)
    items = [m.as_item(commitment) for m in board.missing]
    return _render(
        request,
        "commitments/request_figures.html",
        {"negotiation": negotiation, "commitment": commitment, "items": items},
    )


@staff_required("commitments.edit")
def publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = commitments_negotiation(request.user, slug, "commitments.edit")
    commitment = access_commitment(request.user, negotiation, pk, for_edit=True)
    if request.method == "POST":
        wanted = request.POST.get("publish") == "yes"
        do_publish(request.user, commitment, wanted)
        if wanted:
            messages.success(request, "Published: members can see it on the promises page.")
        else:
            messages.success(request, "Not shown to members.")
    return redirect("commitments:commitment", slug, commitment.pk)
