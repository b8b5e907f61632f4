"""The rules a vote is decided by, as plain frozen dataclasses (read from a file by
``rule_file``; the format is in docs/votes.md).

A ``Rule`` decides one body of voters (a local, or all locals together): a share of yes votes
to pass, an optional quorum, an optional turnout switch, how ties and void ballots count.
``Rules`` says whether locals decide on their own, the coalition decides as one, or both, and
which rule each local follows. Nothing here counts anything: ``decide`` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from caucus.engines.ballots.shares import Share, count, turnout_words

Scope = Literal["local", "coalition", "both"]
SCOPES: tuple[Scope, ...] = ("local", "coalition", "both")
# The key of all locals together, beside the locals' own keys in an outcome.
COALITION = "coalition"
Base = Literal["votes_cast", "eligible"]
BASES: tuple[Base, ...] = ("votes_cast", "eligible")


class RuleError(ValueError):
    """The rules cannot decide a vote; ``messages`` lists every problem, each naming its field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Quorum:
    """Minimum turnout: a share of those eligible, or (when ``share`` is None) a number of
    voters."""

    share: Fraction | None = None
    voters: int = 0

    def is_met(self, turnout: int, eligible: int) -> bool:
        if self.share is None:
            return turnout >= self.voters
        return eligible > 0 and Fraction(turnout, eligible) >= self.share

    def words(self) -> str:
        if self.share is None:
            return f"{count(self.voters)} voters"
        return turnout_words(self.share)


@dataclass(frozen=True)
class Switch:
    """A turnout switch. At or above ``turnout`` (a share of eligible) the rule's own threshold
    decides. Below it ``below`` decides instead: when ``below_rejects`` the proposal passes
    unless the no votes reach ``below`` of votes cast (the Teamsters' old two-thirds rule);
    otherwise passing needs the yes votes to reach it."""

    turnout: Fraction
    below: Share
    below_rejects: bool = True

    def words(self) -> str:
        if self.below_rejects:
            test = f"passes unless {self.below.words()} of votes cast vote no"
        else:
            test = f"passing needs {self.below.words()} of votes cast"
        return f"below a turnout of {turnout_words(self.turnout)}, it {test}"


@dataclass(frozen=True)
class Rule:
    """How one body of voters decides. ``threshold`` is a share of ``of`` (votes cast, or those
    eligible) that the yes votes must reach. Void ballots (blank, spoiled) are never votes
    cast; they count toward turnout only when ``void_counts_for_turnout``."""

    threshold: Share
    of: Base = "votes_cast"
    tie_passes: bool = False
    void_counts_for_turnout: bool = False
    quorum: Quorum | None = None
    switch: Switch | None = None

    def words(self) -> str:
        """The rule in a sentence: ``"more than half of votes cast; quorum 50% of eligible"``."""
        base = "votes cast" if self.of == "votes_cast" else "those eligible"
        parts = [f"{self.threshold.words()} of {base}"]
        if self.tie_passes:
            parts.append("a tie passes")
        if self.quorum is not None:
            of_eligible = "" if self.quorum.share is None else " of eligible"
            parts.append(f"quorum {self.quorum.words()}{of_eligible}")
        if self.switch is not None:
            parts.append(self.switch.words())
        if self.void_counts_for_turnout:
            parts.append("void ballots count toward turnout")
        return "; ".join(parts)


@dataclass(frozen=True)
class Rules:
    """The whole rule of a vote. ``default`` is every local's rule and ``locals`` the locals
    that differ (each a full rule, the default's fields filled in); both are empty when the
    scope is ``"coalition"``. ``coalition`` is the rule for all locals together, present
    exactly when the scope is ``"coalition"`` or ``"both"``."""

    scope: Scope
    default: Rule | None = None
    locals: dict[str, Rule] = field(default_factory=dict)
    coalition: Rule | None = None
    name: str = ""

    @property
    def decides_locally(self) -> bool:
        return self.scope in ("local", "both")

    @property
    def decides_coalition_wide(self) -> bool:
        return self.scope in ("coalition", "both")

    def rule_for(self, local: str) -> Rule | None:
        """The rule ``local`` decides by on its own; None when locals do not decide alone."""
        return self.locals.get(local, self.default) if self.decides_locally else None
