"""Tallies: how each local voted, as counts. A ``Tally`` always holds whole, non-negative counts
with yes + no + void no more than those eligible; ``read_tallies`` reads a CSV of them
(columns ``local, eligible, yes, no, void``) and refuses any row that breaks this, naming the
row (the header is row 1) and the column. Void counts blank and spoiled ballots together.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("local", "eligible", "yes", "no", "void")
COUNTS = COLUMNS[1:]


class TallyError(ValueError):
    """The tallies cannot be decided; ``messages`` names the row and column of each problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Tally:
    """One local's counts (or all locals' together). ``cast`` is yes + no: void ballots are
    never votes cast."""

    local: str
    eligible: int
    yes: int
    no: int
    void: int = 0

    def __post_init__(self) -> None:
        problem = tally_problem(self.eligible, self.yes, self.no, self.void)
        if problem is not None:
            raise ValueError(f"{self.local}: {problem[1]}")

    @property
    def cast(self) -> int:
        return self.yes + self.no

    def turnout(self, *, void_counts: bool) -> int:
        """How many voted, for turnout: votes cast, and void ballots when the rule counts them."""
        return self.cast + (self.void if void_counts else 0)


def tally_problem(eligible: int, yes: int, no: int, void: int) -> tuple[str, str] | None:
    """(column, message) of what makes these counts impossible, or None."""
    for column, value in zip(COUNTS, (eligible, yes, no, void), strict=True):
        if isinstance(value, bool) or not isinstance(value, int):
            return column, f"{value!r} is not a whole number"
        if value < 0:
            return column, f"{value} is negative"
    if eligible == 0:
        return "eligible", "no one is eligible"
    if yes + no + void > eligible:
        return (
            "eligible",
            f"yes + no + void = {yes + no + void:,} is more than the {eligible:,} eligible",
        )
    return None


def read_tallies(path: str | Path) -> list[Tally]:
    """Read a tallies CSV file (UTF-8, a byte-order mark allowed)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return parse_tallies(f.read())


def parse_tallies(text: str) -> list[Tally]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise TallyError([f"row 1: the header is missing: expected {', '.join(COLUMNS)}"])
    header = [name.strip().lower() for name in rows[0]]
    errors = [f"row 1: missing column {c}" for c in COLUMNS if c not in header]
    errors += [f"row 1: unknown column {c!r}" for c in header if c not in COLUMNS]
    errors += [f"row 1: column {c} is given twice" for c in COLUMNS if header.count(c) > 1]
    if errors:
        raise TallyError(errors)
    tallies: list[Tally] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        tally = _row(number, dict(zip(header, row, strict=False)), len(row) - len(header), errors)
        if tally is None:
            continue
        if tally.local in seen:
            errors.append(
                f"row {number}, local: {tally.local!r} is already on row {seen[tally.local]}"
            )
            continue
        seen[tally.local] = number
        tallies.append(tally)
    if not tallies and not errors:
        errors.append("row 2: no local's tally is given")
    if errors:
        raise TallyError(errors)
    return tallies


def _row(number: int, cells: dict[str, str], extra: int, errors: list[str]) -> Tally | None:
    where = f"row {number}"
    if extra:
        many = "more" if extra > 0 else "fewer"
        errors.append(f"{where}: {many} cells than the header's {len(COLUMNS)} columns")
        return None
    local = cells["local"].strip()
    if not local:
        errors.append(f"{where}, local: the local's key is blank")
        return None
    counts: list[int] = []
    for column in COUNTS:
        text = cells[column].strip()
        if not text.isascii() or not text.isdigit():
            why = "is blank" if not text else f"{text!r} is not a whole number"
            if text.startswith("-") and text[1:].isdigit():
                why = f"{text} is negative"
            errors.append(f"{where}, {column}: {why}")
            return None
        counts.append(int(text))
    problem = tally_problem(*counts)
    if problem is not None:
        errors.append(f"{where}, {problem[0]}: {problem[1]}")
        return None
    return Tally(local, *counts)


def add_up(tallies: Iterable[Tally], local: str = "coalition") -> Tally:
    """All the tallies together, as one."""
    totals = [0, 0, 0, 0]
    for t in tallies:
        for i, value in enumerate((t.eligible, t.yes, t.no, t.void)):
            totals[i] += value
    return Tally(local, *totals)
