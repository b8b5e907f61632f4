"""The text of an uploaded DOCX proposal: paragraphs and table rows in document order.

Formatting is dropped on purpose: proposal text is compared and redlined as plain text.

What it refuses, each with a sentence naming the file (never an exception of the parser's): a
file that would unpack past :data:`MAX_UNPACKED_BYTES` (or ``CAUCUS_MAX_UNPACKED_MB`` if lower)
or packs a part like a ZIP bomb (checked from the ZIP directory before anything is parsed); XML that is damaged or declares entities
(python-docx's parser never expands them, and Word never writes them); and a document whose
text is longer than :data:`MAX_TEXT_CHARS`, counted as it is read so no more is kept.
"""

from __future__ import annotations

import zipfile
from typing import IO

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.table import Table
from lxml import etree

from caucus.lib.uploads import MB, UnpackedTooLarge, check_unpacked, max_unpacked_bytes

MAX_TEXT_CHARS = 1_000_000
# A million characters of Word's XML, formatting and all, fit in far less; python-docx holds the
# whole parsed tree (about eight times the XML), so a proposal's document unpacks to at most this.
MAX_UNPACKED_BYTES = 25 * MB


class UnreadableDocx(ValueError):
    """The file is not a Word document python-docx can open."""


def docx_text(file: IO[bytes], *, name: str | None = None) -> str:
    shown = f"“{name}”" if name else "The document"
    try:
        limit = min(max_unpacked_bytes(), MAX_UNPACKED_BYTES)
        check_unpacked(file, name=name or "the document", limit=limit)
    except UnpackedTooLarge as exc:
        raise UnreadableDocx(str(exc)) from exc
    try:
        document = Document(file)
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocx(
            f"{shown} cannot be read: its XML is damaged or declares entities, which Word never "
            "writes. Open it in Word and save it again, or paste the text."
        ) from exc
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocx("That file is not a readable Word (.docx) document.") from exc
    if _declares_entities(document):
        raise UnreadableDocx(
            f"{shown} declares XML entities, which Word never writes; it is refused. Open it in "
            "Word and save it again, or paste the text."
        )
    lines: list[str] = []
    length = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = ["\t".join(cell.text.strip() for cell in row.cells) for row in block.rows]
            line = "\n".join(rows)
        else:
            line = block.text
        length += len(line) + 1
        if length > MAX_TEXT_CHARS + 1:
            raise UnreadableDocx(
                f"{shown} holds more than {MAX_TEXT_CHARS:,} characters of text, more than a "
                "proposal may. Upload the articles it changes, or split it."
            )
        lines.append(line)
    return "\n".join(lines).strip()


def _declares_entities(document: object) -> bool:
    """True if any XML part of the document carries a document type declaration."""
    package = document.part.package  # type: ignore[attr-defined]
    return any(
        part.element.getroottree().docinfo.internalDTD is not None
        for part in package.iter_parts()
        if isinstance(part, XmlPart)
    )
