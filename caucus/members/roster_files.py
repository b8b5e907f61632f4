"""Reading a roster file (CSV or XLSX) into a polars frame of text columns.

Every cell is read as text so nothing is guessed before validation: "007" stays "007", and a
bad date is reported rather than silently becoming null. Polars reads CSV natively and XLSX
through fastexcel (calamine).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls")


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all (not a table, wrong format, no header)."""


def is_spreadsheet(name: str) -> bool:
    return Path(name).suffix.lower() in XLSX_SUFFIXES


def read_roster(
    path: str | Path, *, name: str | None = None, n_rows: int | None = None
) -> pl.DataFrame:
    """The file's rows as text columns named by its header row (row 1)."""
    path = Path(path)
    try:
        if is_spreadsheet(name or path.name):
            frame = pl.read_excel(path, infer_schema_length=0)
            if n_rows is not None:
                frame = frame.head(n_rows)
        else:
            frame = pl.read_csv(
                path,
                infer_schema=False,
                n_rows=n_rows,
                encoding="utf8-lossy",
                truncate_ragged_lines=True,
            )
    # polars, fastexcel (calamine) and the OS each raise their own errors: all mean "unreadable".
    except Exception as error:
        raise RosterFileError(f"Could not read the file as CSV or XLSX: {error}") from error
    if not frame.columns:
        raise RosterFileError("The file has no header row.")
    if frame.height == 0:
        raise RosterFileError(
            f"“{name or path.name}” has a header row but no rows of members under it: there is "
            "nothing to import."
        )
    # Headers are what the person sees in their spreadsheet; keep them, trimmed.
    return frame.rename({c: c.strip() for c in frame.columns}).cast(pl.String)


def read_headers(path: str | Path, *, name: str | None = None) -> list[str]:
    return read_roster(path, name=name, n_rows=5).columns
