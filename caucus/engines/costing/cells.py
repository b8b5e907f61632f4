"""Text cells a spreadsheet shows and never runs.

A spreadsheet takes a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab
or a carriage return) as a formula, so a name such as ``=HYPERLINK("http://x","y")`` from a
roster would run on the reader's machine ("CSV injection", OWASP). :func:`text_cell` keeps
such text as text behind a leading apostrophe; every other value is returned unchanged.

The engine writes its own formulas as strings too: only text that came from the inputs (names
of workers, groups and proposals) goes through :func:`text_cell`, never a formula the workbook
means. ``caucus.lib.spreadsheet.safe_cell`` is the same rule for the apps (a test keeps the two
in step; the engine imports nothing from the apps' helpers).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """``value`` as a spreadsheet will show it, never run it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
