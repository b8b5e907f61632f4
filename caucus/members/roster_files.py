"""Reading a roster file (CSV or XLSX) into a polars frame of text columns.

Every cell is read as text so nothing is guessed before validation: "007" stays "007", and a
bad date is reported rather than silently becoming null. Polars reads CSV natively and XLSX
through fastexcel (calamine).

What the reader promises: a CSV is read as UTF-8 (with or without a byte-order mark), or as
Windows-1252 / Latin-1 only when its bytes are not UTF-8, and the table says which; a row with
more cells than the header is reported by its row, never cut; headers are trimmed and must
stay distinct; a file with no rows under its header, or an XLSX that would unpack past
``CAUCUS_MAX_UNPACKED_MB``, is refused with :class:`RosterFileError`.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import polars as pl

from caucus.lib.uploads import UnpackedTooLarge, check_unpacked

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls")
# Rows with extra cells are listed up to this many (the total is always counted).
MAX_REPORTED_ROWS = 1000
HOW_TO_SAVE_UTF8 = (
    "Save it as UTF-8: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in "
    "LibreOffice, Save As → Text CSV with the character set “Unicode (UTF-8)”."
)

Source = str | Path | IO[bytes]


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all (not a table, wrong format, no header)."""


@dataclass
class RosterTable:
    """A roster file's rows as text columns named by its header row (row 1), and what the
    reader noticed: the text encoding of a CSV, and rows with cells past the last column."""

    frame: pl.DataFrame
    encoding: str = ""
    row_errors: list[dict[str, Any]] = field(default_factory=list)
    row_errors_total: int = 0


def is_spreadsheet(name: str) -> bool:
    return Path(name).suffix.lower() in XLSX_SUFFIXES


def read_table(
    source: Source, *, name: str | None = None, n_rows: int | None = None
) -> RosterTable:
    """The file's rows (the first ``n_rows`` when given) and what the reader noticed."""
    name = name or (Path(source).name if isinstance(source, (str, Path)) else "the file")
    if is_spreadsheet(name):
        try:
            check_unpacked(source, name=name)
        except UnpackedTooLarge as error:
            raise RosterFileError(str(error)) from error
        table = RosterTable(_read_xlsx(source, name, n_rows))
    else:
        table = _read_csv(_bytes(source), name, n_rows)
    if table.frame.height == 0:
        raise RosterFileError(
            f"“{name}” has a header row but no rows of members under it: there is nothing to "
            "import."
        )
    return table


def read_roster(
    source: Source, *, name: str | None = None, n_rows: int | None = None
) -> pl.DataFrame:
    """The file's rows as text columns named by its header row (row 1)."""
    return read_table(source, name=name, n_rows=n_rows).frame


def read_headers(source: Source, *, name: str | None = None) -> list[str]:
    return read_roster(source, name=name, n_rows=5).columns


def _bytes(source: Source) -> bytes:
    if isinstance(source, (str, Path)):
        try:
            return Path(source).read_bytes()
        except OSError as error:
            raise RosterFileError(f"Could not read the file: {error}") from error
    source.seek(0)
    data = source.read()
    source.seek(0)
    return data


def _decoded(data: bytes, name: str) -> tuple[bytes, str]:
    """The CSV's bytes as UTF-8, and the encoding they were read in."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "UTF-8 (with a byte-order mark)"
    else:
        encoding = "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]:
        raise RosterFileError(
            f"“{name}” is saved as UTF-16 (“Unicode text”), which Caucus does not read. "
            + HOW_TO_SAVE_UTF8
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data, encoding
    # Not UTF-8: a spreadsheet's "CSV" on Windows is Windows-1252, a superset of Latin-1 in
    # every byte it defines; Latin-1 reads the five it leaves undefined.
    try:
        return data.decode("cp1252").encode("utf-8"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1").encode("utf-8"), "Latin-1 (ISO-8859-1)"


def _read_csv(data: bytes, name: str, n_rows: int | None) -> RosterTable:
    data, encoding = _decoded(data, name)
    try:
        header = next(csv.reader(io.StringIO(data[: 1024 * 1024].decode("utf-8", "replace"))))
    except StopIteration:
        raise RosterFileError(f"“{name}” is empty.") from None
    except csv.Error as error:
        raise RosterFileError(f"Could not read “{name}” as CSV: {error}") from error
    width = len(header)
    # One column more than the header: a row with cells past the header's last one shows there.
    names = [f"c{i}" for i in range(width + 1)]
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            schema=dict.fromkeys(names, pl.String),
            n_rows=None if n_rows is None else n_rows + 1,
            truncate_ragged_lines=True,
            missing_columns="insert",
        )
    # polars raises its own errors for text that is not CSV: all mean "unreadable".
    except Exception as error:
        raise RosterFileError(f"Could not read “{name}” as CSV: {error}") from error
    extra = names[-1]
    past = frame.slice(1).with_row_index("_row", offset=2).filter(pl.col(extra).is_not_null())
    errors = [
        {
            "row": row,
            "column": "",
            "message": f"has more cells than the header row ({width}): “{value}” has no "
            "column name above it",
        }
        for row, value in past.head(MAX_REPORTED_ROWS).select("_row", extra).iter_rows()
    ]
    table = _named(frame.drop(extra), name)
    return RosterTable(table, encoding, errors, past.height)


def _read_xlsx(source: Source, name: str, n_rows: int | None) -> pl.DataFrame:
    read_from: Any = source if isinstance(source, (str, Path)) else _bytes(source)
    options = {} if n_rows is None else {"n_rows": n_rows + 1}
    try:
        frame = pl.read_excel(
            read_from,
            has_header=False,
            infer_schema_length=0,
            drop_empty_cols=False,
            read_options=options,
        )
    # fastexcel (calamine) and the OS each raise their own errors: all mean "unreadable".
    except Exception as error:
        raise RosterFileError(f"Could not read “{name}” as XLSX: {error}") from error
    return _named(frame, name)


def _named(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """The rows under the header, columns named by the header's cells (trimmed).

    A column with no name and nothing in it is dropped (a trailing comma, an empty range);
    one with no name but cells is named for its position.
    """
    if frame.height == 0 or frame.width == 0:
        raise RosterFileError(f"“{name}” has no header row.")
    header = [("" if value is None else str(value)).strip() for value in frame.row(0)]
    rows = frame.slice(1)
    keep: list[str] = []
    names: list[str] = []
    first: dict[str, int] = {}
    for position, (column, title) in enumerate(zip(frame.columns, header, strict=True), 1):
        if not title and rows[column].is_null().all():
            continue
        title = title or f"Column {position}"
        if title in first:
            raise RosterFileError(
                f"Two columns of “{name}” are named “{title}” (columns {first[title]} and "
                f"{position}; spaces around a name do not count). Rename one and upload the "
                "file again."
            )
        first[title] = position
        keep.append(column)
        names.append(title)
    if not names:
        raise RosterFileError(f"“{name}” has no header row.")
    return rows.select(pl.col(c).cast(pl.String).alias(n) for c, n in zip(keep, names, strict=True))
