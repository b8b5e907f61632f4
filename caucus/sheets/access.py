"""Access helpers for sheets, for the pages and the API: staff reach a draft sheet only with
``sheets.edit`` at its negotiation; everyone reaches a sheet once it is published (members on a
public negotiation). Missing and not-yours are the same 404."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from caucus.accounts.models import Person
from caucus.sheets.models import Sheet, SheetVersion
from caucus.table import access as table_access
from caucus.table.models import Negotiation


def access_negotiation(user: Person, slug: str) -> Negotiation:
    """A negotiation whose sheets the user may build and publish."""
    return table_access.access_negotiation(user, slug, "sheets.edit")


def may_edit_sheets(user: Person, negotiation: Negotiation) -> bool:
    return negotiation.is_reached_by(user, "sheets.edit")


def visible_sheets(user: Person, negotiation: Negotiation) -> QuerySet[Sheet]:
    """The negotiation's sheets: every one for its editors, else the published ones."""
    sheets = Sheet.objects.filter(negotiation=negotiation).select_related(
        "published_version", "created_by"
    )
    if not may_edit_sheets(user, negotiation):
        sheets = sheets.filter(status=Sheet.Status.PUBLISHED)
    return sheets


def access_sheet(user: Person, negotiation: Negotiation, pk: int) -> Sheet:
    """A sheet the user may edit (drafts included)."""
    if not may_edit_sheets(user, negotiation):
        raise Http404("No such sheet.")
    sheet = visible_sheets(user, negotiation).filter(pk=pk).first()
    if sheet is None:
        raise Http404("No such sheet.")
    sheet.negotiation = negotiation
    return sheet


def readable_sheet(user: Person, negotiation: Negotiation, pk: int) -> Sheet:
    """A sheet the user may read: a published one, or any one for its editors."""
    sheet = visible_sheets(user, negotiation).filter(pk=pk).first()
    if sheet is None:
        raise Http404("No such sheet.")
    sheet.negotiation = negotiation
    return sheet


def latest_built(sheet: Sheet) -> SheetVersion | None:
    version = sheet.published_version
    if version is None:
        version = sheet.versions.filter(status=SheetVersion.Status.DONE).first()
    return version


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
