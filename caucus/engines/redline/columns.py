"""Three texts in columns: the current contract, the union's proposal and the employer's,
row by row.

``three_columns(current, union, employer)`` cuts the three-way comparison (``threeway.py``)
into rows at the line breaks that neither side changes, so a section sits beside the same
section in the other two columns. Each row holds the current text and each side's operations
against it, the changes tagged ``by`` the side. Exactness, as everywhere in the engine:
joining the rows' ``current`` gives the current text, and joining the ``new_text`` of a
side's operations gives that side's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caucus.engines.redline.compare import diff
from caucus.engines.redline.ops import Op
from caucus.engines.redline.threeway import three_way


@dataclass(slots=True)
class ColumnRow:
    current: str = ""
    union: list[Op] = field(default_factory=list)
    employer: list[Op] = field(default_factory=list)

    def changed_by(self, side: str) -> bool:
        return any(op.op != "equal" for op in (self.union if side == "union" else self.employer))

    @property
    def is_blank(self) -> bool:
        return not self.current.strip() and not any(
            op.new_text.strip() for op in (*self.union, *self.employer)
        )


def _side_ops(current: str, proposed: str, side: str) -> list[Op]:
    if proposed == current:
        return [Op("equal", current, current)] if current else []
    return [
        Op(op.op, op.old_text, op.new_text, by=None if op.op == "equal" else side)
        for op in diff(current, proposed, detect_moves=False)
    ]


def three_columns(current: str, union: str, employer: str) -> list[ColumnRow]:
    rows: list[ColumnRow] = []
    row = ColumnRow()
    for chunk in three_way(current, union, employer):
        if chunk.proposed_by != "none":
            row.current += chunk.current
            row.union += _side_ops(chunk.current, chunk.union, "union")
            row.employer += _side_ops(chunk.current, chunk.employer, "employer")
            continue
        for line in chunk.current.splitlines(keepends=True):
            row.current += line
            row.union.append(Op("equal", line, line))
            row.employer.append(Op("equal", line, line))
            if line.endswith(("\n", "\r")):
                rows.append(row)
                row = ColumnRow()
    if row.current or row.union or row.employer:
        rows.append(row)
    return rows
