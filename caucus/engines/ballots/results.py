"""What deciding a vote returns: plain frozen dataclasses of whole counts and exact fractions,
each outcome with its reason in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from caucus.engines.ballots.rules import Scope


@dataclass(frozen=True)
class LocalResult:
    """One local's figures and outcome (or all locals' together, ``key`` "coalition").

    ``passes`` is None when this body does not decide on its own (a local under a
    coalition-wide scope, or the locals' sum under a per-local scope): its figures are still
    given. ``turnout`` is ``turnout_count`` over ``eligible``. ``paradox`` says in words when
    the turnout switch made more yes votes fail the proposal (or fewer pass it)."""

    key: str
    eligible: int
    yes: int
    no: int
    void: int
    cast: int  # yes + no
    turnout_count: int  # votes cast, plus void ballots when the rule counts them
    turnout: Fraction
    passes: bool | None
    reason: str
    rule: str = ""  # the rule applied, in words; "" when figures only
    paradox: str | None = None

    @property
    def yes_share(self) -> Fraction | None:
        """Yes over votes cast; None when no vote was cast."""
        return Fraction(self.yes, self.cast) if self.cast else None


@dataclass(frozen=True)
class Outcome:
    """The vote decided: ``passes`` and ``reason`` for the vote as a whole, every local's
    result (in the order of their keys, numbers read as numbers: local-2 before local-12) and
    the coalition-wide figures."""

    passes: bool
    reason: str
    scope: Scope
    locals: tuple[LocalResult, ...]
    coalition: LocalResult
    name: str = ""

    @property
    def paradoxes(self) -> tuple[str, ...]:
        """Every paradox note, each prefixed with its local's key (or "coalition")."""
        bodies = (*self.locals, self.coalition)
        return tuple(f"{r.key}: {r.paradox}" for r in bodies if r.paradox is not None)
