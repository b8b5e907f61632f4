"""Three-way redline: the current contract against the union's and the employer's proposals.

``three_way(current, union, employer)`` returns chunks in the order of the current contract.
Each chunk holds the current text and what each side proposes in its place, and says who
proposed a change: nobody (``"none"``), one side, both the same way (``"both"``), or both in
different ways (``"conflict"``). Joining the chunks' ``current`` gives the current contract
exactly, and likewise ``union`` and ``employer`` give the two proposals.

``attributed_ops(chunks)`` turns the chunks into redline operations tagged ``by`` for the
renderers (a conflict shows the current text struck and both proposals inserted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from caucus.engines.redline.compare import diff
from caucus.engines.redline.ops import Op

Proposer = Literal["none", "union", "employer", "both", "conflict"]


@dataclass(frozen=True, slots=True)
class Chunk:
    proposed_by: Proposer
    current: str
    union: str
    employer: str


@dataclass(frozen=True, slots=True)
class _Change:
    start: int  # offsets in the current contract
    end: int
    text: str


def _changes(ops: list[Op]) -> tuple[list[_Change], list[tuple[int, int]]]:
    """Changes in current-contract offsets, and the equal stretches as (start, end)."""
    changes, equal = [], []
    pos = 0
    for op in ops:
        end = pos + len(op.old_text)
        if op.op == "equal":
            equal.append((pos, end))
        else:
            changes.append(_Change(pos, end, op.new_text))
        pos = end
    return changes, equal


def three_way(current: str, union: str, employer: str) -> list[Chunk]:
    u_changes, _ = _changes(diff(current, union, detect_moves=False))
    e_changes, _ = _changes(diff(current, employer, detect_moves=False))
    tagged = sorted(
        [(c.start, c.end, "union", c) for c in u_changes]
        + [(c.start, c.end, "employer", c) for c in e_changes],
        key=lambda t: (t[0], t[1]),
    )
    # Clusters of changes that overlap or touch, in current-contract offsets.
    clusters: list[tuple[int, int, list[tuple[str, _Change]]]] = []
    for start, end, side, change in tagged:
        if clusters and start <= clusters[-1][1]:
            s, e, members = clusters[-1]
            members.append((side, change))
            clusters[-1] = (s, max(e, end), members)
        else:
            clusters.append((start, end, [(side, change)]))
    chunks: list[Chunk] = []
    pos = 0
    for start, end, members in clusters:
        if pos < start:
            same = current[pos:start]
            chunks.append(Chunk("none", same, same, same))
        base = current[start:end]
        u = _apply(current, start, end, [c for side, c in members if side == "union"])
        em = _apply(current, start, end, [c for side, c in members if side == "employer"])
        chunks.append(Chunk(_who(base, u, em), base, u, em))
        pos = end
    if pos < len(current):
        same = current[pos:]
        chunks.append(Chunk("none", same, same, same))
    return chunks


def _apply(current: str, start: int, end: int, changes: list[_Change]) -> str:
    """One side's text for current[start:end]: its changes, the current text elsewhere."""
    out, pos = [], start
    for c in changes:
        out.append(current[pos : c.start])
        out.append(c.text)
        pos = c.end
    out.append(current[pos:end])
    return "".join(out)


def _who(base: str, union: str, employer: str) -> Proposer:
    if union == employer:
        return "none" if union == base else "both"
    if union == base:
        return "employer"
    if employer == base:
        return "union"
    return "conflict"


def attributed_ops(chunks: list[Chunk]) -> list[Op]:
    """Redline operations over the current contract, each change tagged with its proposer."""
    ops: list[Op] = []
    for c in chunks:
        if c.proposed_by == "none":
            if c.current:
                ops.append(Op("equal", c.current, c.current))
        elif c.proposed_by == "conflict":
            if c.current:
                ops.append(Op("delete", c.current, "", by="both"))
            if c.union:
                ops.append(Op("insert", "", c.union, by="union"))
            if c.employer:
                ops.append(Op("insert", "", c.employer, by="employer"))
        else:
            new = c.union if c.proposed_by in ("union", "both") else c.employer
            for op in diff(c.current, new, detect_moves=False):
                by = None if op.op == "equal" else c.proposed_by
                ops.append(Op(op.op, op.old_text, op.new_text, by=by))
    return ops
