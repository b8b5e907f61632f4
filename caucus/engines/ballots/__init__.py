"""The vote engine: rules (thresholds, quorum, turnout switch, coalition scope) applied to
tallies with exact fractions, and the primitives that keep ballots secret until the tally
(vote keys, sealed choices, receipts, credentials).

Pure Python and PyNaCl; no Django. ``decide`` in ``decide`` is the entry point for outcomes;
the rule format and the JSON of ``caucus tally`` are written down in docs/votes.md.
"""

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.results import LocalResult, Outcome
from caucus.engines.ballots.rule_file import load_rules, parse_rules
from caucus.engines.ballots.rules import Rule, RuleError, Rules
from caucus.engines.ballots.tallies import Tally, TallyError, parse_tallies, read_tallies

__all__ = [
    "LocalResult",
    "Outcome",
    "Rule",
    "RuleError",
    "Rules",
    "Tally",
    "TallyError",
    "decide",
    "load_rules",
    "parse_rules",
    "parse_tallies",
    "read_tallies",
]
