"""Redline operations: the plain data every module of the engine passes around.

An ``Op`` holds the old and the new text of one stretch; joining every ``old_text`` of a redline
gives the old document, joining every ``new_text`` the new one. This module imports nothing
from the engine, so anything may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OpKind = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class Op:
    """One operation. ``move`` links a deletion to the insertion of the same (perhaps edited)
    text elsewhere; ``by`` names who proposed the change in a three-way redline."""

    op: OpKind
    old_text: str
    new_text: str
    move: int | None = None
    by: str | None = None


def is_renumbered(old_text: str, new_text: str) -> bool:
    """True for the two texts of an ``equal`` operation that differ by more than whitespace:
    a number changed only by a renumbering (``ignore_renumbering``)."""
    return old_text.split() != new_text.split()
