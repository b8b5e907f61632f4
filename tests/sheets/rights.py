"""Who may reach each sheets route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast) makes the
records the kwargs name ("name" or "name=object") and returns them by name.

Staff pages need ``sheets.edit`` (admin and bargaining team); a published sheet is public.
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE, STAFF, TEAM

SHEET = ("slug", "pk=sheet_pk")
VERSION = ("slug", "pk=sheet_pk", "number=version_number")
PUBLISHED = ("slug", "pk=published_sheet_pk")

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "api:get_sheet#draft": ("GET", TEAM, ("slug", "sheet_id=sheet_pk")),
    "sheets:list": ("GET", TEAM, ("slug",)),
    "sheets:new": ("GET", TEAM, ("slug",)),
    "sheets:sheet": ("GET", TEAM, SHEET),
    "sheets:edit": ("GET", TEAM, SHEET),
    "sheets:rows": ("GET", TEAM, SHEET),
    "sheets:build": ("POST", TEAM, SHEET),
    "sheets:unpublish": ("POST", TEAM, PUBLISHED),
    "updates:link_sheet": ("GET", TEAM, SHEET),
    "sheets:version": ("GET", TEAM, VERSION),
    "sheets:progress": ("GET", TEAM, VERSION),
    "sheets:publish": ("POST", TEAM, VERSION),
    "sheets:print": ("GET", TEAM, VERSION),
    "sheets:export_pdf": ("GET", TEAM, VERSION),
    "sheets:export_docx": ("GET", TEAM, VERSION),
    "sheets_site:list": ("GET", EVERYONE, ("slug",)),
    "sheets_site:sheet": ("GET", EVERYONE, PUBLISHED),
    "sheets_site:pdf": ("GET", EVERYONE, PUBLISHED),
    "sheets_site:docx": ("GET", EVERYONE, PUBLISHED),
    "api:list_sheets": ("GET", STAFF, ("slug",)),
    "api:get_sheet": ("GET", STAFF, ("slug", "sheet_id=published_sheet_pk")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: a draft sheet with one built version, and a published sheet (built and published).

    The files are stand-ins: the matrix asks who gets in, not what the files hold.
    """
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from caucus.sheets.models import Sheet, SheetRow, SheetVersion

    wages = negotiation.articles.get(number="12")

    def sheet_with_version(title: str) -> tuple[Any, Any]:
        sheet = Sheet.objects.create(negotiation=negotiation, title=title)
        SheetRow.objects.create(sheet=sheet, article=wages, order=1)
        version = SheetVersion.objects.create(
            sheet=sheet,
            number=1,
            title=title,
            columns=sheet.columns,
            layout=sheet.layout,
            status=SheetVersion.Status.DONE,
            built_at=timezone.now(),
            pdf=ContentFile(b"%PDF-1.7\n", name="sheet.pdf"),
            docx=ContentFile(b"PK", name="sheet.docx"),
        )
        return sheet, version

    draft, draft_version = sheet_with_version("Draft sheet")
    published, published_version = sheet_with_version("Published sheet")
    published.status = Sheet.Status.PUBLISHED
    published.published_version = published_version
    published.published_at = timezone.now()
    published.save()
    return {
        "sheet_pk": draft.pk,
        "version_number": draft_version.number,
        "published_sheet_pk": published.pk,
    }
