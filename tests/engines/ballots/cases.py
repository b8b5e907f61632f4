"""Rules from real constitutions and statutes, as rule-file tables, and helpers to decide one
local's tally under one of them."""

from __future__ import annotations

from typing import Any

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.results import LocalResult
from caucus.engines.ballots.rule_file import parse_rules
from caucus.engines.ballots.tallies import Tally

# Robert's Rules of Order Newly Revised, §44: a majority is more than half of the votes cast,
# blanks not counted; a two-thirds vote is at least two thirds of the votes cast.
MAJORITY: dict[str, Any] = {"threshold": "majority"}
TWO_THIRDS: dict[str, Any] = {"threshold": "2/3"}
# The Teamsters' ratification rule before their 2021 convention: with less than half of those
# eligible voting, two thirds of the votes cast must be no to reject the contract.
TEAMSTERS_BEFORE_2021: dict[str, Any] = {
    "threshold": "majority",
    "switch": {"turnout": "1/2", "below": {"reject_at_least": "2/3"}},
}
# The UK's Trade Union Act 2016, s. 2: an industrial-action ballot needs at least half of those
# entitled to vote to take part, then a majority of the votes cast.
UK_TRADE_UNION_ACT_2016: dict[str, Any] = {"threshold": "majority", "quorum": "1/2"}
# A majority of the whole membership, as some bylaws require for amendments.
MAJORITY_OF_MEMBERS: dict[str, Any] = {"threshold": "majority", "of": "eligible"}


def one_local(rule: dict[str, Any], eligible: int, yes: int, no: int, void: int = 0) -> LocalResult:
    rules = parse_rules({"scope": "local", "default": rule})
    return decide(rules, [Tally("local-1", eligible, yes, no, void)]).locals[0]
