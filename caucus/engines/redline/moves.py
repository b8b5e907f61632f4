"""Moved paragraphs and sentences: a deletion and an insertion of the same text, paired.

``find_moves(ops)`` cuts every change into paragraphs, pairs a deleted paragraph with an
inserted one when their words match (exactly, or for an edited move by a Dice score of at
least ``FUZZY`` over their bags of words, for paragraphs of ``MIN_FUZZY_WORDS`` or more), then tries sentences with what is left (exact matches only). Common words (``STOPWORDS``) are left out of the
bags so that two clauses are not called alike for sharing "the" and "shall". Paired
pieces become ``delete``/``insert`` operations sharing a ``move`` id; the rest of each change
stays as it was. The texts are only cut, never altered, so exactness holds.

A piece is never paired with a piece of the same change: a paragraph rewritten in place is
an edit, not a move.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from caucus.engines.redline.diff import coalesce, token_diff
from caucus.engines.redline.ops import Op
from caucus.engines.redline.tokens import word_texts

MIN_WORDS = 4  # shorter pieces ("Section 3.") repeat too often to call a move
MIN_CHARS = 20
FUZZY = 0.7
# Words every clause has; they would make any two clauses look alike.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "any",
        "as",
        "at",
        "be",
        "by",
        "each",
        "for",
        "from",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "shall",
        "that",
        "the",
        "this",
        "to",
        "will",
        "with",
    }
)
MIN_FUZZY_WORDS = 8  # an edited move is a paragraph of some length, not a phrase
CANDIDATE_WORDS = 3  # an edited move must share one of its rarest words with its twin

_SENTENCE_END = re.compile(r"(?<=[.!?;:])(?=\s)")


@dataclass(slots=True)
class _Piece:
    op_index: int
    text: str
    move: int | None = None
    _key: str | None = None
    _words: Counter[str] | None = None

    def _read(self) -> tuple[str, Counter[str]]:
        words = word_texts(self.text.lower())
        # Words only: a diff may leave the full stop or line break of a moved paragraph on
        # the neighbouring equality, and that must not hide the move.
        key = self._key = " ".join(words)
        bag = self._words = Counter(w for w in words if w not in STOPWORDS)
        return key, bag

    def words(self) -> Counter[str]:
        return self._read()[1] if self._words is None else self._words

    def key(self) -> str:
        return self._read()[0] if self._key is None else self._key

    def is_eligible(self) -> bool:
        # Length and str.split first: they are cheap and reject most pieces.
        return (
            len(self.text) >= MIN_CHARS
            and len(self.text.split()) >= MIN_WORDS
            and len(self.key()) >= MIN_CHARS
            and self.words().total() >= MIN_WORDS
        )


def find_moves(ops: list[Op]) -> list[Op]:
    """``ops`` with moved paragraphs and sentences marked; the same ops when none moved."""
    olds: dict[int, list[_Piece]] = {}
    news: dict[int, list[_Piece]] = {}
    for k, op in enumerate(ops):
        # A change shorter than a move on both sides (a number, a word) is never cut.
        if op.op != "equal" and (len(op.old_text) >= MIN_CHARS or len(op.new_text) >= MIN_CHARS):
            olds[k] = [_Piece(k, p) for p in op.old_text.splitlines(keepends=True)]
            news[k] = [_Piece(k, p) for p in op.new_text.splitlines(keepends=True)]
    next_id = _pair(_flat(olds), _flat(news), 1, fuzzy=True)
    for side in (olds, news):
        for k, pieces in side.items():
            side[k] = [s for p in pieces for s in _sentences(p)]
    next_id = _pair(_flat(olds), _flat(news), next_id, fuzzy=False)
    if next_id == 1:
        return ops
    out: list[Op] = []
    for k, op in enumerate(ops):
        if k in olds and any(p.move for p in (*olds[k], *news[k])):
            out.extend(_pieces_to_ops(olds[k], "delete"))
            out.extend(_pieces_to_ops(news[k], "insert"))
        else:
            out.append(op)
    return _join_replaces(out)


def _flat(side: dict[int, list[_Piece]]) -> list[_Piece]:
    return [p for pieces in side.values() for p in pieces if p.move is None and p.is_eligible()]


def _sentences(piece: _Piece) -> list[_Piece]:
    if piece.move is not None:
        return [piece]
    parts = [s for s in _SENTENCE_END.split(piece.text) if s]
    if len(parts) < 2:
        return [piece]
    return [_Piece(piece.op_index, s) for s in parts]


def _pair(dels: list[_Piece], ins: list[_Piece], next_id: int, *, fuzzy: bool) -> int:
    """Pair pieces, exact matches first; returns the next free move id."""
    by_key: dict[str, list[_Piece]] = {}
    for p in ins:
        by_key.setdefault(p.key(), []).append(p)
    for d in dels:
        for p in by_key.get(d.key(), ()):
            if p.move is None and p.op_index != d.op_index:
                d.move = p.move = next_id
                next_id += 1
                break
    if not fuzzy:
        return next_id
    dels = [d for d in dels if d.move is None and d.words().total() >= MIN_FUZZY_WORDS]
    ins = [p for p in ins if p.move is None and p.words().total() >= MIN_FUZZY_WORDS]
    for _, di, ii in sorted(_fuzzy_scores(dels, ins), reverse=True):
        d, p = dels[-di], ins[-ii]
        if d.move is None and p.move is None:
            d.move = p.move = next_id
            next_id += 1
    return next_id


def _fuzzy_scores(dels: list[_Piece], ins: list[_Piece]) -> list[tuple[float, int, int]]:
    """(score, -deletion index, -insertion index) of the pairs alike by at least ``FUZZY``.
    Only pairs sharing a rare word are scored, found through an index of the insertions."""
    if not dels or not ins:
        return []
    index: dict[str, list[int]] = {}
    for ii, p in enumerate(ins):
        for word in p.words():
            index.setdefault(word, []).append(ii)
    scored = []
    for di, d in enumerate(dels):
        dw = d.words()
        dn = dw.total()
        rare = sorted((w for w in dw if w in index), key=lambda w: len(index[w]))
        candidates = {ii for w in rare[:CANDIDATE_WORDS] for ii in index[w]}
        for ii in candidates:
            p = ins[ii]
            pw = p.words()
            pn = pw.total()
            # The shorter bag bounds the score: skip pairs that cannot reach FUZZY.
            if p.op_index == d.op_index or 2 * min(dn, pn) < FUZZY * (dn + pn):
                continue
            score = 2 * _overlap(dw, pw) / (dn + pn)
            if score >= FUZZY:
                scored.append((score, -di, -ii))
    return scored


def _overlap(x: Counter[str], y: Counter[str]) -> int:
    """``(x & y).total()`` without building the intersection."""
    if len(x) > len(y):
        x, y = y, x
    return sum(min(c, y[w]) for w, c in x.items() if w in y)


def _pieces_to_ops(pieces: list[_Piece], kind: str) -> list[Op]:
    ops: list[Op] = []
    loose: list[str] = []

    def make(text: str, move: int | None) -> Op:
        if kind == "delete":
            return Op("delete", text, "", move=move)
        return Op("insert", "", text, move=move)

    for p in pieces:
        if p.move is None:
            loose.append(p.text)
            continue
        if loose:
            ops.append(make("".join(loose), None))
            loose.clear()
        ops.append(make(p.text, p.move))
    if loose:
        ops.append(make("".join(loose), None))
    return ops


def _join_replaces(ops: list[Op]) -> list[Op]:
    """A plain deletion right before a plain insertion reads as one replacement."""
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.op == "delete"
            and op.op == "insert"
            and prev.move is None
            and op.move is None
        ):
            out[-1] = Op("replace", prev.old_text, op.new_text)
        else:
            out.append(op)
    return out


def edits_in_moves(ops: Sequence[Op]) -> dict[int, list[Op]]:
    """Move id -> the word-level diff between a moved text's old and new places, for each
    move whose text was edited as well as moved (what the renderers mark inside the move)."""
    old: dict[int, str] = {}
    new: dict[int, str] = {}
    for op in ops:
        if op.move is not None:
            if op.old_text:
                old[op.move] = old.get(op.move, "") + op.old_text
            if op.new_text:
                new[op.move] = new.get(op.move, "") + op.new_text
    return {
        k: coalesce(token_diff(old[k], new[k]))
        for k in sorted(old.keys() & new.keys())
        if old[k] != new[k]
    }
