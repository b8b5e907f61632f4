"""A built version as files: a PDF (the print page through WeasyPrint) and a DOCX (Word
tracked changes, one heading paragraph per article, changes authored by the side that made
them)."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import timezone

from caucus.engines.redline import Op
from caucus.engines.redline.render_docx import render_docx
from caucus.engines.redline.render_html import CSS
from caucus.engines.redline.render_pdf import render_pdf
from caucus.sheets.compare import ops_from_data
from caucus.sheets.models import Columns, SheetVersion, VersionRow


def _date(version: SheetVersion) -> str:
    day = timezone.localtime(version.built_at or timezone.now())
    return f"{day:%B} {day.day}, {day.year}"


def print_html(version: SheetVersion, rows: Sequence[VersionRow]) -> str:
    """The whole print page: header naming the negotiation, the columns and the date."""
    old, new = version.column_labels
    return render_to_string(
        "sheets/print.html",
        {
            "version": version,
            "negotiation": version.sheet.negotiation,
            "rows": rows,
            "columns": f"{old} → {new}",
            "date": _date(version),
            "redline_css": CSS,
        },
    )


def sheet_pdf(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    return render_pdf(print_html(version, rows))


def sheet_docx(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    ops: list[Op] = []
    for row in rows:
        heading = f"{row.heading}\n"
        ops.append(Op("equal", heading, heading))
        if row.summary:
            summary = f"In plain language: {row.summary.strip()}\n"
            ops.append(Op("equal", summary, summary))
        if row.note:
            ops.append(Op("equal", f"{row.note}\n", f"{row.note}\n"))
        row_ops = ops_from_data(row.ops)
        ops.extend(row_ops)
        if not row_ops or not row_ops[-1].new_text.endswith("\n"):
            ops.append(Op("equal", "\n", "\n"))
        ops.append(Op("equal", "\n", "\n"))
    old, new = version.column_labels
    negotiation = version.sheet.negotiation.name
    author = "Employer" if version.columns == Columns.REGRESSION else "Proposal"
    return render_docx(
        ops,
        author=author,
        date=version.built_at,
        header=f"{negotiation} — {version.title} — {old} → {new} — {_date(version)}",
    )
