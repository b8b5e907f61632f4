"""A workbook written as it is made: each sheet's rows streamed as SpreadsheetML into the
XLSX's ZIP, so a sheet of a hundred thousand rows costs the time to format its text, not a
Python object per cell (openpyxl's write-only mode still builds one, at about 10 µs a cell).

What it writes, the least that Excel, LibreOffice and openpyxl read: numbers; text as inline
strings (no shared-string table to hold in memory); formulas (a string starting with ``=``,
as openpyxl takes them) with no cached value, the workbook asking to be calculated when it is
opened; dates as serial numbers in a ``yyyy-mm-dd`` style; booleans. Text is written exactly
as given: making input text safe from running as a formula is the caller's
(:func:`caucus.engines.costing.cells.text_cell`).

A sheet too big to build row by row from Python values takes :meth:`Sheet.template`: one
row's XML with numbered fields (0 the row number), filled by :meth:`str.format` for each row.
"""

from __future__ import annotations

import contextlib
import math
import queue
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

EPOCH = date(1899, 12, 30)  # Excel's day 0 (the 1900 system, leap-year bug included)
DATE_STYLE = 1  # cellXfs index of the date style in styles.xml
# Characters XML 1.0 cannot hold at all
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CHUNK = 2_000  # rows joined before each write to the ZIP

Value = str | float | int | bool | date | None


def column_letter(index: int) -> str:
    """``A`` for 1, ``Z`` for 26, ``AA`` for 27."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def escape(text: str) -> str:
    """``text`` as XML character data: ``&``, ``<`` and ``>`` escaped, impossible
    characters dropped."""
    if ILLEGAL.search(text):
        text = ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_xml(ref: str, text: str) -> str:
    """An inline-string cell."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def cell_xml(ref: str, value: Value) -> str:
    """One cell; "" for None (an empty cell is not written)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number):
            return text_xml(ref, str(number))
        # 16 significant digits, as openpyxl writes them
        return f'<c r="{ref}"><v>{value if isinstance(value, int) else f"{number:.16g}"}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}" s="{DATE_STYLE}"><v>{(value - EPOCH).days}</v></c>'
    if value.startswith("="):
        return f'<c r="{ref}"><f>{escape(value[1:])}</f></c>'
    return text_xml(ref, value)


class _Compressing:
    """Writes to a ZIP member from a thread of its own: zlib lets go of the interpreter while it
    compresses, so the next rows are formatted meanwhile (on a second core, if there is one).
    Writes stay in order; an error in the thread is raised at the next write or at ``close``."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx-compress", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._out.write(data)
                except BaseException as error:  # handed to the caller
                    self._error = error

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(data)

    def close(self) -> None:
        """Wait for every write; raise the thread's error, if any."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error


class Sheet:
    """One worksheet being written: rows go straight into the ZIP."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = _Compressing(out)
        self._rows = 0
        self._pending: list[str] = []
        self._letters = [column_letter(i + 1) for i in range(64)]
        out.write(
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>"
        )

    @property
    def rows(self) -> int:
        """Rows written so far: the next row is ``rows + 1``."""
        return self._rows

    def letter(self, index: int) -> str:
        """The letter of column ``index`` (from 1)."""
        while index > len(self._letters):
            self._letters.append(column_letter(len(self._letters) + 1))
        return self._letters[index - 1]

    def append(self, values: Sequence[Value]) -> None:
        """The next row, from Python values (see the module's docstring)."""
        r = self._rows + 1
        cells = "".join(cell_xml(f"{self.letter(i + 1)}{r}", v) for i, v in enumerate(values))
        self._add(f'<row r="{r}">{cells}</row>')

    def template(self, cells: Iterable[tuple[str, str]]) -> str:
        """A row's XML to fill with :meth:`str.format`: field 0 the row number, then one field
        per text or number cell, in order. ``cells`` are (column letter, what), what being
        ``"text"`` (already through :func:`escape`), ``"number"`` (a Python float; written to 16
        significant digits, as openpyxl writes them) or a formula with ``{row}`` where the row
        number goes (``"=F{row}-E{row}"``)."""
        parts = ['<row r="{0}">']
        field = 0
        for col, what in cells:
            ref = f'r="{col}{{0}}"'
            if what in ("text", "number"):
                field += 1
                if what == "text":
                    body = f'<is><t xml:space="preserve">{{{field}}}</t></is>'
                    parts.append(f'<c {ref} t="inlineStr">{body}</c>')
                else:
                    parts.append(f"<c {ref}><v>{{{field}:.16g}}</v></c>")
            elif what.startswith("="):
                formula = escape(what[1:]).replace("{", "{{").replace("}", "}}")
                parts.append(f"<c {ref}><f>{formula.replace('{{row}}', '{0}')}</f></c>")
            else:
                raise ValueError(f"{what!r} is not text, number or a formula")
        parts.append("</row>")
        return "".join(parts)

    def add_rows(self, rows: Iterator[str], count: int) -> None:
        """``count`` rows already rendered (numbered from ``rows + 1`` on, in order)."""
        for row in rows:
            self._pending.append(row)
            if len(self._pending) >= CHUNK:
                self._flush()
        self._rows += count

    def _add(self, row: str) -> None:
        self._pending.append(row)
        self._rows += 1
        if len(self._pending) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        self._out.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    def close(self) -> None:
        self._flush()
        self._out.write(b"</sheetData></worksheet>")
        self._out.close()

    def abandon(self) -> None:
        """Stop writing (the workbook will not be finished)."""
        # the error that stopped the sheet is the one to see, not the writer's
        with contextlib.suppress(Exception):
            self._out.close()


class Workbook:
    """``with Workbook(path) as book: with book.sheet("Costs") as sheet: sheet.append([...])``.
    Sheets are written one after the other, in the order they appear."""

    def __init__(self, path: str | Path, *, compresslevel: int = 1) -> None:
        # level 1: a tenth of the time of the default level for a file a fifth bigger
        self._zip = zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
        )
        self._names: list[str] = []

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self._finish()
        self._zip.close()

    @contextmanager
    def sheet(self, name: str) -> Iterator[Sheet]:
        self._names.append(name)
        part = f"xl/worksheets/sheet{len(self._names)}.xml"
        with self._zip.open(part, "w", force_zip64=True) as out:
            sheet = Sheet(out)
            try:
                yield sheet
            except BaseException:
                sheet.abandon()
                raise
            sheet.close()

    def _finish(self) -> None:
        n = range(1, len(self._names) + 1)
        self._write(
            "[Content_Types].xml", CONTENT_TYPES.format("".join(SHEET_TYPE.format(i) for i in n))
        )
        self._write("_rels/.rels", ROOT_RELS)
        sheets = "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in zip(n, self._names, strict=True)
        )
        self._write("xl/workbook.xml", WORKBOOK.format(sheets))
        rels = "".join(SHEET_REL.format(i) for i in n)
        styles = STYLES_REL.format(len(self._names) + 1)
        self._write("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(rels + styles))
        self._write("xl/styles.xml", STYLES)

    def _write(self, name: str, text: str) -> None:
        self._zip.writestr(name, text.encode("utf-8"))


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
CONTENT_TYPES = (
    XML + f'<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = (
    XML + f'<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    XML + f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{{}}</sheets>'
    # no cached values are written: the reader calculates every formula on opening
    '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
)
WORKBOOK_RELS = XML + f'<Relationships xmlns="{PACKAGE}/relationships">{{}}</Relationships>'
SHEET_REL = (
    f'<Relationship Id="rId{{0}}" Type="{RELS}/worksheet" Target="worksheets/sheet{{0}}.xml"/>'
)
STYLES_REL = f'<Relationship Id="rId{{}}" Type="{RELS}/styles" Target="styles.xml"/>'
STYLES = (
    XML + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
