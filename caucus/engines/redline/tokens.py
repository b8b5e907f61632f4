"""Tokens that respect contract language.

A token is a word, a number with its unit and inner punctuation ("$1,250.00", "3.5%",
"12.4(b)"), a run of whitespace, or one other character. Every character of the text lands in
exactly one token, so ``"".join(t.text for t in tokenize(s)) == s`` for any string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast

TokenKind = Literal["number", "word", "space", "punct"]

# Order matters: a number is tried before a word so "$1,250.00" stays whole, and the
# look-ahead hands "3rd" to the word rule instead of splitting it into "3" + "rd".
_NUMBER = r"[$€£¥]?\d+(?:[.,:/]\d+)*(?:%|\([A-Za-z0-9]{1,4}\))*(?!\w)"
# Combining marks (U+0300-U+036F) are not \w in Python; keeping them inside the word means
# decomposed accents ("e" + U+0301) never make a one-letter token of their own.
_WORD = r"[\w\u0300-\u036f]+(?:['\u2019\-][\w\u0300-\u036f]+)*"  # \u2019: an apostrophe
_SPACE = r"\s+"
# Whitespace first: the alternatives start on disjoint characters, and trying the cheap one
# first halves the time on prose.
_PATTERN = re.compile(
    rf"(?P<space>{_SPACE})|(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>.)", re.DOTALL
)
# The same tokens without the group names, for ``token_texts``: a lone space (the commonest
# token) is tried first, and a number only where one can start; both save a fifth of the time.
_TEXTS = re.compile(rf" (?!\s)|{_SPACE}|(?=[$€£¥\d]){_NUMBER}|{_WORD}|.", re.DOTALL)
# Words and numbers alone (what ``findall`` of this skips is whitespace and punctuation).
_WORDS = re.compile(rf"(?=[$€£¥\d]){_NUMBER}|{_WORD}")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, its kind, and where it starts in the text it came from."""

    text: str
    kind: TokenKind
    start: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that rejoin to it exactly."""
    tokens = []
    for match in _PATTERN.finditer(text):
        tokens.append(Token(match.group(), cast(TokenKind, match.lastgroup), match.start()))
    return tokens


def token_texts(text: str) -> list[str]:
    """The texts of ``tokenize(text)`` without building Token objects (the diff's fast path)."""
    return _TEXTS.findall(text)


def word_texts(text: str) -> list[str]:
    """The word and number tokens of ``text``, in order (no whitespace, no punctuation)."""
    return _WORDS.findall(text)


def is_blank_or_punct(text: str) -> bool:
    """True when ``text`` holds no letter or digit: whitespace and punctuation only."""
    return not any(ch.isalnum() for ch in text)
