"""One small hand-computed case per kind of term. Hours are 2,080 unless said; money in dollars."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.results import ProposalCost
from caucus.engines.costing.terms import parse_terms
from tests.engines.costing.cases import SCALES, roster_of, worker

YEAR = {"start": "2026-01-01", "years": 1}
TWO = {"start": "2026-01-01", "years": 2}


def cost(
    rows: list[dict[str, Any]], proposal: dict[str, Any], sq: dict[str, Any] | None = None
) -> ProposalCost:
    status_quo = parse_terms({"scales": SCALES, **(sq or {})})
    return cost_proposals(roster_of(*rows), [parse_terms(proposal)], status_quo).proposals[0]


def test_a_raise_half_way_through_the_year_pays_half_in_cash_and_all_in_lift() -> None:
    # 2026 has 365 days; 1 July is day 181, so 184/365 of the year is at the raised rate.
    result = cost(
        [worker(rate=20.0)],
        {"term": YEAR, "raises": [{"effective": "2026-07-01", "percent": 10.0}]},
    )
    assert result.years[0].wages == pytest.approx(20.0 * 2080 + 2.0 * 2080 * 184 / 365)
    assert result.years[0].lift == pytest.approx(2.0 * 2080)


def test_cents_raise_adds_the_same_to_every_rate() -> None:
    result = cost(
        [worker(rate=20.0), worker(rate=30.0)],
        {"term": YEAR, "raises": [{"effective": "2026-01-01", "cents": 50}]},
    )
    assert result.change[0].tolist() == pytest.approx([0.50 * 2080, 0.50 * 2080])


def test_floor_lifts_a_small_percent_raise_and_cap_trims_a_large_one() -> None:
    rows = [worker(rate=10.0), worker(rate=100.0)]
    raise_ = {"effective": "2026-01-01", "percent": 2.0, "floor_cents": 50, "cap_cents": 150}
    result = cost(rows, {"term": YEAR, "raises": [raise_]})
    # 2% of $10 is 20 cents, floored to 50; 2% of $100 is $2, capped at $1.50.
    assert result.change[0].tolist() == pytest.approx([0.50 * 2080, 1.50 * 2080])


def test_step_moves_on_the_anniversary_in_the_status_quo_too() -> None:
    # Nurse step 1 ($30.00) with an anniversary on 1 July moves to step 2 ($31.50) mid-year.
    row = worker(classification="Nurse", step=1, rate=30.0, hire_date="2020-07-01")
    result = cost([row], {"term": YEAR, "raises": [{"effective": "2026-01-01", "percent": 0.0}]})
    assert result.status_quo_pay[0, 0] == pytest.approx(2080 * (30.0 * 181 + 31.5 * 184) / 365)
    assert result.years[0].above_status_quo == pytest.approx(0.0)


def test_step_freeze_saves_the_step_increase() -> None:
    row = worker(classification="Nurse", step=1, rate=30.0, hire_date="2020-07-01")
    result = cost([row], {"term": YEAR, "steps": {"movement": False}})
    assert result.change[0, 0] == pytest.approx(-2080 * 1.5 * 184 / 365)


def test_worker_at_the_top_step_does_not_creep() -> None:
    row = worker(classification="Clerk", step=3, rate=19.85, hire_date="2020-07-01")
    result = cost([row], {"term": YEAR, "steps": {"movement": True}})
    assert result.status_quo_pay[0, 0] == pytest.approx(19.85 * 2080)


def test_new_scale_pays_from_its_effective_date() -> None:
    row = worker(classification="Clerk", step=3, rate=19.85, hire_date="2020-01-01")
    scale = {
        "classification": "Clerk",
        "effective": "2026-07-01",
        "rates": [19.0, 19.9, 20.85, 21.9],
    }
    result = cost([row], {"term": YEAR, "steps": {"movement": False, "scales": [scale]}})
    assert result.change[0, 0] == pytest.approx(1.0 * 2080 * 184 / 365)


def test_added_top_step_lets_a_topped_out_worker_move_on_their_anniversary() -> None:
    row = worker(classification="Clerk", step=3, rate=19.85, hire_date="2020-07-01")
    scale = {
        "classification": "Clerk",
        "effective": "2026-01-01",
        "rates": [18.0, 18.9, 19.85, 21.0],
    }
    result = cost([row], {"term": YEAR, "steps": {"scales": [scale]}})
    assert result.change[0, 0] == pytest.approx((21.0 - 19.85) * 2080 * 184 / 365)


def test_lump_sum_prorated_by_fte_goes_only_to_those_hired_before_the_cut_off() -> None:
    rows = [worker(hours=1040.0, hire_date="2020-01-01"), worker(hire_date="2025-06-01")]
    rows[0]["fte"], rows[1]["fte"] = 0.5, 1.0
    lump = {
        "paid": "2026-03-01",
        "amount": 1000.0,
        "prorate_fte": True,
        "hired_before": "2025-01-01",
    }
    result = cost(rows, {"term": YEAR, "lump_sums": [lump]})
    assert result.change[0].tolist() == pytest.approx([500.0, 0.0])
    assert result.years[0].lump_sums == pytest.approx(500.0)


def test_percent_lump_sum_is_a_share_of_annual_pay_at_the_rate_on_pay_day() -> None:
    raises = [{"effective": "2026-02-01", "percent": 10.0}]
    result = cost(
        [worker(rate=20.0)],
        {"term": YEAR, "raises": raises, "lump_sums": [{"paid": "2026-03-01", "percent": 2.0}]},
    )
    assert result.years[0].lump_sums == pytest.approx(0.02 * 22.0 * 2080)


def test_new_hire_tier_pays_those_hired_after_the_date_on_the_tier() -> None:
    tier = {
        "hired_after": "2025-12-31",
        "scales": [{"classification": "Nurse", "rates": [27.0, 28.0]}],
    }
    rows = [worker(classification="Nurse", step=1, rate=30.0, hire_date="2026-01-02")]
    frozen = {"steps": {"movement": False}}
    result = cost(rows, {"term": YEAR, "new_hire_tier": tier}, frozen)
    assert result.change[0, 0] == pytest.approx(-3.0 * 2080)


def test_turnover_replaces_leavers_with_hires_at_the_tier_entry_rate() -> None:
    # Half-way through year 1 a 19% turnover leaves 0.9 of the incumbent, 0.1 hires at $27.
    tier = {
        "hired_after": "2026-06-30",
        "turnover": 0.19,
        "scales": [{"classification": "Nurse", "rates": [27.0]}],
    }
    rows = [worker(classification="Nurse", step=5, rate=36.4)]
    result = cost(rows, {"term": YEAR, "steps": {"movement": False}, "new_hire_tier": tier})
    assert result.years[0].wages == pytest.approx(2080 * (0.9 * 36.4 + 0.1 * 27.0))
    assert result.years[0].status_quo_total == pytest.approx(2080 * (0.9 * 36.4 + 0.1 * 30.0))


def test_hires_percent_lump_sum_is_paid_at_their_rate_on_pay_day_not_after_later_raises() -> None:
    # 0.9 of the position is the incumbent's at $36.40, 0.1 hires' at $27.00 on 1 March; the 10%
    # raise of 1 July comes after: 2% x 2,080 x (0.9 x 36.40 + 0.1 x 27.00) = 1,475.136
    tier = {
        "hired_after": "2026-06-30",
        "turnover": 0.19,
        "scales": [{"classification": "Nurse", "rates": [27.0]}],
    }
    proposal = {
        "term": YEAR,
        "steps": {"movement": False},
        "new_hire_tier": tier,
        "raises": [{"effective": "2026-07-01", "percent": 10.0}],
        "lump_sums": [{"paid": "2026-03-01", "percent": 2.0}],
    }
    result = cost([worker(classification="Nurse", step=5, rate=36.4)], proposal)
    assert result.years[0].lump_sums == pytest.approx(0.02 * 2080 * (0.9 * 36.4 + 0.1 * 27.0))


def test_regional_freeze_keeps_the_raise_from_that_region_only() -> None:
    rows = [worker(region="North"), worker(region="South")]
    proposal = {
        "term": YEAR,
        "raises": [{"effective": "2026-01-01", "percent": 5.0}],
        "freezes": [{"start": "2026-01-01", "end": "2026-12-31", "where": {"region": "South"}}],
    }
    assert cost(rows, proposal).change[0].tolist() == pytest.approx([1.0 * 2080, 0.0])


def test_classification_market_adjustment_reaches_only_that_classification() -> None:
    rows = [worker(classification="Porter"), worker(classification="Nurse", step=5, rate=36.4)]
    proposal = {
        "term": YEAR,
        "steps": {"movement": False},
        "raises": [
            {"effective": "2026-01-01", "cents": 100, "where": {"classification": "Porter"}}
        ],
    }
    assert cost(rows, proposal).change[0].tolist() == pytest.approx([2080.0, 0.0])


def test_regional_cut_lowers_pay_there() -> None:
    proposal = {
        "term": YEAR,
        "raises": [{"effective": "2026-01-01", "percent": -2.0, "where": {"region": "East"}}],
    }
    result = cost([worker(region="East", rate=20.0)], proposal)
    assert result.change[0, 0] == pytest.approx(-0.4 * 2080)


def test_red_circled_rate_waits_for_the_market_rate_to_catch_up() -> None:
    # $25 is above the $24 market: frozen while raises of 2% lift the market to $24.48, then
    # $24.97 in year two; still below $25, so no raise for two years.
    rows = [worker(rate=25.0), worker(rate=20.0)]
    proposal = {
        "term": TWO,
        "raises": [
            {"effective": "2026-01-01", "percent": 2.0},
            {"effective": "2027-01-01", "percent": 2.0},
        ],
        "red_circles": [{"market_rate": 24.0, "effective": "2026-01-01"}],
    }
    result = cost(rows, proposal)
    assert result.pay[:, 0].tolist() == pytest.approx([25.0 * 2080, 25.0 * 2080])
    assert result.pay[:, 1].tolist() == pytest.approx([20.4 * 2080, 20.808 * 2080])


def test_profit_sharing_minimum_tops_up_small_shares() -> None:
    rows = [worker(hours=2000.0), worker(hours=200.0)]
    sharing = {"pools": [1100.0], "formula": "hours", "minimum": 250.0}
    result = cost(rows, {"term": YEAR, "profit_sharing": sharing})
    # 1100 over 2200 hours is 50 cents an hour: $1,000 and $100, topped up to $250.
    assert result.change[0].tolist() == pytest.approx([1000.0, 250.0])
    assert result.years[0].profit_sharing == pytest.approx(1250.0)


def test_differential_increase_costs_the_share_of_hours_it_covers() -> None:
    sq = {"differentials": [{"name": "night", "share_of_hours": 0.25, "cents": 100}]}
    proposal = {
        "term": YEAR,
        "differentials": [{"name": "night", "share_of_hours": 0.25, "cents": 160}],
    }
    result = cost([worker()], proposal, sq)
    assert result.years[0].above_status_quo == pytest.approx(0.25 * 2080 * 0.60)


def test_lower_employer_health_share_costs_the_worker_their_premium_share() -> None:
    sq = {"health": {"monthly_premium": 500.0, "employer_share": 0.9}}
    proposal = {"term": YEAR, "health": {"monthly_premium": 500.0, "employer_share": 0.8}}
    result = cost([worker()], proposal, sq)
    assert result.years[0].above_status_quo == pytest.approx(-600.0)
    assert result.change[0, 0] == pytest.approx(-600.0)


def test_roll_up_applies_its_lump_sum_rate_to_lump_sums() -> None:
    sq = {"rollup": {"rate": 0.2, "on_lump_sums": 0.0765}}
    result = cost(
        [worker()], {"term": YEAR, "lump_sums": [{"paid": "2026-05-01", "amount": 1000.0}]}, sq
    )
    assert result.years[0].above_status_quo == pytest.approx(1076.50)
