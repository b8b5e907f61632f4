"""Renumbering: article and section numbers that changed only because articles moved up or down.

When a proposal adds an article early on, every later article gets a new number, and with it
every section number ("12.4" becomes "13.4") and every cross-reference ("as set out in Section
12.4(b)"). ``renumbering_of(old, new)`` pairs the two contracts' articles (``articles.py``)
and keeps the old → new number of each renumbered one. The diff then compares old numbers by
the number they were given, so such a number lands in an ``equal`` operation whose
``old_text`` and ``new_text`` differ (exactness holds; the renderers show it as renumbered).

Where a number counts as an article or section number: right after a heading or reference
word (``Article``, ``Section``, ``§``, ``Appendix``…, and the numbers listed after it:
"Sections 12.4 and 12.5"), or first on its line with a dot, before a space or tab (a
section's own number: "12.4 The employer…", "12. Overtime"; a bare "3 employees…" is not
one). Only the leading article part is mapped: "12.4(b)" → "13.4(b)". A section renumbered
inside its article (12.4 → 12.3 because 12.3 was dropped) is a real change and stays marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from caucus.engines.redline.articles import Pair, align_articles, split_articles

# Words after which a number is an article or section number (compared in lower case).
REFERENCE_WORDS = frozenset(
    {
        "appendix",
        "appendices",
        "art",
        "article",
        "articles",
        "clause",
        "clauses",
        "schedule",
        "schedules",
        "sec",
        "section",
        "sections",
        "§",
        "§§",
    }
)
# Between two numbers of one reference list: "Sections 12.4, 12.5 and 12.6", "Articles 7-9".
_LIST_WORDS = frozenset({",", "and", "or", "to", "through", "-", "\u2013", "&"})  # en dash
_HEAD = re.compile(r"([0-9]+[A-Za-z]?|[IVXLC]+|[A-Z])(?![A-Za-z0-9])")
_NUMBER = r"(?P<num>[0-9]+[A-Za-z]?|[IVXLC]+|[A-Z])(?![A-Za-z0-9])"
_LABEL_CHUNK = re.compile(r"[ \t]*[0-9]+(?:\.[0-9]+)*\.?")
# A section's own number at the start of a line (or of a sentence chunk holding only it).
_LINE_LABEL = re.compile(r"\A[ \t]*(?P<num>[0-9]+)(?=(?:\.[0-9]+)+\.?(?:[ \t]|\Z)|\.(?:[ \t]|\Z))")
_REFERENCE_NUMBER = re.compile(
    r"(?:(?i:\b(?:appendix|appendices|art|articles?|clauses?|schedules?|sec|sections?))\s+"
    rf"|§§?\s*){_NUMBER}"
)
_LABEL_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_REFERENCES = re.compile(
    r"(?i)\b(?:appendix|appendices|art|articles?|clauses?|schedules?|sec|sections?)\b|§"
)


@dataclass(frozen=True, slots=True)
class Renumbering:
    """Old article number → new article number, for the renumbered articles only."""

    numbers: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.numbers)

    def number(self, text: str) -> str:
        """``text`` (an old article or section number) as the new contract numbers it."""
        m = _HEAD.match(text)
        if m is None or m.group(1) not in self.numbers:
            return text
        return self.numbers[m.group(1)] + text[m.end(1) :]

    def token_keys(self, tokens: list[str]) -> list[str]:
        """Old-side tokens with their article and section numbers renumbered."""
        out = list(tokens)
        in_reference = False
        line_start = True
        for k, t in enumerate(tokens):
            if t.isspace():
                # Text that starts with a space starts mid-line (a chunk after a sentence).
                line_start = "\n" in t
                continue
            lower = t.lower()
            after = tokens[k + 1][:1] if k + 1 < len(tokens) else ""
            is_label = (
                line_start
                and _LABEL_TOKEN.fullmatch(t) is not None
                and (("." in t and after in ("", " ", "\t", ".")) or after == ".")
            )
            if is_label or (in_reference and _HEAD.match(t)):
                out[k] = self.number(t)
            elif lower in REFERENCE_WORDS:
                in_reference = True
            elif lower not in _LIST_WORDS:
                in_reference = False
            line_start = False
        return out

    def text_key(self, text: str, *, is_line: bool = True) -> str:
        """An old line, or sentence (``diff.sentences``), as the new contract would number it,
        so renumbered lines still match whole (a quicker, regex cousin of ``token_keys``).
        A sentence that starts with a space starts mid-line: only a sentence that is a
        section number alone is read as one."""
        key = text
        if is_line or _LABEL_CHUNK.fullmatch(text):
            key = _LINE_LABEL.sub(self._sub, text, count=1)
        if _REFERENCES.search(key) is not None:
            key = _REFERENCE_NUMBER.sub(self._sub, key)
        return key

    def _sub(self, m: re.Match[str]) -> str:
        head = m.group("num")
        return m.group()[: m.start("num") - m.start()] + self.numbers.get(head, head)


def renumbering_of(old: str, new: str) -> Renumbering:
    """The renumbering between two whole contracts, from their paired articles."""
    return renumbering_from(align_articles(split_articles(old), split_articles(new)))


def renumbering_from(pairs: Iterable[Pair]) -> Renumbering:
    """The old → new numbers of the paired articles whose number changed."""
    return Renumbering(
        {
            p.old.number: p.new.number
            for p in pairs
            if p.old is not None
            and p.new is not None
            and p.old.number is not None
            and p.new.number is not None
            and p.old.number != p.new.number
        }
    )
