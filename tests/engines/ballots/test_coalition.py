"""Scopes: locals deciding on their own, all locals as one, or both at once."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.rule_file import parse_rules
from caucus.engines.ballots.rules import RuleError
from caucus.engines.ballots.tallies import Tally

TALLIES = [
    Tally("local-12", 1_000, 600, 400),  # 60% yes: passes a majority, fails two thirds
    Tally("local-2", 2_000, 1_500, 300),
    Tally("local-7", 1_000, 700, 100),
]


def rules(scope: str, **more: Any) -> Any:
    data: dict[str, Any] = {"scope": scope, **more}
    if scope != "coalition":
        data.setdefault("default", {"threshold": "2/3"})
    if scope != "local":
        data.setdefault("coalition", {"threshold": "2/3"})
    return parse_rules(data)


def test_both_scope_fails_when_one_local_fails_though_the_coalition_passes() -> None:
    outcome = decide(rules("both"), TALLIES)
    assert [r.passes for r in outcome.locals] == [True, True, False]
    assert outcome.coalition.passes is True
    assert outcome.passes is False
    assert outcome.reason == (
        "fails: local-12 fails (2 of 3 locals pass); the coalition-wide vote passes"
    )


def test_both_scope_passes_when_every_local_and_the_coalition_pass() -> None:
    overrides = {"local-12": {"threshold": "majority"}}
    outcome = decide(rules("both", locals=overrides), TALLIES)
    assert outcome.passes is True
    assert outcome.reason == ("passes: every local passes (3 of 3); the coalition-wide vote passes")


def test_coalition_scope_adds_every_local_together() -> None:
    outcome = decide(rules("coalition"), TALLIES)
    total = outcome.coalition
    assert (total.key, total.eligible, total.yes, total.no, total.cast) == (
        "coalition",
        4_000,
        2_800,
        800,
        3_600,
    )
    assert outcome.passes is True
    assert outcome.reason == (
        "passes: the coalition-wide vote passes: "
        "2,800 yes of 3,600 votes cast = 77.8%, needs at least 2/3: passes"
    )


def test_coalition_scope_gives_each_locals_figures_without_deciding_it() -> None:
    local_12 = decide(rules("coalition"), TALLIES).locals[2]
    assert (local_12.key, local_12.passes, local_12.rule) == ("local-12", None, "")
    assert local_12.reason == (
        "600 yes of 1,000 votes cast = 60%; counted coalition-wide; "
        "this local does not decide on its own"
    )


def test_local_scope_passes_only_if_every_local_passes() -> None:
    outcome = decide(rules("local"), TALLIES)
    assert outcome.passes is False
    assert outcome.coalition.passes is None
    assert outcome.reason == "fails: local-12 fails (2 of 3 locals pass)"


def test_locals_are_listed_with_their_numbers_read_as_numbers() -> None:
    assert [r.key for r in decide(rules("local"), TALLIES).locals] == [
        "local-2",
        "local-7",
        "local-12",
    ]


def test_a_locals_own_rule_naming_a_local_with_no_tally_is_refused() -> None:
    with pytest.raises(RuleError, match=r"locals.local-99: no tally for this local"):
        decide(rules("local", locals={"local-99": {"threshold": "majority"}}), TALLIES)


def test_two_tallies_for_one_local_are_refused() -> None:
    with pytest.raises(RuleError, match=r"tallies: local 'local-2' is given twice"):
        decide(rules("local"), [*TALLIES, Tally("local-2", 10, 1, 1)])
