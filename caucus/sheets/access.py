"""Access helpers for sheets: staff reach a sheet only with ``sheets.edit``; members reach a
sheet only once it is published, on a public negotiation. Missing and not-yours are the same
404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from caucus.accounts.permissions import has_perm
from caucus.sheets.models import Sheet, SheetVersion
from caucus.table.models import Negotiation


def access_negotiation(user: Any, slug: str) -> Negotiation:
    if not has_perm(user, "sheets.edit"):
        raise Http404("No such negotiation.")
    negotiation = Negotiation.objects.filter(slug=slug).first()
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def access_sheet(user: Any, negotiation: Negotiation, pk: int) -> Sheet:
    if not has_perm(user, "sheets.edit"):
        raise Http404("No such sheet.")
    sheet = (
        Sheet.objects.filter(negotiation=negotiation, pk=pk)
        .select_related("published_version", "created_by")
        .first()
    )
    if sheet is None:
        raise Http404("No such sheet.")
    sheet.negotiation = negotiation
    return sheet


def access_version(sheet: Sheet, number: int) -> SheetVersion:
    version = SheetVersion.objects.filter(sheet=sheet, number=number).first()
    if version is None:
        raise Http404("No such version.")
    version.sheet = sheet
    return version


def public_negotiation(slug: str) -> Negotiation:
    negotiation = (
        Negotiation.objects.select_related("coalition").filter(slug=slug, is_public=True).first()
    )
    if negotiation is None:
        raise Http404("No such negotiation.")
    return negotiation


def published_sheet(negotiation: Negotiation, pk: int) -> tuple[Sheet, SheetVersion]:
    """A published sheet and the version it publishes; drafts are 404 like missing sheets."""
    sheet = (
        Sheet.objects.filter(negotiation=negotiation, pk=pk, status=Sheet.Status.PUBLISHED)
        .select_related("published_version")
        .first()
    )
    if sheet is None or sheet.published_version is None:
        raise Http404("No such sheet.")
    sheet.negotiation = negotiation
    version = sheet.published_version
    version.sheet = sheet
    return sheet, version
