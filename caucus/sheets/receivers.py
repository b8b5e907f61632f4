"""The sheets' answers to the table's signals (caucus/table/signals.py)."""

from __future__ import annotations

from typing import Any

from caucus.sheets.actions import do_take_down_sheets_showing


def take_down_sheets(sender: Any, *, proposal: Any, actor: Any, **kwargs: Any) -> None:
    do_take_down_sheets_showing(actor, proposal)
