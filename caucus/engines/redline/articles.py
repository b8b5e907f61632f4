"""Articles: a contract cut at its headings, and two contracts' articles paired.

``split_articles(text)`` cuts at heading lines ("ARTICLE 12 - WAGES", "Article IV: Hours",
"Section 3. Seniority", "12. OVERTIME"); text before the first heading is a preamble with no
number. Joining the articles' ``text`` gives ``text`` back exactly.

``align_articles(old, new)`` pairs each article with its twin: same number and title first,
then same title (a renumbered article), then similar content (a retitled one), then same
number; what is left was added or removed. Pairs come in the new contract's order, each
removed article after the pair that preceded it in the old contract.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

# \u2013 and \u2014 are the en and em dashes, \u2019 the typographic apostrophe.
_HEADING = re.compile(
    r"^[ \t]*(?:(?:ARTICLE|Article|SECTION|Section|APPENDIX|Appendix|SCHEDULE|Schedule)"
    r"[ \t]+(?P<num>[0-9]+[A-Za-z]?|[IVXLC]+|[A-Z])\b[ \t]*[-\u2013\u2014:.]?[ \t]*"
    r"(?P<title>[^\n]{0,100})"
    r"|(?P<num2>[0-9]{1,3})\.[ \t]+(?P<title2>[A-Z][A-Z &,'\u2019/-]{2,80}))[ \t]*\r?$",
    re.MULTILINE,
)
CONTENT_MATCH = 0.5  # Dice score over words above which two articles are the same one


@dataclass(frozen=True, slots=True)
class ArticleText:
    number: str | None
    title: str
    text: str
    start: int  # offset of ``text`` in the whole contract

    @property
    def label(self) -> str:
        first = self.text.strip().split("\n", 1)[0].strip()
        return first if self.number is not None else "Preamble"


HowMatched = Literal["number and title", "title", "content", "number", "added", "removed"]


@dataclass(frozen=True, slots=True)
class Pair:
    old: ArticleText | None
    new: ArticleText | None
    how: HowMatched

    @property
    def is_renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.number != self.new.number)

    @property
    def article(self) -> ArticleText:
        """The new article, or the old one when it was removed."""
        article = self.new or self.old
        if article is None:
            raise ValueError("a pair holds an old article, a new one, or both")
        return article


def split_articles(text: str) -> list[ArticleText]:
    starts = [m.start() for m in _HEADING.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        chunk = text[start:end]
        m = _HEADING.match(chunk)
        if m is None:
            out.append(ArticleText(None, "", chunk, start))
        else:
            number = m.group("num") or m.group("num2")
            title = (m.group("title") or m.group("title2") or "").strip()
            out.append(ArticleText(number, title, chunk, start))
    return out


def _norm(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def _words(a: ArticleText) -> Counter[str]:
    return Counter(w.lower() for w in re.findall(r"\w+", a.text))


def _dice(x: Counter[str], y: Counter[str]) -> float:
    total = x.total() + y.total()
    return 2 * (x & y).total() / total if total else 1.0


def align_articles(old: list[ArticleText], new: list[ArticleText]) -> list[Pair]:
    match: dict[int, tuple[int, HowMatched]] = {}  # new index -> (old index, how)
    used: set[int] = set()

    def pair_by(key: Callable[[ArticleText], object], how: HowMatched) -> None:
        keys: dict[object, list[int]] = {}
        for i, a in enumerate(old):
            k = key(a)
            if i not in used and k:
                keys.setdefault(k, []).append(i)
        for j, b in enumerate(new):
            k = key(b)
            if j in match or not k or len(keys.get(k, [])) != 1:
                continue
            i = keys[k][0]
            if i not in used:
                match[j] = (i, how)
                used.add(i)

    def number_title(a: ArticleText) -> tuple[str, str] | None:
        return (a.number, _norm(a.title)) if a.number is not None else None

    pair_by(number_title, "number and title")
    pair_by(lambda a: _norm(a.title), "title")
    if old and new and old[0].number is None and new[0].number is None and 0 not in match:
        match[0] = (0, "number")  # the preambles
        used.add(0)
    _pair_by_content(old, new, match, used)
    pair_by(lambda a: a.number, "number")
    return _ordered(old, new, match, used)


def _pair_by_content(
    old: list[ArticleText],
    new: list[ArticleText],
    match: dict[int, tuple[int, HowMatched]],
    used: set[int],
) -> None:
    """Pair each new article left with the old one left whose words it shares most, when it
    shares enough (a retitled article); into ``match`` and ``used``."""
    words_old = [_words(a) for a in old]
    for j, b in enumerate(new):
        if j in match:
            continue
        wb = _words(b)
        scored = [(_dice(words_old[i], wb), i) for i in range(len(old)) if i not in used]
        if scored:
            score, i = max(scored)
            if score >= CONTENT_MATCH:
                match[j] = (i, "content")
                used.add(i)


def _ordered(
    old: list[ArticleText],
    new: list[ArticleText],
    match: dict[int, tuple[int, HowMatched]],
    used: set[int],
) -> list[Pair]:
    removed_after: dict[int, list[int]] = {}  # old index of a kept article -> removed ones
    last_kept = -1
    for i in range(len(old)):
        if i in used:
            last_kept = i
        else:
            removed_after.setdefault(last_kept, []).append(i)
    pairs = [Pair(old[i], None, "removed") for i in removed_after.get(-1, [])]
    for j, b in enumerate(new):
        if j in match:
            i, how = match[j]
            pairs.append(Pair(old[i], b, how))
            pairs.extend(Pair(old[r], None, "removed") for r in removed_after.get(i, []))
        else:
            pairs.append(Pair(None, b, "added"))
    return pairs
