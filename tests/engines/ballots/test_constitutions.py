"""Real rules at their boundaries: each case is one count under one rule, with the outcome and
the reason a teller would read out."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from tests.engines.ballots.cases import (
    MAJORITY,
    MAJORITY_OF_MEMBERS,
    TEAMSTERS_BEFORE_2021,
    TWO_THIRDS,
    UK_TRADE_UNION_ACT_2016,
    one_local,
)

# (rule, eligible, yes, no, void, passes, reason)
CASES: dict[str, tuple[dict[str, Any], int, int, int, int, bool, str]] = {
    "two thirds exactly passes": (
        TWO_THIRDS, 4_000, 2_000, 1_000, 0, True,
        "2,000 yes of 3,000 votes cast = exactly 2/3, needs at least 2/3: passes",
    ),
    "two thirds one vote short fails": (
        TWO_THIRDS, 4_000, 1_999, 1_001, 0, False,
        "1,999 yes of 3,000 votes cast = 66.6%, needs at least 2/3: fails",
    ),
    "a majority tie fails": (
        MAJORITY, 4_000, 1_500, 1_500, 0, False,
        "1,500 yes and 1,500 no: a tie fails",
    ),
    "a majority of one passes": (
        MAJORITY, 4_000, 1_501, 1_499, 0, True,
        "1,501 yes of 3,000 votes cast = 50.03%, needs more than half: passes",
    ),
    "void ballots are not votes cast": (
        # 50 of 99 votes cast is a majority; 50 of the 109 ballots would not be.
        MAJORITY, 200, 50, 49, 10, True,
        "50 yes of 99 votes cast = 50.5%, needs more than half: passes",
    ),
    "no votes cast fails": (
        MAJORITY, 200, 0, 0, 7, False,
        "no votes cast (7 void): fails",
    ),
    "Teamsters turnout exactly at the switch lets a majority decide": (
        TEAMSTERS_BEFORE_2021, 3_000, 700, 800, 0, False,
        "turnout 50% (1,500 of 3,000 eligible) reaches the switch of 50%: "
        "700 yes of 1,500 votes cast = 46.7%, needs more than half: fails",
    ),
    "Teamsters turnout one below the switch needs two thirds to reject": (
        TEAMSTERS_BEFORE_2021, 3_000, 699, 800, 0, True,
        "turnout 49.97% (1,499 of 3,000 eligible) is below the switch of 50%: "
        "800 no of 1,499 votes cast = 53.4%, rejecting needs at least 2/3: passes",
    ),
    "Teamsters two thirds no below the switch rejects": (
        TEAMSTERS_BEFORE_2021, 4_000, 500, 1_000, 0, False,
        "turnout 37.5% (1,500 of 4,000 eligible) is below the switch of 50%: "
        "1,000 no of 1,500 votes cast = exactly 2/3, rejecting needs at least 2/3: fails",
    ),
    "UK quorum missed though unanimous": (
        UK_TRADE_UNION_ACT_2016, 3_000, 1_237, 0, 0, False,
        "turnout 41.2% (1,237 of 3,000 eligible) is below the quorum of 50%: "
        "fails though 100% voted yes",
    ),
    "UK quorum missed by one": (
        UK_TRADE_UNION_ACT_2016, 3_000, 1_000, 499, 0, False,
        "turnout 49.97% (1,499 of 3,000 eligible) is below the quorum of 50%: "
        "fails though 66.7% voted yes",
    ),
    "UK quorum met exactly": (
        UK_TRADE_UNION_ACT_2016, 3_000, 1_000, 500, 0, True,
        "1,000 yes of 1,500 votes cast = 66.7%, needs more than half: passes",
    ),
    "UK void ballots do not make the quorum by default": (
        UK_TRADE_UNION_ACT_2016, 1_000, 400, 80, 20, False,
        "turnout 48% (480 of 1,000 eligible) is below the quorum of 50%: "
        "fails though 83.3% voted yes",
    ),
    "UK void ballots make the quorum when the rule counts them": (
        UK_TRADE_UNION_ACT_2016 | {"void_counts_for_turnout": True}, 1_000, 400, 80, 20, True,
        "400 yes of 480 votes cast = 83.3%, needs more than half: passes",
    ),
    "a quorum of voters missed": (
        MAJORITY | {"quorum": 200}, 5_000, 150, 49, 0, False,
        "turnout of 199 is below the quorum of 200 voters: fails though 75.4% voted yes",
    ),
    "a majority of members needs more than half of those eligible": (
        MAJORITY_OF_MEMBERS, 1_000, 500, 10, 0, False,
        "500 yes of 1,000 eligible = exactly half, needs more than half of eligible: fails",
    ),
    "a majority of members passes with one more": (
        MAJORITY_OF_MEMBERS, 1_000, 501, 300, 0, True,
        "501 yes of 1,000 eligible = 50.1%, needs more than half of eligible: passes",
    ),
    "a tie passes where the rule says so": (
        {"threshold": "1/2", "tie": "passes"}, 100, 20, 20, 0, True,
        "20 yes and 20 no: a tie passes under this rule",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_rule_decides_its_boundary_case_with_the_reason_in_words(case) -> None:  # type: ignore[no-untyped-def]
    rule, eligible, yes, no, void, passes, reason = case
    result = one_local(rule, eligible, yes, no, void)
    assert (result.passes, result.reason) == (passes, reason)


def test_one_vote_short_of_two_thirds_fails_even_where_floats_cannot_tell() -> None:
    yes, cast = 2 * 10**17, 3 * 10**17 + 1
    assert yes / cast == 2 / 3  # as floats the share rounds onto the threshold
    result = one_local(TWO_THIRDS, cast, yes, cast - yes)
    assert result.passes is False
    assert result.yes_share == Fraction(yes, cast)


def test_void_ballots_count_toward_turnout_only_when_the_rule_says() -> None:
    counted = one_local(MAJORITY | {"void_counts_for_turnout": True}, 100, 10, 5, 5)
    uncounted = one_local(MAJORITY, 100, 10, 5, 5)
    assert (counted.cast, counted.turnout_count) == (15, 20)
    assert (uncounted.cast, uncounted.turnout_count) == (15, 15)
