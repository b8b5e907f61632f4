"""Redlines of contract language: word-level diffs that read like a negotiator's marks.

The promise every function here keeps: joining the ``old_text`` of every operation gives the
old document byte for byte, and joining every ``new_text`` gives the new one. Pure Python; no
Django. See docs/redline.md for the JSON format and the CLI.
"""

from caucus.engines.redline.compare import ArticleDiff, compare_articles, diff
from caucus.engines.redline.ops import Op, is_renumbered
from caucus.engines.redline.tokens import Token, tokenize

__all__ = ["ArticleDiff", "Op", "Token", "compare_articles", "diff", "is_renumbered", "tokenize"]
