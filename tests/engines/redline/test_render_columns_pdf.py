"""The three-column PDF as a reader sees it: each column's words where that column is, each
change in its side's colour and underlined or struck through, the header on every page, one
article a page, accented letters as typed."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from caucus.engines.redline.columns import three_columns
from caucus.engines.redline.render_columns_pdf import (
    COLOURS,
    Article,
    Header,
    render_columns_pdf,
)
from tests.tools import need

LABELS = ("Current contract", "Union's latest proposal", "Employer's latest proposal")
HEADER = Header(
    negotiation="Négociation collective — Québec 2026",
    title="Where wages stand",
    columns=" | ".join(LABELS),
    date="March 16, 2026",
    labels=LABELS,
)
WAGES = (
    "12.1 Wages rise 1% on April 1.\n",
    "12.1 Wages rise 5% on April 1.\n",
    "12.1 Wages rise 0.5% on July 1.\n",
)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[k : k + 2], 16) / 255 for k in (1, 3, 5))  # type: ignore[return-value]


def _same(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) < 0.01 for x, y in zip(a, b, strict=True))


@dataclass
class Drawn:
    """What a page draws: runs of text (words, fill colour, x and baseline y of their line on
    the page) and stroked lines (colour, y of the line and baseline y of the text drawn next,
    both in the cell's coordinates, and the cell's origin on the page)."""

    runs: list[tuple[str, tuple[float, ...], float, float]] = field(default_factory=list)
    lines: list[tuple[tuple[float, ...], float, tuple[float, float]]] = field(default_factory=list)


def _drawn(reader: PdfReader, page: Any) -> Drawn:
    """The page's content stream read as ReportLab writes it (translations only, text in
    lines of ``Tj`` runs; ASCII words read as they are, which is all these tests look for)."""
    drawn = Drawn()
    origin, stack = (0.0, 0.0), []
    fill, stroke, line, leading = (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), (0.0, 0.0), 0.0
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(origin)
        elif op == b"Q":
            origin = stack.pop()
        elif op == b"cm":
            origin = (origin[0] + float(operands[4]), origin[1] + float(operands[5]))
        elif op == b"rg":
            fill = tuple(float(a) for a in operands)
        elif op == b"RG":
            stroke = tuple(float(a) for a in operands)
        elif op == b"m":
            drawn.lines.append((stroke, float(operands[1]), origin))
        elif op == b"Tm":
            line = (float(operands[4]), float(operands[5]))
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"T*":
            line = (line[0], line[1] - leading)
        elif op == b"Tj":
            words = operands[0].original_bytes.decode("latin-1")
            drawn.runs.append((words, fill, origin[0] + line[0], origin[1] + line[1]))
    return drawn


def _pdf(articles: list[Article]) -> PdfReader:
    return PdfReader(io.BytesIO(render_columns_pdf(HEADER, articles)))


def _column(x: float, page: Any) -> int:
    """Which column (0, 1, 2) a run drawn at ``x`` is in."""
    left, width = 42.5, float(page.mediabox.width) - 85
    return min(2, int((x - left) // (width / 3)))


def _wages() -> Article:
    return Article("Article 12: Wages", three_columns(*WAGES), summary="Half a percent, later.")


def test_each_column_shows_its_own_text_in_its_own_place() -> None:
    reader = _pdf([_wages()])
    page = reader.pages[0]
    by_column: dict[int, str] = {0: "", 1: "", 2: ""}
    for words, _fill, x, y in _drawn(reader, page).runs:
        if 100 < y < 330:  # the article's rows, below its column labels and above the foot
            by_column[_column(x, page)] += words
    assert by_column[0] == "12.1 Wages rise 1% on April 1."
    assert by_column[1] == "12.1 Wages rise 1% 5% on April 1."  # 1% struck, 5% underlined
    assert by_column[2] == "12.1 Wages rise 1% on April 0.5% on July 1."


def test_each_change_is_in_its_sides_colour_underlined_or_struck_through() -> None:
    reader = _pdf([_wages()])
    drawn = _drawn(reader, reader.pages[0])
    runs = {words: fill for words, fill, _x, _y in drawn.runs}
    union_ins, union_del = (_rgb(c) for c in COLOURS["union"])
    employer_ins, employer_del = (_rgb(c) for c in COLOURS["employer"])
    assert _same(runs["5%"], union_ins)
    assert _same(runs["1%"], union_del)
    assert _same(runs["0.5% on July"], employer_ins)
    assert _same(runs["1% on April"], employer_del)
    assert _same(runs["12.1 Wages rise "], (0, 0, 0))  # unchanged words in black
    # Each side's cell has one line of text, its baseline 4 pt above the cell's origin: the
    # inserted words' rule under the baseline (an underline), the deleted words' through
    # their letters (a strike-through), each in its mark's colour, in the side's column.
    for k, (inserted, deleted) in enumerate(
        ((union_ins, union_del), (employer_ins, employer_del)), start=1
    ):
        marks = [(c, y) for c, y, o in drawn.lines if _column(o[0], reader.pages[0]) == k]
        under = [y for colour, y in marks if _same(colour, inserted)]
        through = [y for colour, y in marks if _same(colour, deleted)]
        assert under
        assert all(0 < y < 4 for y in under)
        assert through
        assert all(4 < y < 4 + 9.5 for y in through)


def test_a_side_that_changes_nothing_says_no_change(tmp_path: Path) -> None:
    pdftotext = need("pdftotext")
    rows = three_columns(WAGES[0], WAGES[1], WAGES[0])
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_columns_pdf(HEADER, [Article("Article 12: Wages", rows)]))
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in text.splitlines() if "12.1 Wages rise" in line)
    assert line.split()[-2:] == ["No", "change"]  # the employer's column, beside the union's


def test_every_article_starts_a_page_and_every_page_has_the_header(tmp_path: Path) -> None:
    pdftotext = need("pdftotext")
    long_text = "".join(f"7.{k} Seniority counts from the first day of work.\n" for k in range(90))
    seniority = Article(
        "Article 7: Seniority",
        three_columns(long_text, long_text.replace("first day", "first hour"), long_text),
    )
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_columns_pdf(HEADER, [_wages(), seniority, _wages()]))
    pages = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    assert len(pages) >= 4  # wages, seniority over two pages at least, wages again
    for page in pages:
        assert "Négociation collective — Québec 2026" in page
        assert HEADER.columns in page
        assert "March 16, 2026" in page
        assert all(label in page for label in LABELS)  # above the columns, page after page
    starts = [k for k, page in enumerate(pages) if "Article 7: Seniority, page 1" in page]
    assert starts == [1]
    assert "Article 12: Wages" not in pages[1].split("Article 7: Seniority, page 1")[0]
    assert "Where wages stand" in pages[0]
    assert "Where wages stand" not in pages[1]
    assert "Article 12: Wages, page 1" in pages[-1]
    assert "Seniority counts from the first day hour" in pages[2]  # struck, then inserted
    assert "Article 7: Seniority, page 2" in pages[2]


def test_accented_letters_print_as_typed_in_an_embedded_font(tmp_path: Path) -> None:
    pdftotext = need("pdftotext")
    text = "3.1 L'employé reçoit une indemnité de départ; Überstunden; señor; łódź.\n"
    article = Article("Article 3: Départ", three_columns(text, text.replace("une", "deux"), text))
    data = render_columns_pdf(HEADER, [article])
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = out.split()
    assert all(word in words for word in text.split())  # each word whole, wherever it wraps
    assert "Article 3: Départ" in out
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert all(("DejaVu" in name or "Vera" in name) for name in names), names
    for font in fonts.values():
        descriptor = font.get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor  # embedded, so every reader has the letters


def test_a_sheet_prints_the_same_bytes_twice() -> None:
    assert render_columns_pdf(HEADER, [_wages()]) == render_columns_pdf(HEADER, [_wages()])


@pytest.mark.parametrize("count", [1, 3])
def test_a_page_counts_its_place_in_the_sheet(count: int) -> None:
    reader = _pdf([_wages()] * count)
    assert len(reader.pages) == count
    for k, page in enumerate(reader.pages, start=1):
        assert f"Page {k}" in page.extract_text()


def test_a_row_longer_than_a_page_goes_on_over_the_pages_with_every_word(
    tmp_path: Path,
) -> None:
    pdftotext = need("pdftotext")
    # An article replaced whole, its paragraphs run together: one row of 80 lines.
    current = "\n\n".join(f"9.{k} " + f"current{k} words " * 25 for k in range(40)) + "\n"
    union = "\n".join(f"9.{k} " + f"union{k} words " * 25 for k in range(40)) + "\n"
    rows = three_columns(current, union, current)
    assert len([row for row in rows if not row.is_blank]) == 1
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_columns_pdf(HEADER, [Article("Article 9: Everything", rows)]))
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") >= 3
    words = text.split()
    for k in range(40):
        assert words.count(f"current{k}") == 50  # the current column, and struck in the union's
        assert words.count(f"union{k}") == 25
