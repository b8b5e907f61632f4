"""Rule files that cannot decide a vote are refused, every problem named by its field."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from caucus.engines.ballots.rule_file import load_rules, parse_rules
from caucus.engines.ballots.rules import RuleError
from caucus.engines.ballots.shares import Share


def refusal(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RuleError) as caught:
        parse_rules(data)
    return caught.value.messages


def both(**local: Any) -> dict[str, Any]:
    return {
        "scope": "both",
        "default": {"threshold": "majority"},
        "locals": {"local-12": local},
        "coalition": {"threshold": "majority"},
    }


def test_a_threshold_that_is_not_a_fraction_is_refused_naming_the_local() -> None:
    assert refusal(both(threshold="abc")) == [
        'locals.local-12.threshold: must be a fraction like "2/3" or "1/2", not "abc"'
    ]


def test_a_threshold_above_one_is_refused() -> None:
    assert refusal(both(threshold="3/2")) == [
        "locals.local-12.threshold: must be more than 0 and at most 1, not 3/2"
    ]


def test_a_number_is_not_taken_for_a_fraction() -> None:
    assert refusal(both(threshold=0.5)) == [
        'locals.local-12.threshold: must be a fraction like "2/3" or "1/2", not 0.5'
    ]


def test_an_unknown_field_is_refused_by_its_path() -> None:
    assert refusal(both(treshold="2/3")) == ["locals.local-12.treshold: unknown field"]


def test_every_problem_is_reported_at_once() -> None:
    data = both(of="members", tie="maybe")
    data["coalition"] = {"quorum": "half"}
    assert refusal(data) == [
        'locals.local-12.of: must be one of "votes_cast", "eligible", not "members"',
        'locals.local-12.tie: must be one of "fails", "passes", not "maybe"',
        'coalition.quorum: must be a fraction of eligible like "1/2", or a number of voters '
        'like 200, not "half"',
        "coalition.threshold: is required",
    ]


def test_scope_is_required_and_named_among_its_choices() -> None:
    assert refusal({"default": {"threshold": "majority"}}) == [
        'scope: is required: one of "local", "coalition", "both"'
    ]


def test_a_coalition_scope_refuses_per_local_rules_it_would_ignore() -> None:
    data = {"scope": "coalition", "default": {"threshold": "2/3"}, "coalition": MAJORITY_TABLE}
    assert refusal(data) == ['default: scope "coalition" decides all locals as one; remove it']


def test_scope_both_needs_a_coalition_rule() -> None:
    assert refusal({"scope": "both", "default": MAJORITY_TABLE}) == [
        'coalition: is required when scope is "both"'
    ]


def test_majority_at_least_is_refused_as_a_contradiction() -> None:
    messages = refusal(
        {"scope": "local", "default": {"threshold": "majority", "comparison": "at_least"}}
    )
    assert messages == [
        'default.comparison: "majority" means more than half; for at least half write '
        'threshold = "1/2" with comparison = "at_least"'
    ]


def test_at_least_half_without_saying_how_a_tie_goes_is_refused() -> None:
    messages = refusal(
        {"scope": "local", "default": {"threshold": "1/2", "comparison": "at_least"}}
    )
    assert messages[0].startswith("default.comparison: at least half of votes cast takes in a tie")


def test_a_tie_cannot_pass_a_two_thirds_rule() -> None:
    assert refusal({"scope": "local", "default": {"threshold": "2/3", "tie": "passes"}}) == [
        'default.tie: "passes" needs a threshold of at most half of votes cast; a tie cannot '
        "reach at least 2/3 of votes cast"
    ]


def test_a_switch_needs_exactly_one_test_below_it() -> None:
    switch = {"turnout": "1/2", "below": {"reject_at_least": "2/3", "threshold": "2/3"}}
    assert refusal({"scope": "local", "default": {"threshold": "majority", "switch": switch}}) == [
        "default.switch.below: give one of reject_at_least, reject_more_than or threshold, "
        "not reject_at_least and threshold"
    ]


def test_a_switch_without_a_turnout_is_refused() -> None:
    switch = {"below": {"reject_at_least": "2/3"}}
    assert refusal({"scope": "local", "default": {"threshold": "majority", "switch": switch}}) == [
        "default.switch.turnout: is required"
    ]


def test_a_local_inherits_the_default_and_changes_only_what_it_names() -> None:
    rules = parse_rules(
        {
            "scope": "local",
            "default": {"threshold": "majority", "quorum": "1/4", "void_counts_for_turnout": True},
            "locals": {"local-12": {"threshold": "2/3"}, "local-7": {"quorum": 0}},
        }
    )
    twelve, seven, other = (rules.rule_for(k) for k in ("local-12", "local-7", "local-3"))
    assert twelve is not None
    assert seven is not None
    assert other is not None
    assert twelve.threshold == Share(Fraction(2, 3), "at_least")
    assert twelve.quorum == other.quorum
    assert twelve.void_counts_for_turnout
    assert seven.quorum is None
    assert seven.threshold == Share(Fraction(1, 2), "more_than")


def test_a_local_can_drop_the_default_switch() -> None:
    switch = {"turnout": "1/2", "below": {"reject_at_least": "2/3"}}
    rules = parse_rules(
        {
            "scope": "local",
            "default": {"threshold": "majority", "switch": switch},
            "locals": {"local-7": {"switch": False}},
        }
    )
    assert rules.rule_for("local-7").switch is None  # type: ignore[union-attr]
    assert rules.rule_for("local-3").switch is not None  # type: ignore[union-attr]


def test_a_toml_rule_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "ratification.toml"
    path.write_text(
        'name = "2026 TA"\nscope = "both"\n\n[default]\nthreshold = "majority"\n\n'
        '[locals."Local 12"]\nthreshold = "2/3"\n\n[coalition]\nthreshold = "majority"\n'
        'quorum = "1/3"\n'
    )
    rules = load_rules(path)
    assert (rules.name, rules.scope, list(rules.locals)) == ("2026 TA", "both", ["Local 12"])
    assert rules.coalition is not None
    assert rules.coalition.quorum is not None
    assert rules.coalition.quorum.share == Fraction(1, 3)


def test_a_rule_file_that_is_not_toml_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("scope = \n")
    with pytest.raises(RuleError, match=r"^broken.toml: "):
        load_rules(path)


MAJORITY_TABLE = {"threshold": "majority"}
