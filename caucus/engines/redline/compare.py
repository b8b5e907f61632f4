"""The front of the engine: the redline of two texts, or of two contracts article by article.

``diff`` is the word diff (``diff.py``) with, when asked, the numbers changed only by a
renumbering left unmarked (``renumbering.py``) and moved paragraphs and sentences paired
(``moves.py``). ``compare_articles`` does the same for each pair of articles
(``articles.py``), the renumbering found once for the whole contract. Every module this one
uses sits below it; nothing in the engine but the renderers and the CLI imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from caucus.engines.redline.articles import Pair, align_articles, split_articles
from caucus.engines.redline.diff import word_diff
from caucus.engines.redline.moves import find_moves
from caucus.engines.redline.ops import Op
from caucus.engines.redline.renumbering import Renumbering, renumbering_from, renumbering_of


@dataclass(frozen=True, slots=True)
class ArticleDiff:
    pair: Pair
    ops: list[Op]


def diff(
    old: str,
    new: str,
    *,
    detect_moves: bool = True,
    ignore_whitespace: bool = False,
    ignore_renumbering: bool = False,
) -> list[Op]:
    """The operations that turn ``old`` into ``new``; never raises on any pair of strings.

    ``ignore_renumbering`` leaves article and section numbers unmarked where they changed only
    because the articles were renumbered (see ``renumbering.py``)."""
    renumber = renumbering_of(old, new) if ignore_renumbering else None
    return _diff(old, new, detect_moves, ignore_whitespace, renumber)


def compare_articles(
    old: str, new: str, *, detect_moves: bool = True, ignore_renumbering: bool = False
) -> list[ArticleDiff]:
    """Each article of ``new`` diffed against its twin in ``old``, in the new order.

    ``ignore_renumbering``: numbers changed only by the renumbering of articles (found once,
    for the whole contract) are left unmarked, as ``diff`` does."""
    pairs = align_articles(split_articles(old), split_articles(new))
    renumber = renumbering_from(pairs) if ignore_renumbering else None
    out = []
    for pair in pairs:
        before = pair.old.text if pair.old else ""
        after = pair.new.text if pair.new else ""
        out.append(ArticleDiff(pair, _diff(before, after, detect_moves, False, renumber)))
    return out


def _diff(
    old: str, new: str, detect_moves: bool, ignore_whitespace: bool, renumber: Renumbering | None
) -> list[Op]:
    ops = word_diff(old, new, ignore_whitespace=ignore_whitespace, renumber=renumber)
    return find_moves(ops) if detect_moves else ops
