"""Matching blocks of two sequences (of tokens, sentences or lines): patience anchors, then histogram diff in the gaps.

``matching_blocks(a, b)`` returns ``(i, j, n)`` triples, increasing in both ``i`` and ``j``,
with ``a[i:i+n] == b[j:j+n]`` and no two blocks adjacent.

Each region is first shrunk by its common prefix and suffix. Then, as patience diff does,
the elements that occur exactly once on each side are anchored along their longest
increasing subsequence, in one pass with C-speed counting; the gaps between anchors are
small and go round again. A region with no such element gets the histogram diff's anchor
(the rarest common element, as ``git diff --histogram``); a region with no element rarer than
``MAX_CHAIN`` falls back to difflib when small and is left unmatched when large. This keeps
the time near ``n log n`` on real documents and the matches on their distinctive words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher

# An element seen more often than this on the old side is never an anchor (git uses 64).
MAX_CHAIN = 64
# Above this many cell pairs a region without anchors is left unmatched rather than sent to
# difflib, whose worst case is quadratic.
FALLBACK_CELLS = 250_000

WEAK_ANCHOR = 4
WEAK_REGION = 16

Block = tuple[int, int, int]


def matching_blocks(
    a: Sequence[Hashable], b: Sequence[Hashable], *, min_anchor: int = 1
) -> list[Block]:
    """Matching blocks of ``a`` and ``b``, sorted, without the zero-length sentinel.

    ``min_anchor`` (``WEAK_ANCHOR`` for tokens) is the shortest histogram anchor accepted in
    a region of ``WEAK_REGION`` or more elements on each side."""
    blocks: list[Block] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = _shrunk(a, b, *stack.pop(), blocks)
        if alo == ahi or blo == bhi:
            continue
        if ahi - alo == 1 or bhi - blo == 1:
            # One element on a side (a changed number or word): it matches or it does not.
            blocks.extend(_single(a, b, alo, ahi, blo, bhi))
        else:
            stack.extend(_anchored(a, b, alo, ahi, blo, bhi, blocks, min_anchor))
    blocks.sort()
    return _merge_adjacent(blocks)


def _shrunk(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    blocks: list[Block],
) -> tuple[int, int, int, int]:
    """The region without its common prefix and suffix, which go to ``blocks``: they cost
    nothing to find and shrink every region."""
    n = 0
    while alo + n < ahi and blo + n < bhi and a[alo + n] == b[blo + n]:
        n += 1
    if n:
        blocks.append((alo, blo, n))
        alo += n
        blo += n
    n = 0
    while ahi - n > alo and bhi - n > blo and a[ahi - n - 1] == b[bhi - n - 1]:
        n += 1
    if n:
        blocks.append((ahi - n, bhi - n, n))
        ahi -= n
        bhi -= n
    return alo, ahi, blo, bhi


def _anchored(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    blocks: list[Block],
    min_anchor: int,
) -> list[tuple[int, int, int, int]]:
    """The region's anchors (its unique elements, else its rarest) into ``blocks``, or a
    fallback's blocks; returns the regions left between the anchors."""
    anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
    if anchors:
        gaps = []
        i, j = alo, blo
        for ai, bj in anchors:
            blocks.append((ai, bj, 1))
            if ai > i or bj > j:
                gaps.append((i, ai, j, bj))
            i, j = ai + 1, bj + 1
        if i < ahi or j < bhi:
            gaps.append((i, ahi, j, bhi))
        return gaps
    anchor = _best_anchor(a, b, alo, ahi, blo, bhi)
    if (
        (anchor is None or anchor[2] < min_anchor)
        and min_anchor > 1
        and ahi - alo >= WEAK_REGION
        and bhi - blo >= WEAK_REGION
    ):
        return []  # only coincidences in common: one change (see WEAK_ANCHOR)
    if anchor is None:
        if not set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
            blocks.extend(_fallback(a, b, alo, ahi, blo, bhi))
        return []
    i, j, n = anchor
    blocks.append(anchor)
    return [(alo, i, blo, j), (i + n, ahi, j + n, bhi)]


def _single(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[Block]:
    if ahi - alo == 1:
        x = a[alo]
        for j in range(blo, bhi):
            if b[j] == x:
                return [(alo, j, 1)]
        return []
    y = b[blo]
    for i in range(alo, ahi):
        if a[i] == y:
            return [(i, blo, 1)]
    return []


def _merge_adjacent(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for i, j, n in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            pi, pj, pn = out[-1]
            out[-1] = (pi, pj, pn + n)
        else:
            out.append((i, j, n))
    return out


def _unique_anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` of elements unique on both sides, along their longest common order."""
    ca = Counter(a[alo:ahi])
    cb = Counter(b[blo:bhi])
    unique = {x for x, c in ca.items() if c == 1 and cb.get(x) == 1}
    if not unique:
        return []
    where = {a[i]: i for i in range(alo, ahi) if a[i] in unique}
    pairs = [(where[b[j]], j) for j in range(blo, bhi) if b[j] in unique]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by ``j``) increasing in ``i``: patience sort."""
    tails: list[int] = []  # smallest ``i`` ending an increasing run of each length
    tail_at: list[int] = []  # index in ``pairs`` of that tail
    back: list[int] = []
    for k, (i, _) in enumerate(pairs):
        pos = bisect_left(tails, i)
        if pos == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[pos] = i
            tail_at[pos] = k
        back.append(tail_at[pos - 1] if pos else -1)
    out = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    out.reverse()
    return out


def _best_anchor(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> Block | None:
    """The longest match grown from the rarest element common to both regions."""
    where: dict[Hashable, list[int]] = {}
    for i in range(alo, ahi):
        where.setdefault(a[i], []).append(i)
    best: Block | None = None
    best_count = MAX_CHAIN + 1
    j = blo
    while j < bhi:
        positions = where.get(b[j])
        if positions is None or len(positions) > best_count:
            j += 1
            continue
        next_j = j + 1
        for i in positions:
            si, sj = i, j
            while si > alo and sj > blo and a[si - 1] == b[sj - 1]:
                si -= 1
                sj -= 1
            ei, ej = i + 1, j + 1
            while ei < ahi and ej < bhi and a[ei] == b[ej]:
                ei += 1
                ej += 1
            length = ei - si
            next_j = max(next_j, ej)
            count = len(positions)
            if best is None or count < best_count or (count == best_count and length > best[2]):
                best = (si, sj, length)
                best_count = count
        j = next_j
    return best


def _fallback(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[Block]:
    if (ahi - alo) * (bhi - blo) > FALLBACK_CELLS:
        return []
    matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
    return [(alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n]
