"""The text of an uploaded DOCX proposal: paragraphs and table rows in document order.

Formatting is dropped on purpose: proposal text is compared and redlined as plain text.
"""

from __future__ import annotations

import zipfile
from typing import IO

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table


class UnreadableDocx(ValueError):
    """The file is not a Word document python-docx can open."""


def docx_text(file: IO[bytes]) -> str:
    try:
        document = Document(file)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocx("That file is not a readable Word (.docx) document.") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
        else:
            lines.append(block.text)
    return "\n".join(lines).strip()
