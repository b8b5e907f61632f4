"""What the sheet pages read from a built version, shared by the staff preview and the
member page (so the preview is exactly what members see), and its files as downloads."""

from __future__ import annotations

from typing import Any

from django.http.response import HttpResponseBase
from django.utils.text import slugify

from caucus.engines.redline.render_html import CSS
from caucus.lib.files import send_stored_file
from caucus.sheets.models import SheetVersion


def sheet_context(version: SheetVersion) -> dict[str, Any]:
    old, new = version.column_labels
    return {
        "version": version,
        "rows": list(version.rows.all()),
        "old_label": old,
        "new_label": new,
        "redline_css": CSS,
    }


def download(version: SheetVersion, kind: str) -> HttpResponseBase:
    """The version's file as an attachment (the caller has checked the right to it)."""
    file = version.pdf if kind == "pdf" else version.docx
    return send_stored_file(file, f"{slugify(version.title) or 'sheet'}-v{version.number}.{kind}")
