"""Invariants of deciding a vote, on generated rules and tallies (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.rule_file import parse_rules
from caucus.engines.ballots.rules import Rules
from caucus.engines.ballots.tallies import Tally

FRACTIONS = ["1/3", "2/5", "1/2", "3/5", "2/3", "3/4"]


@st.composite
def rule_tables(draw: st.DrawFn, *, switch: bool) -> dict[str, Any]:
    table: dict[str, Any] = {"threshold": draw(st.sampled_from(["majority", *FRACTIONS]))}
    table["of"] = draw(st.sampled_from(["votes_cast", "votes_cast", "eligible"]))
    if table["threshold"] != "majority" and draw(st.booleans()):
        table["comparison"] = draw(st.sampled_from(["more_than", "at_least"]))
    if table["of"] == "votes_cast" and table["threshold"] in ("1/3", "2/5", "1/2"):
        table["tie"] = draw(st.sampled_from(["fails", "passes"]))
    table["void_counts_for_turnout"] = draw(st.booleans())
    quorum = draw(st.sampled_from([None, "1/4", "1/2", 5, 40]))
    if quorum is not None:
        table["quorum"] = quorum
    if switch:
        below = draw(
            st.sampled_from(
                [{"reject_at_least": "2/3"}, {"reject_more_than": "3/5"}, {"threshold": "2/3"}]
            )
        )
        table["switch"] = {"turnout": draw(st.sampled_from(["1/3", "1/2", "3/5"])), "below": below}
    return table


@st.composite
def tallies(draw: st.DrawFn, count: int | None = None) -> list[Tally]:
    n = count or draw(st.integers(min_value=1, max_value=6))
    out = []
    for i in range(n):
        eligible = draw(st.integers(min_value=1, max_value=120))
        yes = draw(st.integers(min_value=0, max_value=eligible))
        no = draw(st.integers(min_value=0, max_value=eligible - yes))
        void = draw(st.integers(min_value=0, max_value=eligible - yes - no))
        out.append(Tally(f"local-{i + 1}", eligible, yes, no, void))
    return out


@st.composite
def votes(draw: st.DrawFn, *, switch: bool) -> tuple[Rules, list[Tally]]:
    counts = draw(tallies())
    scope = draw(st.sampled_from(["local", "coalition", "both"]))
    data: dict[str, Any] = {"scope": scope}
    if scope != "coalition":
        data["default"] = draw(rule_tables(switch=switch))
        chosen = draw(st.sets(st.sampled_from([t.local for t in counts]), max_size=2))
        data["locals"] = {key: draw(rule_tables(switch=switch)) for key in sorted(chosen)}
    if scope != "local":
        data["coalition"] = draw(rule_tables(switch=switch))
    return parse_rules(data), counts


def with_one_more_yes(tally: Tally) -> Tally:
    """A member who had not voted votes yes; at full turnout, a void or no ballot becomes yes."""
    if tally.yes + tally.no + tally.void < tally.eligible:
        return Tally(tally.local, tally.eligible, tally.yes + 1, tally.no, tally.void)
    if tally.void:
        return Tally(tally.local, tally.eligible, tally.yes + 1, tally.no, tally.void - 1)
    return Tally(tally.local, tally.eligible, tally.yes + 1, tally.no - 1, tally.void)


def outcomes(rules: Rules, counts: list[Tally]) -> list[bool | None]:
    outcome = decide(rules, counts)
    return [outcome.passes, outcome.coalition.passes, *(r.passes for r in outcome.locals)]


def never_worse(before: list[bool | None], after: list[bool | None]) -> bool:
    return all(not (b is True and a is False) for b, a in zip(before, after, strict=True))


@settings(max_examples=300, deadline=None)
@given(vote=votes(switch=True), data=st.data())
def test_the_outcome_does_not_depend_on_the_order_of_the_locals(vote, data) -> None:  # type: ignore[no-untyped-def]
    rules, counts = vote
    shuffled = data.draw(st.permutations(counts))
    assert decide(rules, shuffled) == decide(rules, counts)


@settings(max_examples=500, deadline=None)
@given(vote=votes(switch=False), data=st.data())
def test_one_more_yes_vote_never_turns_a_pass_into_a_fail_without_a_switch(vote, data) -> None:  # type: ignore[no-untyped-def]
    rules, counts = vote
    i = data.draw(st.integers(min_value=0, max_value=len(counts) - 1))
    if counts[i].yes == counts[i].eligible:
        return
    more = [*counts[:i], with_one_more_yes(counts[i]), *counts[i + 1 :]]
    assert never_worse(outcomes(rules, counts), outcomes(rules, more))


@settings(max_examples=500, deadline=None)
@given(vote=votes(switch=True), data=st.data())
def test_a_no_turned_yes_never_turns_a_pass_into_a_fail_even_with_a_switch(vote, data) -> None:  # type: ignore[no-untyped-def]
    rules, counts = vote
    i = data.draw(st.integers(min_value=0, max_value=len(counts) - 1))
    t = counts[i]
    if not t.no:
        return
    changed = Tally(t.local, t.eligible, t.yes + 1, t.no - 1, t.void)
    assert never_worse(
        outcomes(rules, counts), outcomes(rules, [*counts[:i], changed, *counts[i + 1 :]])
    )


@settings(max_examples=300, deadline=None)
@given(vote=votes(switch=True))
def test_every_result_is_in_its_bounds_and_adds_up(vote) -> None:  # type: ignore[no-untyped-def]
    rules, counts = vote
    outcome = decide(rules, counts)
    total = outcome.coalition
    assert total.yes == sum(t.yes for t in counts)
    assert total.void == sum(t.void for t in counts)
    for r in (*outcome.locals, total):
        assert r.cast == r.yes + r.no
        assert 0 <= r.turnout <= 1
        if r.passes is not None:  # a deciding reason names its outcome, and only that one
            assert ("passes" in r.reason, "fails" in r.reason) == (r.passes, not r.passes)
