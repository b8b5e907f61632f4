"""One body of voters (a local, or all locals together) judged by one rule: passes or fails,
with the reason in words, and the turnout-switch paradox when it bites.

The order of the tests is the rule's order in docs/votes.md: quorum first (a vote that misses
it fails whatever the count), then votes cast (none cast fails), then the turnout switch (below
it, its own test decides), then the threshold. A tie matters only where it sits on the
threshold, at exactly half of votes cast: there it fails unless the rule says a tie passes.
All on exact fractions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from caucus.engines.ballots.rules import Quorum, Rule, Switch
from caucus.engines.ballots.shares import (
    HALF,
    Share,
    ceil_of,
    count,
    percent,
    share_words,
    turnout_words,
)
from caucus.engines.ballots.tallies import Tally


@dataclass(frozen=True)
class Verdict:
    passes: bool
    reason: str


def verdict(rule: Rule, tally: Tally) -> Verdict:
    """Whether ``tally`` passes under ``rule``, and why."""
    voted = tally.turnout(void_counts=rule.void_counts_for_turnout)
    if rule.quorum is not None and not rule.quorum.is_met(voted, tally.eligible):
        return Verdict(False, _quorum_missed(rule, rule.quorum, tally, voted))
    if tally.cast == 0:
        void = f" ({count(tally.void)} void)" if tally.void else ""
        return Verdict(False, f"no votes cast{void}: fails")
    if rule.switch is None:
        return _yes_test(rule, rule.threshold, tally)
    turnout = Fraction(voted, tally.eligible)
    at = f"turnout {_turnout(voted, tally, rule.switch.turnout)}"
    switch = turnout_words(rule.switch.turnout)
    if turnout >= rule.switch.turnout:
        rest = _yes_test(rule, rule.threshold, tally)
        return Verdict(rest.passes, f"{at} reaches the switch of {switch}: {rest.reason}")
    below = _below_switch(rule, rule.switch, tally)
    return Verdict(below.passes, f"{at} is below the switch of {switch}: {below.reason}")


def paradox(rule: Rule, tally: Tally, judged: Verdict) -> str | None:
    """The turnout switch's paradox, when it applies to this count: a proposal that fails only
    because enough members voted yes to lift turnout to the switch (had some of them stayed
    home, it would have passed), or one that passes only because turnout stayed below it."""
    if rule.switch is None:
        return None
    voted = tally.turnout(void_counts=rule.void_counts_for_turnout)
    needed = ceil_of(rule.switch.turnout, tally.eligible)
    switch = turnout_words(rule.switch.turnout)
    if voted >= needed and not judged.passes:
        fewer = voted - needed + 1
        if fewer <= tally.yes and _passes(rule, tally, -fewer):
            return (
                f"had {_members(fewer)} who voted yes stayed home, turnout would have been "
                f"below the switch of {switch} and the proposal would have passed: "
                "their yes votes made it fail"
            )
    if voted < needed and judged.passes:
        more = needed - voted
        room = tally.eligible - tally.yes - tally.no - tally.void
        if more <= room and not _passes(rule, tally, more):
            return (
                f"{count(more)} more yes {'vote' if more == 1 else 'votes'} would lift turnout "
                f"to the switch of {switch} and make the proposal fail: it passes only "
                "because turnout stayed below the switch"
            )
    return None


def _passes(rule: Rule, tally: Tally, more_yes: int) -> bool:
    changed = Tally(tally.local, tally.eligible, tally.yes + more_yes, tally.no, tally.void)
    return verdict(rule, changed).passes


def _yes_test(rule: Rule, share: Share, tally: Tally) -> Verdict:
    """The yes votes against ``share`` of votes cast (or of eligible). A tie at a threshold of
    exactly half of votes cast is decided by the rule's tie setting, not by its comparison."""
    at_half = rule.of == "votes_cast" and share.fraction == HALF
    if at_half and tally.yes == tally.no:
        outcome = "a tie passes under this rule" if rule.tie_passes else "a tie fails"
        return Verdict(
            rule.tie_passes, f"{count(tally.yes)} yes and {count(tally.no)} no: {outcome}"
        )
    whole, base = (
        (tally.cast, "votes cast") if rule.of == "votes_cast" else (tally.eligible, "eligible")
    )
    passes = share.is_met(tally.yes, whole)
    value = share_words(Fraction(tally.yes, whole), against=share.fraction)
    needs = share.words() + ("" if rule.of == "votes_cast" else " of eligible")
    return Verdict(
        passes,
        f"{count(tally.yes)} yes of {count(whole)} {base} = {value}, needs {needs}: "
        f"{'passes' if passes else 'fails'}",
    )


def _below_switch(rule: Rule, switch: Switch, tally: Tally) -> Verdict:
    if not switch.below_rejects:
        return _yes_test(Rule(switch.below, tie_passes=rule.tie_passes), switch.below, tally)
    rejects = switch.below.is_met(tally.no, tally.cast)
    value = share_words(Fraction(tally.no, tally.cast), against=switch.below.fraction)
    return Verdict(
        not rejects,
        f"{count(tally.no)} no of {count(tally.cast)} votes cast = {value}, rejecting needs "
        f"{switch.below.words()}: {'fails' if rejects else 'passes'}",
    )


def _quorum_missed(rule: Rule, quorum: Quorum, tally: Tally, voted: int) -> str:
    if quorum.share is None:
        below = f"turnout of {count(voted)} is below the quorum of {quorum.words()}"
    else:
        turnout = _turnout(voted, tally, quorum.share)
        below = f"turnout {turnout} is below the quorum of {quorum.words()}"
    if tally.cast == 0:
        return f"{below}: fails, no votes cast"
    yes = percent(Fraction(tally.yes, tally.cast))
    if verdict(replace(rule, quorum=None), tally).passes:
        return f"{below}: fails though {yes} voted yes"
    return f"{below}: fails ({yes} voted yes)"


def _turnout(voted: int, tally: Tally, against: Fraction) -> str:
    share = Fraction(voted, tally.eligible)
    return f"{percent(share, against=against)} ({count(voted)} of {count(tally.eligible)} eligible)"


def _members(number: int) -> str:
    return "one member" if number == 1 else f"{count(number)} members"
