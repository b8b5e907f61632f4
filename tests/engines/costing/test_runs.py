"""A run of several proposals: no figure depends on the order they are listed in, the base year is
paid the status quo's hours per FTE, and progress is reported proposal by proposal."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.results import CostingRun, ProposalCost
from caucus.engines.costing.terms import Terms, parse_terms
from tests.engines.costing import cases

YEAR = {"start": "2026-01-01", "years": 1}


def one_fte(**fields: Any) -> dict[str, Any]:
    """A worker whose annual hours come from the term's hours per FTE (no ``hours`` column)."""
    row = cases.worker(**fields)
    del row["hours"]
    return {**row, "fte": 1.0}


def cents(name: str, amount: float, hours_per_fte: float) -> Terms:
    return parse_terms(
        {
            "name": name,
            "term": {**YEAR, "hours_per_fte": hours_per_fte},
            "raises": [{"effective": "2026-01-01", "cents": amount}],
        }
    )


def test_a_proposal_costs_the_same_listed_first_or_second() -> None:
    # one FTE at $20.00 on 2,080 hours: 30 cents more costs 2,080 x 0.30 = 624.00 above the base
    # year, whichever proposal comes first (the other is paid 1,950 hours)
    roster = cases.roster_of(one_fte(rate=20.0))
    status_quo = parse_terms({"term": {**YEAR, "hours_per_fte": 2080}})
    a, b = cents("A", 30.0, 2080), cents("B", 10.0, 1950)
    first = cost_proposals(roster, [a, b], status_quo)
    second = cost_proposals(roster, [b, a], status_quo)
    assert round(first.proposals[0].term.above_base, 2) == 624.00
    assert round(second.proposals[1].term.above_base, 2) == 624.00
    assert first.base == second.base


def test_the_base_year_is_paid_the_hours_per_fte_of_the_status_quos_term() -> None:
    roster = cases.roster_of(one_fte(rate=20.0))
    status_quo = parse_terms({"term": {**YEAR, "hours_per_fte": 1950}})
    run = cost_proposals(roster, [cents("A", 0.0, 2080)], status_quo)
    assert run.base.payroll == pytest.approx(1950 * 20.0)


def test_a_proposal_that_pays_fewer_hours_per_fte_saves_them_against_the_status_quo() -> None:
    # 130 hours fewer at $20.00: 2,600.00 less than the base year and than the status quo
    roster = cases.roster_of(one_fte(rate=20.0))
    status_quo = parse_terms({"term": {**YEAR, "hours_per_fte": 2080}})
    result = cost_proposals(roster, [cents("short weeks", 0.0, 1950)], status_quo).proposals[0]
    assert round(result.term.above_base, 2) == -2600.00
    assert round(result.term.above_status_quo, 2) == -2600.00


def test_without_a_status_quo_term_the_base_year_is_paid_the_hours_the_proposals_share() -> None:
    roster = cases.roster_of(one_fte(rate=20.0))
    run = cost_proposals(roster, [cents("A", 30.0, 1950), cents("B", 10.0, 1950)])
    assert run.base.payroll == pytest.approx(1950 * 20.0)
    assert round(run.proposals[0].term.above_base, 2) == round(1950 * 0.30, 2)


def test_proposals_on_different_hours_need_a_status_quo_that_gives_its_own() -> None:
    roster = cases.roster_of(one_fte(rate=20.0))
    with pytest.raises(TermsError, match="hours_per_fte") as refused:
        cost_proposals(roster, [cents("A", 30.0, 2080), cents("B", 10.0, 1950)])
    assert "1,950 and 2,080" in refused.value.messages[0]


def test_no_proposal_gives_the_base_year_on_2080_hours() -> None:
    run = cost_proposals(cases.roster_of(one_fte(rate=20.0)), [])
    assert run.proposals == ()
    assert run.base.payroll == pytest.approx(2080 * 20.0)


def test_progress_is_reported_before_each_proposal_and_once_all_are_costed() -> None:
    calls: list[tuple[int, int, str]] = []
    roster = cases.roster_of(one_fte(rate=20.0))
    proposals = [cents("A", 30.0, 2080), cents("B", 10.0, 2080)]
    cost_proposals(roster, proposals, progress=lambda *call: calls.append(call))
    assert calls == [(0, 2, "Costing A"), (1, 2, "Costing B"), (2, 2, "Costed")]


# Proposals drawn to exercise what a run shares between them: terms (anniversary positions and
# the status quo's costing), workforce assumptions, hire-date cut-offs (a tier, a lump sum,
# vacation bands by years of service) and hours per FTE.
starts = st.sampled_from(["2026-07-01", "2027-01-01"])
offers = st.fixed_dictionaries(
    {
        "start": starts,
        "years": st.integers(min_value=1, max_value=3),
        "hours": st.sampled_from([2080.0, 1950.0]),
        "percent": st.floats(min_value=0.0, max_value=6.0),
        "turnover": st.sampled_from([None, 0.0, 0.1]),
        "lump_sum": st.booleans(),
        "vacation": st.booleans(),
        "floor": st.sampled_from([None, 19.25, 21.0]),
    }
)


def offer_terms(k: int, offer: dict[str, Any], hours: float | None) -> Terms:
    data: dict[str, Any] = {
        "name": f"proposal {k}",
        "term": {
            "start": offer["start"],
            "years": offer["years"],
            "hours_per_fte": hours or offer["hours"],
        },
        "raises": [{"effective": offer["start"], "percent": offer["percent"]}],
    }
    if offer["turnover"] is not None:
        data["new_hire_tier"] = {
            "hired_after": "2020-01-01",
            "scales": [{"classification": "Nurse", "rates": [28.0, 29.0, 30.0]}],
            "turnover": offer["turnover"],
        }
    if offer["lump_sum"]:
        data["lump_sums"] = [
            {"paid": offer["start"], "amount": 500.0, "hired_before": "2018-01-01"}
        ]
    if offer["vacation"]:
        data["vacation"] = [
            {"weeks": 2.0},
            {"weeks": 3.0, "min_years": 5},
            {"weeks": 5.0, "min_years": 12 + k},
        ]
    if offer["floor"] is not None:
        data["minimum_rates"] = [{"rate": offer["floor"]}]
    return parse_terms(data)


def assert_same_costs(got: ProposalCost, want: ProposalCost) -> None:
    assert got.name == want.name
    assert got.years == want.years
    assert got.term == want.term
    assert got.status_quo_years == want.status_quo_years
    for name in ("pay_by_group", "status_quo_pay_by_group", "change_by_group", "group"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name


@settings(max_examples=25, deadline=None)
@given(
    chosen=st.lists(offers, min_size=2, max_size=4),
    status_quo_has_a_term=st.booleans(),
    data=st.data(),
)
def test_permuting_the_proposals_permutes_the_results_and_changes_no_figure(
    chosen: list[dict[str, Any]], status_quo_has_a_term: bool, data: st.DataObject
) -> None:
    sq = cases.status_quo()
    if not status_quo_has_a_term:
        del sq["term"]  # then the proposals must share their hours per FTE
    status_quo = parse_terms(sq)
    shared = None if status_quo_has_a_term else chosen[0]["hours"]
    proposals = [offer_terms(k, offer, shared) for k, offer in enumerate(chosen)]
    order = data.draw(st.permutations(range(len(proposals))))
    roster = cases.generated_roster(40, seed=3)
    listed: CostingRun = cost_proposals(roster, proposals, status_quo)
    permuted = cost_proposals(roster, [proposals[k] for k in order], status_quo)
    assert permuted.base == listed.base
    for got, k in zip(permuted.proposals, order, strict=True):
        assert_same_costs(got, listed.proposals[k])
