"""The turnout switch's paradox, shown concretely: under the Teamsters' old rule a yes vote
that lifts turnout to the switch can make a ratification fail, and the result says so."""

from __future__ import annotations

from tests.engines.ballots.cases import (
    MAJORITY,
    TEAMSTERS_BEFORE_2021,
    UK_TRADE_UNION_ACT_2016,
    one_local,
)

# 100 eligible, 30 no. With 19 yes, 49 voted (below half): 30 of 49 is 61% no, short of the
# two thirds that rejects, so the contract is ratified. One more member votes yes: 50 voted,
# the switch is reached, a majority decides, 20 yes of 50 is 40%, and the contract fails.


def test_one_more_yes_vote_that_lifts_turnout_to_the_switch_makes_ratification_fail() -> None:
    before = one_local(TEAMSTERS_BEFORE_2021, 100, 19, 30)
    after = one_local(TEAMSTERS_BEFORE_2021, 100, 20, 30)
    assert (before.passes, after.passes) == (True, False)


def test_the_failed_ratification_says_the_yes_votes_made_it_fail() -> None:
    after = one_local(TEAMSTERS_BEFORE_2021, 100, 20, 30)
    assert after.paradox == (
        "had one member who voted yes stayed home, turnout would have been below the switch "
        "of 50% and the proposal would have passed: their yes votes made it fail"
    )


def test_the_ratification_below_the_switch_says_more_yes_votes_would_sink_it() -> None:
    before = one_local(TEAMSTERS_BEFORE_2021, 100, 19, 30)
    assert before.paradox == (
        "1 more yes vote would lift turnout to the switch of 50% and make the proposal fail: "
        "it passes only because turnout stayed below the switch"
    )


def test_the_note_counts_how_many_yes_voters_it_would_take() -> None:
    # 60 voted of 100: 11 yes voters staying home leaves 18 yes, 31 no of 49 (below the switch),
    # 63% no, short of the two thirds that rejects.
    result = one_local(TEAMSTERS_BEFORE_2021, 100, 29, 31)
    assert result.passes is False
    assert result.paradox is not None
    assert result.paradox.startswith("had 11 members who voted yes")


def test_no_paradox_when_staying_home_would_not_have_changed_the_outcome() -> None:
    # 80 no of 100 voted: below the switch, 80% no would reject too.
    assert one_local(TEAMSTERS_BEFORE_2021, 200, 20, 80).paradox is None


def test_no_paradox_when_the_majority_passes_above_the_switch() -> None:
    assert one_local(TEAMSTERS_BEFORE_2021, 100, 40, 20).paradox is None


def test_rules_without_a_switch_never_carry_a_paradox_note() -> None:
    assert one_local(MAJORITY, 100, 20, 30).paradox is None
    assert one_local(UK_TRADE_UNION_ACT_2016, 100, 20, 30).paradox is None
