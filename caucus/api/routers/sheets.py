"""Comparison sheets in the JSON API: published sheets for every staff role, drafts and every
built version too for ``sheets.edit``. A row's ``ops`` are the redline operations in the
stable format of docs/redline.md."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from caucus.api.access import require
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message
from caucus.sheets.access import (
    access_version,
    latest_built,
    may_edit_sheets,
    readable_sheet,
    visible_sheets,
)
from caucus.sheets.models import Sheet, SheetVersion
from caucus.table.access import access_negotiation

router = Router(tags=["sheets"])
ERRORS = {401: Message, 403: Message, 404: Message}


class SheetOut(Schema):
    id: int
    title: str
    columns: str = Field(description="three_way or regression")
    layout: str = Field(description="inline or side-by-side")
    status: str = Field(description="draft or published")
    published_version: int | None = Field(description="The number of the version members see.")
    published_at: datetime | None
    url: str | None = Field(description="The member page, once published.")


class SheetPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SheetOut]


class RowOut(Schema):
    order: int
    heading: str
    summary: str = Field(description="Markdown, as staff wrote it.")
    note: str
    texts: dict[str, str] = Field(description="The texts compared, by column.")
    ops: list[dict[str, Any]] = Field(description="Redline operations (docs/redline.md).")


class VersionOut(Schema):
    sheet: SheetOut
    number: int
    title: str
    columns: str
    built_at: datetime | None
    rows: list[RowOut]


def _sheet_out(sheet: Sheet) -> dict[str, Any]:
    version = sheet.published_version
    return {
        "id": sheet.pk,
        "title": sheet.title,
        "columns": sheet.columns,
        "layout": sheet.layout,
        "status": sheet.status,
        "published_version": version.number if version else None,
        "published_at": sheet.published_at,
        "url": sheet.get_public_url() if sheet.is_published else None,
    }


@router.get("/negotiations/{slug}/sheets", response={200: SheetPage, **ERRORS})
def list_sheets(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """Sheets, newest first: published ones, and drafts for ``sheets.edit``."""
    user = require(request, "staff.enter")
    sheets = visible_sheets(user, access_negotiation(user, slug, "staff.enter"))
    return page(sheets.order_by("-created_at", "-id"), paging, _sheet_out)


class VersionParams(Schema):
    version: int | None = Field(
        None,
        ge=1,
        le=1_000_000,
        description="sheets.edit only: a built version, not the one published.",
    )


@router.get("/negotiations/{slug}/sheets/{sheet_id}", response={200: VersionOut, **ERRORS})
def get_sheet(
    request: HttpRequest, slug: NegotiationSlug, sheet_id: RowId, params: Query[VersionParams]
) -> Any:
    """A sheet's published version with its rows (for ``sheets.edit``, any built one, the
    latest when none is published)."""
    user = require(request, "staff.enter")
    negotiation = access_negotiation(user, slug, "staff.enter")
    sheet = readable_sheet(user, negotiation, sheet_id)
    version: SheetVersion | None = latest_built(sheet)
    if params.version is not None:
        if not may_edit_sheets(user, negotiation):
            raise HttpError(404, "No such version.")
        version = access_version(sheet, params.version)
    if version is None or not version.is_built:
        raise HttpError(404, "No such version.")
    return {
        "sheet": _sheet_out(sheet),
        "number": version.number,
        "title": version.title,
        "columns": version.columns,
        "built_at": version.built_at,
        "rows": [
            {
                "order": row.order,
                "heading": row.heading,
                "summary": row.summary,
                "note": row.note,
                "texts": row.texts,
                "ops": row.ops,
            }
            for row in version.rows.all()
        ],
    }
