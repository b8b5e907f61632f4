"""Deciding a vote: ``decide(rules, tallies)`` applies the rules to every local's tally and to
all of them together, and says whether the vote passes and why.

The outcome depends only on the rules and the tallies, never on the order the tallies come in.
Scope ``"local"``: the vote passes when every local passes by its own rule. ``"coalition"``:
when the locals' sum passes the coalition rule. ``"both"``: when every local passes and the
sum passes too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from caucus.engines.ballots.results import LocalResult, Outcome
from caucus.engines.ballots.rules import COALITION, Rule, RuleError, Rules
from caucus.engines.ballots.shares import count, percent
from caucus.engines.ballots.tallies import Tally, add_up
from caucus.engines.ballots.verdicts import paradox, verdict


def decide(rules: Rules, tallies: Sequence[Tally]) -> Outcome:
    """The vote decided. RuleError when a local's own rule names a local with no tally, or when
    two tallies share a local's key."""
    _check(rules, tallies)
    ordered = sorted(tallies, key=lambda t: _natural(t.local))
    void_counts = rules.coalition.void_counts_for_turnout if rules.coalition else False
    results = tuple(_local(rules.rule_for(t.local), t, void_counts) for t in ordered)
    total = add_up(ordered, COALITION)
    if rules.coalition is not None:
        coalition = decide_body(rules.coalition, total)
    else:
        voted = sum(r.turnout_count for r in results)
        coalition = _figures(total, voted, "all locals together; each local decides on its own")
    passes, reason = _overall(rules, results, coalition)
    return Outcome(passes, reason, rules.scope, results, coalition, rules.name)


def decide_body(rule: Rule, tally: Tally) -> LocalResult:
    """One body of voters (a local, or the locals' sum) judged by ``rule``."""
    judged = verdict(rule, tally)
    voted = tally.turnout(void_counts=rule.void_counts_for_turnout)
    return LocalResult(
        key=tally.local,
        eligible=tally.eligible,
        yes=tally.yes,
        no=tally.no,
        void=tally.void,
        cast=tally.cast,
        turnout_count=voted,
        turnout=Fraction(voted, tally.eligible),
        passes=judged.passes,
        reason=judged.reason,
        rule=rule.words(),
        paradox=paradox(rule, tally, judged),
    )


def _local(rule: Rule | None, tally: Tally, void_counts: bool) -> LocalResult:
    if rule is not None:
        return decide_body(rule, tally)
    voted = tally.turnout(void_counts=void_counts)
    return _figures(tally, voted, "counted coalition-wide; this local does not decide on its own")


def _figures(tally: Tally, voted: int, role: str) -> LocalResult:
    """A body's figures, for a body that does not decide."""
    share = f" = {percent(Fraction(tally.yes, tally.cast))}" if tally.cast else ""
    reason = f"{count(tally.yes)} yes of {count(tally.cast)} votes cast{share}; {role}"
    return LocalResult(
        key=tally.local,
        eligible=tally.eligible,
        yes=tally.yes,
        no=tally.no,
        void=tally.void,
        cast=tally.cast,
        turnout_count=voted,
        turnout=Fraction(voted, tally.eligible),
        passes=None,
        reason=reason,
    )


def _overall(
    rules: Rules, results: tuple[LocalResult, ...], coalition: LocalResult
) -> tuple[bool, str]:
    failing = [r.key for r in results if r.passes is False]
    locals_words = (
        f"every local passes ({len(results)} of {len(results)})"
        if not failing
        else f"{_listed(failing)} {'fails' if len(failing) == 1 else 'fail'} "
        f"({len(results) - len(failing)} of {len(results)} locals pass)"
    )
    coalition_words = f"the coalition-wide vote {'passes' if coalition.passes else 'fails'}"
    if rules.scope == "local":
        passes, words = not failing, locals_words
    elif rules.scope == "coalition":
        passes, words = bool(coalition.passes), f"{coalition_words}: {coalition.reason}"
    else:
        passes = not failing and bool(coalition.passes)
        words = f"{locals_words}; {coalition_words}"
    return passes, f"{'passes' if passes else 'fails'}: {words}"


def _check(rules: Rules, tallies: Sequence[Tally]) -> None:
    errors: list[str] = []
    keys: set[str] = set()
    for tally in tallies:
        if tally.local in keys:
            errors.append(f"tallies: local {tally.local!r} is given twice")
        keys.add(tally.local)
    if not tallies:
        errors.append("tallies: no local's tally is given")
    errors += [f"locals.{key}: no tally for this local" for key in sorted(set(rules.locals) - keys)]
    if errors:
        raise RuleError(errors)


def _listed(keys: list[str]) -> str:
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} and {keys[-1]}"


def _natural(key: str) -> tuple[tuple[int, str], ...]:
    """A sort key reading digits as numbers: local-2 before local-12; then the key as written."""
    parts = re.split(r"(\d+)", key)  # digits at the odd places
    return (*((int(p), "") if i % 2 else (0, p) for i, p in enumerate(parts)), (0, key))
