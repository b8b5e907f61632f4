"""The stable JSON form of a redline (documented in docs/redline.md).

A two-way redline is a JSON list of operations ``{"op", "old_text", "new_text"}`` plus
``"move"`` on moved text and ``"by"`` on attributed changes. A three-way redline is a list of
chunks ``{"proposed_by", "current", "union", "employer"}``. ``from_json`` reads back what
``to_json`` wrote.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from caucus.engines.redline.ops import Op
from caucus.engines.redline.threeway import Chunk

_KINDS = ("equal", "insert", "delete", "replace")


def op_to_dict(op: Op) -> dict[str, Any]:
    out: dict[str, Any] = {"op": op.op, "old_text": op.old_text, "new_text": op.new_text}
    if op.move is not None:
        out["move"] = op.move
    if op.by is not None:
        out["by"] = op.by
    return out


def to_json(ops: Sequence[Op], *, indent: int | None = None) -> str:
    return json.dumps([op_to_dict(op) for op in ops], ensure_ascii=False, indent=indent)


def from_json(text: str) -> list[Op]:
    ops = []
    for item in json.loads(text):
        kind = item["op"]
        if kind not in _KINDS:
            raise ValueError(f"unknown op {kind!r}")
        ops.append(
            Op(kind, item["old_text"], item["new_text"], move=item.get("move"), by=item.get("by"))
        )
    return ops


def chunks_to_json(chunks: Sequence[Chunk], *, indent: int | None = None) -> str:
    return json.dumps(
        [
            {
                "proposed_by": c.proposed_by,
                "current": c.current,
                "union": c.union,
                "employer": c.employer,
            }
            for c in chunks
        ],
        ensure_ascii=False,
        indent=indent,
    )
