"""Cells for files that people open in a spreadsheet (CSV and XLSX exports).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
some also after a leading tab or carriage return), so text from a form or an import could
open a link or run a command on the reader's machine ("CSV injection"). :func:`safe_cell`
keeps such text as text with a leading apostrophe, which spreadsheets hide; every other value
passes unchanged, so numbers stay numbers.
"""

from __future__ import annotations

from typing import TypeVar, overload

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: T) -> T: ...
def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet will show it, never run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
