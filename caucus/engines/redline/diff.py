"""Word-level diff of two texts, as a list of operations that rebuild both texts exactly.

How it works, and why (the measurements are in docs/benchmarks.md):

1. Lines (paragraphs, in most contracts) are diffed first, so long unchanged stretches cost
   one dictionary lookup per line; long changed stretches (a renumbering touches every
   section) are diffed again by sentences.
2. Inside each changed stretch, tokens (words, numbers with their units, whitespace,
   punctuation; see ``tokens.py``) are mapped to ints and diffed again with the histogram diff.
3. A semantic cleanup absorbs the short equalities between two changes ("the", ", ", a lone
   space) into the changes around them, so the result reads as a negotiator marks by hand:
   whole words, whole phrases, no confetti.
4. Moved paragraphs and sentences are paired (``moves.py``).

The promise: ``"".join(op.old_text for op in ops) == old`` and the same for ``new``, for any
two strings. With ``ignore_whitespace=True`` runs of whitespace compare equal, so an
``equal`` operation may carry different whitespace on each side; the promise still holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from caucus.engines.redline.matching import Block, matching_blocks
from caucus.engines.redline.tokens import is_blank_or_punct, token_texts

OpKind = Literal["equal", "insert", "delete", "replace"]
Raw = tuple[str, str, str]  # (tag, old_text, new_text) before coalescing


@dataclass(frozen=True, slots=True)
class Op:
    """One operation. ``move`` links a deletion to the insertion of the same (perhaps edited)
    text elsewhere; ``by`` names who proposed the change in a three-way redline."""

    op: OpKind
    old_text: str
    new_text: str
    move: int | None = None
    by: str | None = None


def diff(
    old: str, new: str, *, detect_moves: bool = True, ignore_whitespace: bool = False
) -> list[Op]:
    """The operations that turn ``old`` into ``new``; never raises on any pair of strings."""
    if old == new:
        return [Op("equal", old, new)] if old else []
    if ignore_whitespace:
        raw = token_diff(old, new, ignore_whitespace=True)
    else:
        raw = _line_then_token_diff(old, new)
    ops = coalesce(raw)
    if detect_moves:
        from caucus.engines.redline.moves import find_moves

        ops = find_moves(ops)
    return ops


def _line_then_token_diff(old: str, new: str) -> list[Raw]:
    return _chunk_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), 0)


# Splits a changed stretch into sentences (the whitespace after a sentence starts the next).
_SENTENCES = re.compile(r"(?<=[.;:!?])(?=\s)|(?<=\n)")
# Stretches shorter than this go straight to the token diff.
SENTENCE_LAYER_CHARS = 600


def _chunk_diff(old_chunks: list[str], new_chunks: list[str], depth: int) -> list[Raw]:
    """Diff lists of chunks (lines, then sentences); changed stretches go one level down."""
    a, b = _as_ints(old_chunks, new_chunks)
    out: list[Raw] = []
    i = j = 0
    for bi, bj, n in [*matching_blocks(a, b), (len(a), len(b), 0)]:
        if i < bi or j < bj:
            old_part = "".join(old_chunks[i:bi])
            new_part = "".join(new_chunks[j:bj])
            if not (old_part and new_part):
                out.append(("change", old_part, new_part))
            elif depth == 0:
                out.extend(_chunk_diff(_split_sentences(old_part), _split_sentences(new_part), 1))
            else:
                out.extend(token_diff(old_part, new_part))
        if n:
            same = "".join(old_chunks[bi : bi + n])
            out.append(("equal", same, same))
        i, j = bi + n, bj + n
    return out


def _split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.split(text) if s]


def token_diff(old: str, new: str, *, ignore_whitespace: bool = False) -> list[Raw]:
    """Token-level diff of two texts with the semantic cleanup applied."""
    ta, tb = token_texts(old), token_texts(new)
    if ignore_whitespace:
        a, b = _as_ints(
            [" " if t.isspace() else t for t in ta], [" " if t.isspace() else t for t in tb]
        )
    else:
        a, b = _as_ints(ta, tb)
    spans = _cleanup(_spans(matching_blocks(a, b), len(a), len(b)), ta, tb)
    return [
        ("equal" if same else "change", "".join(ta[a0:a1]), "".join(tb[b0:b1]))
        for same, a0, a1, b0, b1 in spans
    ]


def _as_ints(ta: list[str], tb: list[str]) -> tuple[list[int], list[int]]:
    """The same int for the same string; ``map`` keeps the loop in C."""
    ids = {t: k for k, t in enumerate(dict.fromkeys([*ta, *tb]))}
    return list(map(ids.__getitem__, ta)), list(map(ids.__getitem__, tb))


Span = tuple[bool, int, int, int, int]  # (is_equal, a0, a1, b0, b1)


def _spans(blocks: list[Block], na: int, nb: int) -> list[Span]:
    spans: list[Span] = []
    i = j = 0
    for bi, bj, n in [*blocks, (na, nb, 0)]:
        if i < bi or j < bj:
            spans.append((False, i, bi, j, bj))
        if n:
            spans.append((True, bi, bi + n, bj, bj + n))
        i, j = bi + n, bj + n
    return spans


def _cleanup(spans: list[Span], ta: list[str], tb: list[str]) -> list[Span]:
    """Absorb an equality squeezed between two changes when it is only whitespace and
    punctuation, or no longer than the larger side of the change on each side of it (the
    rule of diff-match-patch's semantic cleanup). Repeats until nothing more merges."""
    if len(spans) < 3:
        return spans
    offa = [0, *accumulate(map(len, ta))]
    offb = [0, *accumulate(map(len, tb))]

    def size(s: Span) -> int:
        return max(offa[s[2]] - offa[s[1]], offb[s[4]] - offb[s[3]])

    changed = True
    while changed:
        changed = False
        out: list[Span] = []
        k = 0
        while k < len(spans):
            s = spans[k]
            if (
                s[0]
                and out
                and not out[-1][0]
                and k + 1 < len(spans)
                and not spans[k + 1][0]
                and _absorbable(s, out[-1], spans[k + 1], ta, size(s), size)
            ):
                before, after = out.pop(), spans[k + 1]
                out.append((False, before[1], after[2], before[3], after[4]))
                changed = True
                k += 2
                continue
            if not s[0] and out and not out[-1][0]:
                before = out.pop()
                out.append((False, before[1], s[2], before[3], s[4]))
            else:
                out.append(s)
            k += 1
        spans = out
    return spans


def _absorbable(
    equal: Span,
    before: Span,
    after: Span,
    ta: list[str],
    length: int,
    size: Callable[[Span], int],
) -> bool:
    if length <= size(before) and length <= size(after):
        return True
    return length <= 40 and is_blank_or_punct("".join(ta[equal[1] : equal[2]]))


def coalesce(raw: list[Raw]) -> list[Op]:
    """Merge neighbouring equalities, and neighbouring changes into one insert, delete or
    replace; drop empty pieces."""
    ops: list[Op] = []
    equal_old: list[str] = []
    equal_new: list[str] = []
    old: list[str] = []
    new: list[str] = []

    def flush_change() -> None:
        o, n = "".join(old), "".join(new)
        old.clear()
        new.clear()
        if o and n:
            ops.append(Op("replace", o, n))
        elif o:
            ops.append(Op("delete", o, ""))
        elif n:
            ops.append(Op("insert", "", n))

    def flush_equal() -> None:
        if equal_old or equal_new:
            ops.append(Op("equal", "".join(equal_old), "".join(equal_new)))
            equal_old.clear()
            equal_new.clear()

    for tag, o, n in raw:
        if not o and not n:
            continue
        if tag == "equal":
            flush_change()
            equal_old.append(o)
            equal_new.append(n)
        else:
            flush_equal()
            old.append(o)
            new.append(n)
    flush_change()
    flush_equal()
    return ops
