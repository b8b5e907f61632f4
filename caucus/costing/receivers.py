"""Costing's answers to the table's signals (caucus/table/signals.py)."""

from __future__ import annotations

from typing import Any

from caucus.costing.actions import do_take_down_runs_costing


def take_down_runs(sender: Any, *, proposal: Any, actor: Any, **kwargs: Any) -> None:
    do_take_down_runs_costing(actor, proposal)
