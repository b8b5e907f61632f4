"""A built version as files: a PDF and a DOCX (Word tracked changes, one heading paragraph per
article, changes authored by the side that made them; in three columns, a table per article).

The PDF of a three-column sheet is drawn with ReportLab from the rows' texts
(``render_columns_pdf``), a 50,000-word sheet in a few seconds; other layouts print the print
page through WeasyPrint, an article group at a time, keeping each group's PDF between builds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from html import unescape

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags

from caucus.engines.redline import Op
from caucus.engines.redline.columns import ColumnRow
from caucus.engines.redline.render_columns_pdf import Article, Header, render_columns_pdf
from caucus.engines.redline.render_docx import Table, render_docx_blocks
from caucus.engines.redline.render_html import CSS
from caucus.engines.redline.render_pdf import (
    can_join,
    join_pdfs,
    part_key,
    render_pdf,
    render_pdfs,
)
from caucus.sheets.compare import column_rows, is_three_columns, ops_from_data
from caucus.sheets.models import THREE_COLUMN_LABELS, Columns, SheetVersion, VersionRow

NO_CHANGE = "No change"
# Where each article's printed PDF is kept between builds, named by what it prints.
PARTS = "sheets/parts/"
# Articles per printed part, on average and at most: fewer, larger parts print and bind
# faster; smaller ones leave more of a long sheet untouched when one article changes.
GROUP, MAX_GROUP = 6, 12


@lru_cache(maxsize=1024)
def _columns(current: str, union: str, employer: str) -> tuple[ColumnRow, ...]:
    """A row's three columns, cut once for both files (a tenth of a 50,000-word build each)."""
    return tuple(column_rows({"current": current, "union": union, "employer": employer}))


def _row_columns(row: VersionRow) -> tuple[ColumnRow, ...]:
    texts = row.texts
    return _columns(texts["current"], texts["union"], texts["employer"])


def _date(version: SheetVersion) -> str:
    day = timezone.localtime(version.built_at or timezone.now())
    return f"{day:%B} {day.day}, {day.year}"


def columns_heading(version: SheetVersion) -> str:
    """What the columns are, for the header of every page and of the Word file."""
    if is_three_columns(version.columns, version.layout):
        return " | ".join(THREE_COLUMN_LABELS)
    old, new = version.column_labels
    return f"{old} → {new}"


def _css_string(text: str) -> str:
    """``text`` as a CSS string that cannot end the string or the style element early."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-–—→|'()&" else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def print_html(
    version: SheetVersion,
    rows: Sequence[VersionRow],
    *,
    with_header: bool = True,
    in_parts: bool = False,
) -> str:
    """The print page: the header naming the negotiation, the columns and the date (on every
    page too), then one article a page. ``in_parts``: a part of a sheet printed in parts,
    whose pages name their article at the foot instead of counting the sheet's pages."""
    columns, date = columns_heading(version), _date(version)
    negotiation = version.sheet.negotiation
    return render_to_string(
        "sheets/print.html",
        {
            "version": version,
            "negotiation": negotiation,
            "rows": rows,
            "columns": columns,
            "date": date,
            "redline_css": CSS,
            "is_three_columns": is_three_columns(version.columns, version.layout),
            "with_header": with_header,
            "in_parts": in_parts,
            "css_strings": {
                "negotiation": _css_string(negotiation.name),
                "columns": _css_string(columns),
                "date": _css_string(date),
            },
        },
    )


def _groups(rows: Sequence[VersionRow]) -> list[list[VersionRow]]:
    """Consecutive articles in groups of about ``GROUP`` (``MAX_GROUP`` at most), cut where an
    article's own content says so, so a changed article changes one group and the groups
    around it stay the same from one version to the next (content-defined chunking)."""
    groups: list[list[VersionRow]] = [[]]
    for row in rows:
        groups[-1].append(row)
        mark = int(hashlib.sha256(row.html.encode("utf-8", "surrogatepass")).hexdigest()[:8], 16)
        if mark % GROUP == 0 or len(groups[-1]) >= MAX_GROUP:
            groups.append([])
    return [group for group in groups if group]


def print_parts(version: SheetVersion, rows: Sequence[VersionRow]) -> list[str]:
    """The pages a sheet's PDF is printed from: a few articles each, the first under the
    sheet's header; every page names the negotiation, the columns and the date at its top."""
    return [
        print_html(version, group, with_header=k == 0, in_parts=True)
        for k, group in enumerate(_groups(rows))
    ]


def _summary_text(row: VersionRow) -> str:
    """The summary as the page reads it (its Markdown rendered, then as plain text), a blank
    line between its paragraphs and items."""
    html = re.sub(r"<li[^>]*>", "• ", row.summary_html)
    html = re.sub(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", "\n\n", html)
    paragraphs = (" ".join(p.split()) for p in unescape(strip_tags(html)).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def columns_pdf(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    """A three-column sheet's PDF, from the texts its rows compare: what the print page shows,
    header, title, key and every article's three columns."""
    header = Header(
        negotiation=version.sheet.negotiation.name,
        title=version.title,
        columns=columns_heading(version),
        date=_date(version),
        labels=THREE_COLUMN_LABELS,
    )
    articles = [
        Article(row.heading, _row_columns(row), summary=_summary_text(row), note=row.note)
        for row in rows
    ]
    return render_columns_pdf(header, articles)


def sheet_pdf(version: SheetVersion, rows: Sequence[VersionRow]) -> bytes:
    """The sheet's PDF. Three columns: drawn by ReportLab (``columns_pdf``). Other layouts:
    printed in parts (in parallel when there are many) and bound into one file, each part's
    PDF kept under the name of what it prints, so the next version prints only the parts
    whose articles changed; without pypdf to bind the parts, as one document."""
    if is_three_columns(version.columns, version.layout):
        return columns_pdf(version, rows)
    if not can_join():
        return render_pdf(print_html(version, rows))
    parts = print_parts(version, rows)
    keys = [part_key(html) for html in parts]
    pdfs: dict[str, bytes] = {}
    for key in dict.fromkeys(keys):
        kept = _kept_part(key)
        if kept is not None:
            pdfs[key] = kept
    missing = {key: html for key, html in zip(keys, parts, strict=True) if key not in pdfs}
    for key, pdf in zip(missing, render_pdfs(list(missing.values())), strict=True):
        pdfs[key] = pdf
        _keep_part(key, pdf)
    return join_pdfs([pdfs[key] for key in keys])


def _part_name(key: str) -> str:
    return f"{PARTS}{key[:2]}/{key}.pdf"


def _kept_part(key: str) -> bytes | None:
    name = _part_name(key)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as f:
        data: bytes = f.read()
    return data


def _keep_part(key: str, pdf: bytes) -> None:
    name = _part_name(key)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(pdf))


def _plain(text: str) -> Op:
    return Op("equal", text, text)


def _docx_table(row: VersionRow) -> Table:
    """A three-way row as a Word table: the current text, then each side's tracked changes
    (or "No change" where it changes nothing)."""
    cells: list[tuple[str | list[Op], ...]] = []
    for r in _row_columns(row):
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
