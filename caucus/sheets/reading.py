"""What the sheet pages read from a built version, shared by the staff preview and the
member page (so the preview is exactly what members see), and its files as downloads."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.text import slugify

from caucus.engines.redline.render_html import CSS
from caucus.sheets.models import SheetVersion

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def sheet_context(version: SheetVersion) -> dict[str, Any]:
    old, new = version.column_labels
    return {
        "version": version,
        "rows": list(version.rows.all()),
        "old_label": old,
        "new_label": new,
        "redline_css": CSS,
    }


def download(version: SheetVersion, kind: str) -> HttpResponse:
    """The version's file as an attachment (read whole: a sheet is a few hundred kilobytes)."""
    file = version.pdf if kind == "pdf" else version.docx
    if not file:
        raise Http404("No file for this version.")
    with file.open("rb") as handle:
        data = handle.read()
    name = f"{slugify(version.title) or 'sheet'}-v{version.number}.{kind}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
