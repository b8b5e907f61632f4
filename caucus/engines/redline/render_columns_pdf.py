"""PDF of a three-column sheet (current | union | employer), written with ReportLab's platypus.

WeasyPrint lays a 50,000-word sheet out in about 17 s on one core (pango shaping and CSS
boxes for every run of words; cheaper CSS saves a fifth of that), too slow for a build that
should take seconds; this draws the same page from the same rows (``ColumnRow``) directly, in
a fifth of the time: a row is three paragraphs side by side, each broken into lines once, runs
of words in one mark each.

What the reader sees is what the HTML print page shows: every page's header names the
negotiation, the columns and the date, its foot the article and the page; the first page
carries the title and the key; each article starts on a new page, its column labels repeated
on every page it spans. Inserted text is underlined, deleted text struck through, each in its
side's colour (the union's green and red, the employer's purple and brown, as ``redline.css``
has them), in the side's own column, so no change can be read as its neighbour's; "No change"
where a side leaves the text as it is. Fonts: DejaVu where installed, else the Bitstream Vera
that ReportLab ships, both embedded, both with the accented letters of Western European
languages (DejaVu with most of Latin, Greek and Cyrillic as well).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from caucus.engines.redline.columns import ColumnRow
from caucus.engines.redline.ops import Op

# Each side's marks, as redline.css colours them: (inserted, deleted).
COLOURS = {"union": ("#0b5d1e", "#9b1c1c"), "employer": ("#5a189a", "#7a4100")}
SIDE_RULES = ("#777777", "#0b5d1e", "#5a189a")  # the rule above each column's label
GREY = "#4a4f57"
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
# The faces drawn, each from DejaVu where installed, else from ReportLab's own Vera.
_FACES = (
    ("CaucusSerif", "DejaVuSerif", "Vera"),
    ("CaucusSans", "DejaVuSans", "Vera"),
    ("CaucusSans-Bold", "DejaVuSans-Bold", "VeraBd"),
    ("CaucusSans-Italic", "DejaVuSans-Oblique", "VeraIt"),
)


@dataclass(frozen=True, slots=True)
class Header:
    """What every page names: the negotiation, the columns and the date; the sheet's title
    and its key on the first page."""

    negotiation: str
    title: str
    columns: str
    date: str
    labels: tuple[str, str, str]
    key: str = (
        "Key: underlined text is inserted, struck-through text is deleted; each side's column "
        "marks its changes to the current contract."
    )


@dataclass(frozen=True, slots=True)
class Article:
    heading: str
    rows: Sequence[ColumnRow]
    summary: str = ""
    note: str = ""


@cache
def fonts() -> tuple[str, str]:
    """The serif and sans faces registered with ReportLab (once per process); the sans has
    "-Bold" and "-Italic" faces too."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = next(
        (d for d in _FONT_DIRS if all((d / f"{face}.ttf").exists() for _, face, _ in _FACES)),
        None,
    )
    for name, dejavu, vera in _FACES:
        path = folder / f"{dejavu}.ttf" if folder is not None else _vera_dir() / f"{vera}.ttf"
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return _FACES[0][0], _FACES[1][0]


def _vera_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


@cache
def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    serif, sans = fonts()
    body = ParagraphStyle("body", fontName=serif, fontSize=9.5, leading=13.5)
    return {
        "cell": body,
        "label": ParagraphStyle("label", parent=body, fontName=f"{sans}-Bold", fontSize=9),
        "same": ParagraphStyle(
            "same", parent=body, fontName=f"{sans}-Italic", fontSize=8.5, textColor=HexColor(GREY)
        ),
        "text": ParagraphStyle("text", fontName=sans, fontSize=10, leading=14, spaceAfter=4),
        "note": ParagraphStyle("note", fontName=f"{sans}-Italic", fontSize=10, leading=14),
        "h1": ParagraphStyle("h1", fontName=f"{sans}-Bold", fontSize=16, leading=20, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", fontName=f"{sans}-Bold", fontSize=13, leading=17, spaceAfter=6, keepWithNext=1
        ),
        "h3": ParagraphStyle("h3", fontName=f"{sans}-Bold", fontSize=10.5, leading=14),
    }


def _text(text: str) -> str:
    """Plain text as paragraph markup: escaped, its line breaks kept."""
    return escape(text.strip("\n")).replace("\n", "<br/>")


def _marked(kind: str, side: str, text: str) -> str:
    colour = COLOURS.get(side, COLOURS["union"])[0 if kind == "ins" else 1]
    tag = "u" if kind == "ins" else "strike"
    # Line breaks inside a mark close it and open it again, so each line carries its mark.
    pieces = escape(text).split("\n")
    return "<br/>".join(
        f'<{tag}><font color="{colour}">{piece}</font></{tag}>' if piece.strip() else piece
        for piece in pieces
    )


def _side_markup(ops: Sequence[Op], side: str) -> str:
    """One side's cell: its text with what it deletes struck through and what it inserts
    underlined, runs of words in one mark each, a space between a deletion and the insertion
    that replaces it where the words would otherwise touch."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(escape(op.new_text).replace("\n", "<br/>"))
            continue
        if op.old_text:
            parts.append(_marked("del", side, op.old_text))
        if op.old_text[-1:].strip() and op.new_text[:1].strip():
            parts.append(" ")  # so "day" struck and "hour" inserted do not read "dayhour"
        if op.new_text:
            parts.append(_marked("ins", side, op.new_text))
    markup = "".join(parts)
    while markup.endswith("<br/>"):
        markup = markup[: -len("<br/>")]
    return markup.rstrip()


def _paragraphs(markup: str, style: Any) -> list[Any]:
    """A cell's markup as a paragraph a line of its text (each mark is closed at a line break,
    so each line's markup stands alone): a page break then splits one paragraph, not the
    whole cell, and what follows it is not broken into lines again page after page."""
    from reportlab.platypus import Paragraph

    return [Paragraph(line or "&nbsp;", style) for line in markup.split("<br/>")]


def _cells(row: ColumnRow) -> list[list[Any]]:
    """The row's three cells; "No change proposed" under the union's label where neither side
    changes it."""
    styles = _styles()
    cell, same = styles["cell"], styles["same"]
    current = _paragraphs(_text(row.current), cell)
    union, employer = row.changed_by("union"), row.changed_by("employer")
    if not union and not employer:
        return [current, _paragraphs("No change proposed", same), []]
    return [
        current,
        _paragraphs(_side_markup(row.union, "union"), cell)
        if union
        else _paragraphs("No change", same),
        _paragraphs(_side_markup(row.employer, "employer"), cell)
        if employer
        else _paragraphs("No change", same),
    ]


BAND = 22.0  # points at the top of a page for the column labels
LABELS = 20.0  # points the labels take, rules and all
RULE = "#c8c8c8"  # the rule under a row
PAD = 3.0  # points above and below a row's text, and beside each column's


def _split_cell(cell: list[Any], heights: list[float], width: float, room: float) -> list[Any]:
    """The paragraphs of ``cell`` that fit in ``room`` (the one that crosses it split where
    it can be), then the rest: two lists."""
    used = 0.0
    for k, (paragraph, height) in enumerate(zip(cell, heights, strict=True)):
        if used + height > room:
            # Paragraph.split: [] (no line fits, or only an orphan would), [itself], or
            # [its lines that fit, the rest].
            parts = paragraph.split(width, room - used)
            if len(parts) == 2:
                return [[*cell[:k], parts[0]], [parts[1], *cell[k + 1 :]]]
            if len(parts) == 1:
                return [cell[: k + 1], cell[k + 1 :]]
            return [cell[:k], cell[k:]]
        used += height
    return [cell, []]


@cache
def _row_class() -> type:
    """The flowable of a row: three cells side by side, each a paragraph a line, each broken
    into lines once (a table breaks every cell again to draw it and to split it), split
    across a page where it falls, with a rule under it. Made on first use, so reportlab
    loads only to print."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable

    rule = HexColor(RULE)

    class Row(Flowable):  # type: ignore[misc, unused-ignore]  # reportlab has no types
        def __init__(self, cells: list[list[Any]]) -> None:
            super().__init__()
            self.cells = cells
            self.heights: list[list[float]] | None = None

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            if self.heights is None or getattr(self, "width", None) != aw:
                self.width = aw
                inner = aw / 3 - 2 * PAD
                self.heights = [[p.wrap(inner, ah)[1] for p in cell] for cell in self.cells]
            self.height = max(sum(h) for h in self.heights) + 2 * PAD
            return aw, self.height

        def split(self, aw: float, ah: float) -> list[Any]:
            self.wrap(aw, ah)
            pieces = [
                _split_cell(cell, heights, aw / 3 - 2 * PAD, ah - 2 * PAD)
                for cell, heights in zip(self.cells, self.heights or [], strict=True)
            ]
            if not any(head for head, _tail in pieces) or not any(tail for _h, tail in pieces):
                self.heights = None  # a paragraph that would not split forgets its lines
                return []
            # The head is broken into lines again: a split paragraph's first lines must be.
            return [Row([head for head, _t in pieces]), Row([tail for _h, tail in pieces])]

        def draw(self) -> None:
            column = float(self.width) / 3
            for k, (cell, heights) in enumerate(zip(self.cells, self.heights or [], strict=True)):
                y = self.height - PAD
                for paragraph, height in zip(cell, heights, strict=True):
                    y -= height
                    paragraph.drawOn(self.canv, k * column + PAD, y)
            self.canv.setStrokeColor(rule)
            self.canv.setLineWidth(0.5)
            self.canv.line(0, 0, self.width, 0)

    return Row


def _rows(rows: Sequence[ColumnRow]) -> list[Any]:
    row = _row_class()
    return [row(_cells(r)) for r in rows if not r.is_blank]


def _draw_labels(canvas: Any, labels: tuple[str, str, str], width: float) -> None:
    """The columns' labels, each under its side's rule, in a band ``LABELS`` high above the
    origin: drawn as strings (as paragraphs in a table they cost a tenth of the PDF's time)."""
    from reportlab.lib.colors import HexColor

    _serif, sans = fonts()
    column = width / 3
    canvas.saveState()
    canvas.setLineWidth(2)
    for k, (label, colour) in enumerate(zip(labels, SIDE_RULES, strict=True)):
        canvas.setStrokeColor(HexColor(colour))
        canvas.line(k * column, LABELS - 1, (k + 1) * column, LABELS - 1)
        canvas.setFont(f"{sans}-Bold", 9)
        canvas.drawString(k * column + PAD, 6, label)
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.5)
    canvas.line(0, 0, width, 0)
    canvas.restoreState()


@cache
def _labels_class() -> type:
    from reportlab.platypus import Flowable

    class Labels(Flowable):  # type: ignore[misc, unused-ignore]  # reportlab has no types
        """The columns' labels at the head of an article."""

        def __init__(self, labels: tuple[str, str, str]) -> None:
            super().__init__()
            self.labels = labels

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width, self.height = aw, LABELS
            return aw, LABELS

        def draw(self) -> None:
            _draw_labels(self.canv, self.labels, self.width)

    return Labels


def _article(article: Article, labels: tuple[str, str, str]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    out: list[Any] = [Paragraph(escape(article.heading), styles["h2"])]
    if article.summary.strip():
        out.append(Paragraph("In plain language", styles["h3"]))
        out += [Paragraph(_text(p), styles["text"]) for p in article.summary.split("\n\n")]
    if article.note:
        out.append(Paragraph(escape(article.note), styles["note"]))
    out += [Spacer(0, 4), _labels_class()(labels), *_rows(article.rows)]
    return out


def _title(header: Header) -> list[Any]:
    from reportlab.platypus import HRFlowable, Paragraph

    styles = _styles()
    key = escape(header.key)
    for word, tag, kind in (("underlined", "u", "ins"), ("struck-through", "strike", "del")):
        colour = COLOURS["union"][0 if kind == "ins" else 1]
        key = key.replace(word, f'<{tag}><font color="{colour}">{word}</font></{tag}>', 1)
    return [
        Paragraph(escape(header.negotiation), styles["text"]),
        Paragraph(escape(header.title), styles["h1"]),
        Paragraph(escape(header.columns), styles["text"]),
        Paragraph(escape(header.date), styles["text"]),
        Paragraph(key, styles["text"]),
        HRFlowable(width="100%", thickness=0.75, color="#777777", spaceBefore=2, spaceAfter=10),
    ]


@dataclass(slots=True)
class _Pages:
    """What the page being drawn belongs to, for its header and foot."""

    header: Header
    size: tuple[float, float]
    margins: tuple[float, float]
    article: str = ""
    article_page: int = 0
    starts_here: bool = False

    def after_flowable(self, flowable: Any) -> None:
        heading = getattr(flowable, "caucus_article", None)
        if heading is not None:
            self.article, self.article_page, self.starts_here = heading, 1, True

    def page_start(self, _canvas: Any, _doc: Any) -> None:
        self.starts_here = False
        if self.article:
            self.article_page += 1

    def page_end(self, canvas: Any, _doc: Any) -> None:
        _running(canvas, self)


def render_columns_pdf(header: Header, articles: Sequence[Article]) -> bytes:
    """The sheet's PDF: the title block, then each article on a new page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

    out = io.BytesIO()
    size = landscape(A4)
    pages = _Pages(header, size, (1.5 * cm, 2 * cm))
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        title=f"{header.negotiation}: {header.title}",
        author=header.negotiation,
        leftMargin=pages.margins[0],
        rightMargin=pages.margins[0],
        topMargin=pages.margins[1],
        bottomMargin=pages.margins[1],
        invariant=1,  # the same sheet makes the same bytes (no creation date inside)
        initialFontName=fonts()[1],  # not Helvetica, which a PDF does not embed
    )
    doc.afterFlowable = pages.after_flowable
    # The frame leaves a band at its top for the column labels of an article's later pages.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height - BAND,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
    )
    template = PageTemplate(
        id="sheet", frames=[frame], onPage=pages.page_start, onPageEnd=pages.page_end
    )
    doc.addPageTemplates([template])
    story: list[Any] = _title(header)
    for k, article in enumerate(articles):
        if k:
            story.append(PageBreak())
        flowables = _article(article, header.labels)
        flowables[0].caucus_article = article.heading
        story += flowables
    doc.build(story)
    return out.getvalue()


def _running(canvas: Any, pages: _Pages) -> None:
    """The page's header (negotiation, columns, date), its foot (its article and the page
    within it), and on an article's later pages the column labels."""
    header, (width, height), (margin_x, margin_y) = pages.header, pages.size, pages.margins
    _serif, sans = fonts()
    canvas.saveState()
    canvas.setFont(sans, 9)
    top = height - margin_y + 14
    canvas.drawString(margin_x, top, header.negotiation)
    canvas.drawCentredString(width / 2, top, header.columns)
    canvas.drawRightString(width - margin_x, top, header.date)
    bottom = margin_y - 22
    if pages.article:
        canvas.drawString(margin_x, bottom, f"{pages.article}, page {pages.article_page}")
    canvas.drawRightString(width - margin_x, bottom, f"Page {canvas.getPageNumber()}")
    if pages.article and not pages.starts_here:
        canvas.translate(margin_x, height - margin_y - LABELS)
        _draw_labels(canvas, header.labels, width - 2 * margin_x)
    canvas.restoreState()
