"""Word-level diff of two texts, as a list of operations that rebuild both texts exactly.

How it works, and why (the measurements are in docs/benchmarks.md):

1. Lines (paragraphs, in most contracts) are diffed first, so long unchanged stretches cost
   one dictionary lookup per line; changed stretches of lines are diffed again by sentences,
   a section number at the start of a line being a sentence of its own (a renumbering then
   touches one tiny chunk per section).
2. Inside each changed stretch of sentences, tokens (words, numbers with their units,
   whitespace, punctuation; see ``tokens.py``) are diffed with the histogram diff.
3. A semantic cleanup absorbs the short equalities between two changes ("the", ", ", a lone
   space) into the changes around them, so the result reads as a negotiator marks by hand:
   whole words, whole phrases, no confetti.

Moved text is paired afterwards (``moves.py``), and ``compare.diff``, the engine's front door,
does both. The promise: ``"".join(op.old_text for op in ops) == old`` and the same for ``new``,
for any two strings. With ``ignore_whitespace=True`` runs of whitespace compare equal, and with
a ``renumber`` renumbered article and section numbers do, so an ``equal`` operation may carry
different text on each side; the promise still holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from caucus.engines.redline.matching import WEAK_ANCHOR, Block, matching_blocks

# ``Op`` and ``is_renumbered`` live in ``ops``; imported here, they stay importable from here.
from caucus.engines.redline.ops import Op, is_renumbered
from caucus.engines.redline.renumbering import Renumbering
from caucus.engines.redline.tokens import is_blank_or_punct, token_texts

Raw = tuple[str, str, str]  # (tag, old_text, new_text) before coalescing


def word_diff(
    old: str,
    new: str,
    *,
    ignore_whitespace: bool = False,
    renumber: Renumbering | None = None,
) -> list[Op]:
    """The operations that turn ``old`` into ``new``, moved text left as deleted and inserted;
    never raises on any pair of strings. ``renumber`` (found by ``renumbering_of``) leaves the
    article and section numbers it maps unmarked."""
    if old == new:
        return [Op("equal", old, new)] if old else []
    if renumber is not None and not renumber:
        renumber = None
    return coalesce(_chunk_diff(old, new, ignore_whitespace, renumber))


# Sentences: a paragraph's number at the start of a line ("12.4", "3.") on its own, then
# sentences (the whitespace after a sentence starts the next), a line break always ending one.
# The number on its own means a renumbering touches one tiny chunk, not a whole sentence.
_SENTENCES = re.compile(
    r"(?<![^\n])[ \t]*\d+(?:\.\d+)*\.?(?=[ \t])"
    # Unrolled: runs of ordinary characters, each sentence mark that is not followed by
    # whitespace, then the mark (or line break) that ends the sentence. Never empty.
    r"|(?=.)[^.;:!?\n]*(?:[.;:!?](?!\s)[^.;:!?\n]*)*[.;:!?\n]?",
    re.DOTALL,
)
_SPACES = re.compile(r"\s+")


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (and section numbers) that rejoin to it exactly."""
    return _SENTENCES.findall(text)


def _chunk_diff(
    old: str, new: str, ignore_whitespace: bool, renumber: Renumbering | None
) -> list[Raw]:
    """Diff by lines; a changed stretch of lines is diffed by sentences, and a changed
    stretch of sentences by tokens. Unchanged paragraphs cost one dictionary lookup each."""
    out: list[Raw] = []
    lines = _chunk_level(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        ignore_whitespace,
        renumber,
        is_lines=True,
    )
    for same, old_part, new_part in lines:
        if not same and old_part and new_part:
            stretches = _chunk_level(
                sentences(old_part),
                sentences(new_part),
                ignore_whitespace,
                renumber,
                is_lines=False,
            )
        else:
            stretches = [(same, old_part, new_part)]
        for same2, old2, new2 in stretches:
            if not (old2 and new2) or (
                same2 and (renumber is None or old2 == new2 or not is_renumbered(old2, new2))
            ):
                out.append(("equal" if same2 else "change", old2, new2))
            else:
                # A change, or an equality only by renumbering: the tokens say which words.
                out.extend(token_diff(old2, new2, ignore_whitespace, renumber))
    return out


def _chunk_level(
    old_chunks: list[str],
    new_chunks: list[str],
    ignore_whitespace: bool,
    renumber: Renumbering | None,
    *,
    is_lines: bool,
) -> list[tuple[bool, str, str]]:
    """Stretches ``(is_equal, old_text, new_text)`` of two lists of chunks."""
    old_keys, new_keys = old_chunks, new_chunks
    if ignore_whitespace:
        old_keys = [_SPACES.sub(" ", c) for c in old_chunks]
        new_keys = [_SPACES.sub(" ", c) for c in new_chunks]
    if renumber is not None:
        old_keys = [renumber.text_key(c, is_line=is_lines) for c in old_keys]
    out: list[tuple[bool, str, str]] = []
    i = j = 0
    blocks = matching_blocks(old_keys, new_keys, min_anchor=WEAK_ANCHOR)
    for bi, bj, n in [*blocks, (len(old_keys), len(new_keys), 0)]:
        if i < bi or j < bj:
            out.append((False, "".join(old_chunks[i:bi]), "".join(new_chunks[j:bj])))
        if n:
            out.append((True, "".join(old_chunks[bi : bi + n]), "".join(new_chunks[bj : bj + n])))
        i, j = bi + n, bj + n
    return out


def _equal_runs(ta: list[str], tb: list[str], renumber: Renumbering | None) -> list[Raw]:
    """Equal tokens as one equality, except that with a renumbering each renumbered token is
    an equality of its own, so it can be shown as renumbered."""
    if renumber is None or ta == tb:
        return [("equal", "".join(ta), "".join(tb))]
    out: list[Raw] = []
    start = 0
    for k, (x, y) in enumerate(zip(ta, tb, strict=True)):
        if x != y and is_renumbered(x, y):
            if start < k:
                out.append(("equal", "".join(ta[start:k]), "".join(tb[start:k])))
            out.append(("equal", x, y))
            start = k + 1
    if start < len(ta):
        out.append(("equal", "".join(ta[start:]), "".join(tb[start:])))
    return out


# Below this many characters a side, tokenizing the whole stretch costs less than trimming.
TRIM_CHARS = 80


def token_diff(
    old: str,
    new: str,
    ignore_whitespace: bool = False,
    renumber: Renumbering | None = None,
) -> list[Raw]:
    """Token-level diff of two texts with the semantic cleanup applied."""
    if renumber is None and len(old) > TRIM_CHARS and len(new) > TRIM_CHARS:
        # Renumbering reads a number by the words before it, so it needs the whole text.
        head, tail = _common_ends(old, new)
        if head or tail:
            middle = token_diff(
                old[head : len(old) - tail], new[head : len(new) - tail], ignore_whitespace
            )
            return [
                ("equal", old[:head], new[:head]),
                *middle,
                ("equal", old[len(old) - tail :], new[len(new) - tail :]),
            ]
        if not old or not new:
            return [("change", old, new)]
    ta, tb = token_texts(old), token_texts(new)
    if len(ta) == 1 and len(tb) == 1 and not ignore_whitespace and renumber is None:
        return [("change", old, new)]  # a changed number or word alone: the commonest case
    ka, kb = ta, tb
    if ignore_whitespace:
        ka = [" " if t.isspace() else t for t in ta]
        kb = [" " if t.isspace() else t for t in tb]
    if renumber is not None:
        ka = renumber.token_keys(ka)
    # Strings compare as fast as ints here: each hash is computed once, and equal tokens
    # usually differ at the first character.
    blocks = matching_blocks(ka, kb, min_anchor=WEAK_ANCHOR)
    spans = _cleanup(_spans(blocks, len(ka), len(kb)), ta, tb)
    out: list[Raw] = []
    for same, a0, a1, b0, b1 in spans:
        if same:
            out.extend(_equal_runs(ta[a0:a1], tb[b0:b1], renumber))
        else:
            o, n = "".join(ta[a0:a1]), "".join(tb[b0:b1])
            # The same words that a renumbering would have changed ("Section 4.5" kept while
            # article 4 became 5) are not a change of the text: leave them unmarked.
            out.append(("equal" if o == n else "change", o, n))
    return out


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of a common head and tail of ``old`` and ``new`` that end and start on token
    boundaries in both texts, found on the characters (so only the middle is tokenized).

    A boundary is taken where whitespace meets a word: no token spans whitespace and
    something else, and a token never looks past the whitespace after it, so both texts
    tokenize the same up to the head and from the tail, as they would whole."""
    n = min(len(old), len(new))
    lo, hi = 0, n
    while lo < hi:  # the longest common prefix, by bisection on C-speed slice compares
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    # The last whitespace-to-word step strictly inside the common prefix.
    head = lo - 1
    while head > 0 and not (old[head - 1].isspace() and not old[head].isspace()):
        head -= 1
    head = max(head, 0)
    lo, hi = 0, n - head
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    # The first word-to-whitespace step strictly inside the common suffix.
    tail = lo - 1
    end = len(old)
    while tail > 0 and not (not old[end - tail - 1].isspace() and old[end - tail].isspace()):
        tail -= 1
    return head, max(tail, 0)


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
    replace; drop empty pieces. A renumbered equality (its words differ) stays on its own."""
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
            if o != n and is_renumbered(o, n):
                flush_equal()
                ops.append(Op("equal", o, n))
                continue
            equal_old.append(o)
            equal_new.append(n)
        else:
            flush_equal()
            old.append(o)
            new.append(n)
    flush_change()
    flush_equal()
    return ops
