"""A built version as files: a PDF (the print page through WeasyPrint) and a DOCX (Word
tracked changes, one heading paragraph per article, changes authored by the side that made
them)."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import timezone

from caucus.engines.redline import Op
from caucus.engines.redline.render_docx import Table, render_docx_blocks
from caucus.engines.redline.render_html import CSS
from caucus.engines.redline.render_pdf import render_pdf
from caucus.sheets.compare import column_rows, is_three_columns, ops_from_data
from caucus.sheets.models import THREE_COLUMN_LABELS, Columns, SheetVersion, VersionRow

NO_CHANGE = "No change"


def _date(version: SheetVersion) -> str:
    day = timezone.localtime(version.built_at or timezone.now())
    return f"{day:%B} {day.day}, {day.year}"


def columns_heading(version: SheetVersion) -> str:
    """What the columns are, for the header of every page and of the Word file."""
    if is_three_columns(version.columns, version.layout):
        return " | ".join(THREE_COLUMN_LABELS)
    old, new = version.column_labels
    return f"{old} → {new}"


def print_html(version: SheetVersion, rows: Sequence[VersionRow]) -> str:
    """The whole print page: header naming the negotiation, the columns and the date."""
    return render_to_string(
        "sheets/print.html",
        {
            "version": version,
            "negotiation": version.sheet.negotiation,
            "rows": rows,
            "columns": columns_heading(version),
            "date": _date(version),
            "redline_css": CSS,
            "is_three_columns": is_three_columns(version.columns, version.layout),
        },
    )


def sheet_pdf(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    return render_pdf(print_html(version, rows))


def _plain(text: str) -> Op:
    return Op("equal", text, text)


def _docx_table(row: VersionRow) -> Table:
    """A three-way row as a Word table: the current text, then each side's tracked changes
    (or "No change" where it changes nothing)."""
    cells: list[tuple[str | list[Op], ...]] = []
    for r in column_rows(row.texts):
        union = r.union if r.changed_by("union") else NO_CHANGE
        employer = r.employer if r.changed_by("employer") else NO_CHANGE
        cells.append((r.current.rstrip("\n"), union, employer))
    return Table(THREE_COLUMN_LABELS, cells)


def sheet_docx(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    """One heading paragraph per article, its summary and note, then its redline: tracked
    changes in the text, or (three columns) a table of them."""
    columns = is_three_columns(version.columns, version.layout)
    blocks: list[list[Op] | Table] = []
    for row in rows:
        ops = [_plain(f"{row.heading}\n")]
        if row.summary:
            ops.append(_plain(f"In plain language: {row.summary.strip()}\n"))
        if row.note:
            ops.append(_plain(f"{row.note}\n"))
        if columns:
            blocks += [ops, _docx_table(row), [_plain("\n")]]
            continue
        row_ops = ops_from_data(row.ops)
        ops.extend(row_ops)
        if not row_ops or not row_ops[-1].new_text.endswith("\n"):
            ops.append(_plain("\n"))
        ops.append(_plain("\n"))
        blocks.append(ops)
    negotiation = version.sheet.negotiation.name
    author = "Employer" if version.columns == Columns.REGRESSION else "Proposal"
    return render_docx_blocks(
        blocks,
        author=author,
        date=version.built_at,
        header=f"{negotiation} — {version.title} — {columns_heading(version)} — {_date(version)}",
    )
