"""The staff pages of sheets: list, new, settings, rows, build with progress, preview, publish,
versions and exports. Every page needs ``sheets.edit`` (the coalition admin and the bargaining
team)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.sheets.access import access_negotiation, access_sheet, access_version
from caucus.sheets.actions import (
    SheetError,
    do_create_sheet,
    do_edit_sheet,
    do_publish,
    do_request_build,
    do_save_rows,
    do_unpublish,
    record_export,
    rows_of,
    unpublished_sources,
)
from caucus.sheets.built_version import download, sheet_context
from caucus.sheets.compare import articles_on_the_table
from caucus.sheets.documents import print_html
from caucus.sheets.forms import NewSheetForm, RowsForm, SheetForm
from caucus.sheets.models import Sheet

EDIT = "sheets.edit"


@staff_required(EDIT)
def sheet_list(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheets = Sheet.objects.filter(negotiation=negotiation).select_related("published_version")
    return render(request, "sheets/list.html", {"negotiation": negotiation, "sheets": sheets})


@staff_required(EDIT)
def sheet_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    form = NewSheetForm(
        request.POST or None,
        negotiation=negotiation,
        on_the_table=articles_on_the_table(negotiation),
    )
    if request.method == "POST" and form.is_valid():
        sheet = do_create_sheet(
            request.user,
            negotiation,
            title=form.cleaned_data["title"],
            columns=form.cleaned_data["columns"],
            layout=form.cleaned_data["layout"],
            intro=form.cleaned_data["intro"],
            included_article_ids=form.article_ids(),
        )
        messages.success(request, "Sheet created. Add a summary to each row, then build it.")
        return redirect("sheets:rows", slug, sheet.pk)
    return render(
        request,
        "sheets/sheet_form.html",
        {"negotiation": negotiation, "form": form, "sheet": None},
        status=400 if form.errors else 200,
    )


@staff_required(EDIT)
def sheet_detail(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    versions = list(sheet.versions.select_related("built_by"))
    latest = versions[0] if versions else None
    return render(
        request,
        "sheets/sheet.html",
        {
            "negotiation": negotiation,
            "sheet": sheet,
            "versions": versions,
            "latest": latest,
            "is_stale": latest is None or sheet.edited_at > latest.requested_at,
            "rows": sheet.rows.select_related("article"),
            "attached": sheet.updates.all(),
        },
    )


@staff_required(EDIT)
def sheet_edit(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    form = SheetForm(request.POST or None, instance=sheet)
    if request.method == "POST" and form.is_valid():
        sheet.refresh_from_db()
        do_edit_sheet(request.user, sheet, **form.cleaned_data)
        messages.success(request, "Sheet saved. Build it again to make a new version.")
        return redirect("sheets:sheet", slug, sheet.pk)
    return render(
        request,
        "sheets/sheet_form.html",
        {"negotiation": negotiation, "form": form, "sheet": sheet},
        status=400 if form.errors else 200,
    )


@staff_required(EDIT)
def sheet_rows(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    rows = rows_of(sheet)
    form = RowsForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            do_save_rows(request.user, sheet, form.changes())
        except SheetError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Rows saved.")
            return redirect("sheets:sheet", slug, sheet.pk)
    return render(
        request,
        "sheets/rows.html",
        {"negotiation": negotiation, "sheet": sheet, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required(EDIT)
@require_POST
def sheet_build(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    try:
        version = do_request_build(request.user, sheet, request=request)
    except SheetError as exc:
        messages.error(request, str(exc))
        return redirect("sheets:sheet", slug, sheet.pk)
    return redirect("sheets:version", slug, sheet.pk, version.number)


@staff_required(EDIT)
def version_detail(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """The build's progress, then the preview: exactly what members will read."""
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    version = access_version(sheet, number)
    context: dict[str, Any] = {"negotiation": negotiation, "sheet": sheet, "version": version}
    if version.is_built:
        context.update(sheet_context(version))
        context["blocking"] = unpublished_sources(version)
    return render(request, "sheets/version.html", context)


@staff_required(EDIT)
def version_progress(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """The progress part alone, polled while the build runs; a finished build reloads the page."""
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    version = access_version(sheet, number)
    response = render(
        request,
        "sheets/version.html#progress",
        {"negotiation": negotiation, "sheet": sheet, "version": version},
    )
    if version.is_built and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
    return response


@staff_required(EDIT)
@require_POST
def version_publish(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    version = access_version(sheet, number)
    try:
        do_publish(request.user, sheet, version, request=request)
    except SheetError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Version {version.number} is published to members.")
    return redirect("sheets:sheet", slug, sheet.pk)


@staff_required(EDIT)
@require_POST
def sheet_unpublish(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    try:
        do_unpublish(request.user, sheet, request=request)
    except SheetError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "The sheet is no longer shown to members.")
    return redirect("sheets:sheet", slug, sheet.pk)


def _export(request: StaffRequest, slug: str, pk: int, number: int, kind: str) -> HttpResponseBase:
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    version = access_version(sheet, number)
    if not version.is_built:
        raise Http404("This version is not built.")
    record_export(request.user, version, kind, request)
    return download(version, kind)


@staff_required(EDIT)
def export_pdf(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponseBase:
    return _export(request, slug, pk, number, "pdf")


@staff_required(EDIT)
def export_docx(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponseBase:
    return _export(request, slug, pk, number, "docx")


@staff_required(EDIT)
def version_print(request: StaffRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """The page the PDF is printed from, for checking it in a browser."""
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    version = access_version(sheet, number)
    if not version.is_built:
        raise Http404("This version is not built.")
    return HttpResponse(print_html(version, list(version.rows.all())))
