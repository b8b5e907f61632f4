"""Member pages of sheets on the public site: the published sheets of a negotiation, one
sheet (its published version only), and its PDF and DOCX. Drafts are 404, like missing
sheets."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from caucus.sheets.access import public_negotiation, published_sheet
from caucus.sheets.built_version import download, sheet_context
from caucus.sheets.models import Sheet
from caucus.sheets.site_words import compares, member_context


def sheet_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = public_negotiation(slug)
    sheets = (
        Sheet.objects.filter(negotiation=negotiation, status=Sheet.Status.PUBLISHED)
        .select_related("published_version")
        .order_by("-published_at")
    )
    for sheet in sheets:
        sheet.compares = compares(sheet.columns)  # type: ignore[attr-defined]
    return render(
        request,
        "sheets/site_list.html",
        {"negotiation": negotiation, "sheets": sheets, "nav": "sheets"},
    )


def sheet_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = public_negotiation(slug)
    sheet, version = published_sheet(negotiation, pk)
    context = {"negotiation": negotiation, "sheet": sheet, "nav": "sheets"}
    context.update(member_context(sheet_context(version), version))
    return render(request, "sheets/site_sheet.html", context)


def sheet_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    _, version = published_sheet(public_negotiation(slug), pk)
    return download(version, "pdf")


def sheet_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    _, version = published_sheet(public_negotiation(slug), pk)
    return download(version, "docx")
