"""DOCX redlines with real Word tracked changes.

Every insertion is a ``w:ins`` revision and every deletion a ``w:del`` (its text in
``w:delText``), each with ``w:author`` (the side that proposed it) and ``w:date``, so Word and
LibreOffice can accept or reject each change. A line break is a paragraph; a deleted or
inserted line break is a deleted or inserted paragraph mark. Accepting every change gives the
new text, rejecting every change the old one (carriage returns dropped, and characters XML
cannot hold replaced by U+FFFD). Moved text is by "<author> (moved)", the words changed in
a move by the author; a number only renumbered (``ignore_renumbering``) is a change by
"<author> (renumbering)", so a reader can filter either out in Word's review pane.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.table import Table as DocxTable

from caucus.engines.redline.moves import edits_in_moves
from caucus.engines.redline.ops import Op, is_renumbered

TABLE_WIDTH_CM = 16.5  # the page's width inside its margins
AUTHORS = {"union": "Union", "employer": "Employer", "both": "Union and Employer"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Writer:
    def __init__(self, body: BaseOxmlElement, date: str) -> None:
        self.body = body
        self.date = date
        self.next_id = 1
        self.paragraph = self._new_paragraph()

    def _new_paragraph(self) -> BaseOxmlElement:
        p = OxmlElement("w:p")
        self.body.append(p)
        return p

    def _revision(self, tag: str, author: str) -> BaseOxmlElement:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el

    def _run(self, text: str, deleted: bool) -> BaseOxmlElement:
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def _end_paragraph(self, kind: str | None, author: str) -> None:
        if kind is not None:
            ppr = OxmlElement("w:pPr")
            rpr = OxmlElement("w:rPr")
            rpr.append(self._revision(f"w:{kind}", author))
            ppr.append(rpr)
            self.paragraph.insert(0, ppr)
        self.paragraph = self._new_paragraph()

    def write(self, text: str, kind: str | None, author: str) -> None:
        """Write ``text``; ``kind`` is None (unchanged), "ins" or "del"."""
        text = _NOT_XML.sub("\ufffd", text.replace("\r", ""))
        lines = text.split("\n")
        for k, line in enumerate(lines):
            if line:
                run = self._run(line, deleted=kind == "del")
                if kind is None:
                    self.paragraph.append(run)
                else:
                    wrapper = self._revision(f"w:{kind}", author)
                    wrapper.append(run)
                    self.paragraph.append(wrapper)
            if k < len(lines) - 1:
                self._end_paragraph(kind, author)


def _write_move(writer: _Writer, op: Op, edits: list[Op] | None, who: str) -> None:
    """Moved text is by "<author> (moved)"; words changed in the move are by the author, so
    Word tells them apart (and accepting or rejecting everything still gives each text)."""
    kind, text = ("del", op.old_text) if op.old_text else ("ins", op.new_text)
    if edits is None:
        writer.write(text, kind, f"{who} (moved)")
        return
    for e in edits:
        piece = e.old_text if kind == "del" else e.new_text
        if piece:
            writer.write(piece, kind, f"{who} (moved)" if e.op == "equal" else who)


@dataclass(frozen=True, slots=True)
class Table:
    """A table in the document: a header row, then rows of cells, each cell plain text or
    operations written as tracked changes (three columns: current | union | employer)."""

    headers: tuple[str, ...]
    rows: Sequence[Sequence[str | Sequence[Op]]]


def render_docx(
    ops: Sequence[Op],
    *,
    author: str = "Proposal",
    date: datetime | None = None,
    header: str = "",
) -> bytes:
    """A .docx of the new text with every change tracked; ``author`` names changes whose
    ``by`` is not set."""
    return render_docx_blocks([ops], author=author, date=date, header=header)


def render_docx_blocks(
    blocks: Sequence[Sequence[Op] | Table],
    *,
    author: str = "Proposal",
    date: datetime | None = None,
    header: str = "",
) -> bytes:
    """``render_docx`` of text and tables in turn: each block of operations as paragraphs,
    each ``Table`` as a Word table whose cells hold their own tracked changes."""
    document = Document()
    body = document.element.body
    section_properties = body.sectPr
    for child in list(body):
        body.remove(child)
    stamp = (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    writer = _Writer(body, stamp)
    for block in blocks:
        if isinstance(block, Table):
            _write_table(document, body, writer, block, author)
        else:
            _write_ops(writer, block, author)
    if section_properties is not None:
        body.append(section_properties)
    if header:
        document.sections[0].header.paragraphs[0].text = _NOT_XML.sub("\ufffd", header)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write_table(
    document: Any, body: BaseOxmlElement, writer: _Writer, table: Table, author: str
) -> None:
    """The table after the paragraph being written, then a fresh paragraph after it."""
    element = CT_Tbl.new_tbl(len(table.rows) + 1, len(table.headers), Cm(TABLE_WIDTH_CM))
    body.append(element)
    made = DocxTable(element, document._body)
    made.style = "Table Grid"
    for row, cells in zip(made.rows, [table.headers, *table.rows], strict=True):
        for cell, content in zip(row.cells, cells, strict=True):
            tc = cell._tc
            for p in tc.findall(qn("w:p")):
                tc.remove(p)
            cell_writer = _Writer(tc, writer.date)
            cell_writer.next_id = writer.next_id
            if isinstance(content, str):
                cell_writer.write(content, None, author)
            else:
                _write_ops(cell_writer, content, author)
            writer.next_id = cell_writer.next_id
    writer.paragraph = writer._new_paragraph()


def _write_ops(writer: _Writer, ops: Sequence[Op], author: str) -> None:
    edits = edits_in_moves(ops)
    for op in ops:
        who = AUTHORS.get(op.by, op.by) if op.by else author
        if op.op == "equal":
            if op.old_text != op.new_text and is_renumbered(op.old_text, op.new_text):
                writer.write(op.old_text, "del", f"{who} (renumbering)")
                writer.write(op.new_text, "ins", f"{who} (renumbering)")
            else:
                writer.write(op.new_text, None, who)
            continue
        if op.move is not None:
            _write_move(writer, op, edits.get(op.move), who)
            continue
        if op.old_text:
            writer.write(op.old_text, "del", who)
        if op.new_text:
            writer.write(op.new_text, "ins", who)
