"""Minimum rates, minimum wages, paid time off, roll-up by component and the wages-only figures,
each on a small case worked by hand. Hours are 2,080 unless said; money in dollars."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.reader import TermsError
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


def refusal(data: dict[str, Any]) -> list[str]:
    with pytest.raises(TermsError) as caught:
        parse_terms(data)
    return caught.value.messages


# Minimum rates and minimum wages


def test_a_minimum_rate_raises_only_the_rates_below_it() -> None:
    # $18.00 is raised to $19.25: 1.25 x 2,080 = $2,600; $21.00 is above it and stays.
    result = cost(
        [worker(rate=18.0), worker(rate=21.0)], {"term": YEAR, "minimum_rates": [{"rate": 19.25}]}
    )
    assert result.change[0].tolist() == pytest.approx([2600.0, 0.0])
    assert result.years[0].wages_above_status_quo == pytest.approx(2600.0)


def test_a_minimum_rate_from_a_date_pays_for_the_rest_of_the_year() -> None:
    # From 1 July: 184 of 2026's 365 days at $19.25 instead of $18.00.
    floor = {"rate": 19.25, "effective": "2026-07-01"}
    result = cost([worker(rate=18.0)], {"term": YEAR, "minimum_rates": [floor]})
    assert result.change[0, 0] == pytest.approx(1.25 * 2080 * 184 / 365)


def test_later_raises_build_on_the_minimum_rate() -> None:
    # $18.00 -> $19.25 from the start; 4% on 1 January 2027: 19.25 x 1.04 = $20.02.
    proposal = {
        "term": TWO,
        "minimum_rates": [{"rate": 19.25}],
        "raises": [{"effective": "2027-01-01", "percent": 4.0}],
    }
    result = cost([worker(rate=18.0)], proposal)
    assert result.pay[:, 0].tolist() == pytest.approx([19.25 * 2080, 20.02 * 2080])


def test_a_minimum_rate_on_a_raise_day_is_checked_after_the_raise() -> None:
    # 2% on $18.90 is $19.278, already above $19.25: the floor adds nothing.
    proposal = {
        "term": YEAR,
        "raises": [{"effective": "2026-01-01", "percent": 2.0}],
        "minimum_rates": [{"rate": 19.25, "effective": "2026-01-01"}],
    }
    result = cost([worker(rate=18.90)], proposal)
    assert result.pay[0, 0] == pytest.approx(18.90 * 1.02 * 2080)


def test_a_regional_minimum_wage_is_paid_while_the_contract_rate_stays_below_it() -> None:
    # South's law pays at least $16.00 (since 2025). The contract rate, $15.00, takes 5% on
    # 1 January 2027: $15.75, still below $16.00, so the South worker is paid $16.00 both
    # years; the North worker is paid $15.00, then $15.75.
    proposal = {"term": TWO, "raises": [{"effective": "2027-01-01", "percent": 5.0}]}
    law = {
        "minimum_wages": [{"rate": 16.0, "effective": "2025-01-01", "where": {"region": "South"}}]
    }
    result = cost([worker(rate=15.0, region="South"), worker(rate=15.0)], proposal, law)
    assert result.pay[:, 0].tolist() == pytest.approx([16.0 * 2080, 16.0 * 2080])
    assert result.pay[:, 1].tolist() == pytest.approx([15.0 * 2080, 15.75 * 2080])
    # The same $16.00 as the contract's own minimum rate: the raise builds on it, $16.80.
    floor = {**proposal, "minimum_rates": [{"rate": 16.0, "where": {"region": "South"}}]}
    raised = cost([worker(rate=15.0, region="South")], floor)
    assert raised.pay[:, 0].tolist() == pytest.approx([16.0 * 2080, 16.80 * 2080])


def test_a_minimum_wage_rising_mid_year_pays_the_new_rate_from_its_day() -> None:
    # $16.00 all year, $17.00 from 1 July (184 of 365 days): 2,080 x (16 + 184/365).
    law = [
        {"rate": 16.0, "effective": "2025-01-01"},
        {"rate": 17.0, "effective": "2026-07-01"},
    ]
    result = cost([worker(rate=15.0)], {"term": YEAR, "minimum_wages": law})
    assert result.pay[0, 0] == pytest.approx(2080 * (16.0 + 184 / 365))


def test_a_freeze_does_not_stop_the_contracts_minimum_rate() -> None:
    proposal = {
        "term": YEAR,
        "minimum_rates": [{"rate": 19.25}],
        "freezes": [{"start": "2026-01-01", "end": "2026-12-31"}],
    }
    assert cost([worker(rate=18.0)], proposal).change[0, 0] == pytest.approx(2600.0)


def test_minimum_rates_and_wages_are_checked_field_by_field() -> None:
    assert refusal({"minimum_rates": [{"rate": -1}], "minimum_wages": [{"rate": 16}]}) == [
        "minimum_rates[0].rate: -1 is below 0.01",
        "minimum_wages[0].effective: is required",
    ]
    assert refusal({"minimum_rates": [{"rate": 19.25, "effectve": "2026-01-01"}]}) == [
        "minimum_rates[0].effectve: unknown field"
    ]


def test_a_minimum_rate_outside_the_term_and_a_minimum_wage_after_it_are_refused() -> None:
    terms = parse_terms(
        {
            "term": YEAR,
            "minimum_rates": [{"rate": 19.25, "effective": "2027-03-01"}],
            "minimum_wages": [{"rate": 16.0, "effective": "2027-01-01"}],
        }
    )
    with pytest.raises(TermsError) as caught:
        cost_proposals(roster_of(worker()), [terms])
    assert caught.value.messages == [
        "minimum_rates[0].effective: 2027-03-01 is outside the term (2026-01-01 to 2027-01-01)",
        "minimum_wages[0].effective: 2027-01-01 is after the term (2026-01-01 to 2027-01-01)",
    ]


def test_a_minimum_wage_naming_a_region_not_on_the_roster_is_refused() -> None:
    law = {"rate": 16.0, "effective": "2025-01-01", "where": {"region": "Sooth"}}
    terms = parse_terms({"term": YEAR, "minimum_wages": [law]})
    with pytest.raises(TermsError, match=r"minimum_wages\[0\].where.region: 'Sooth' is not on"):
        cost_proposals(roster_of(worker()), [terms])


# Paid time off


def test_an_added_holiday_costs_its_hours_at_each_workers_rate_per_hour_worked() -> None:
    # Two workers at $20.00, one full time (2,080 hours), one half (1,040). Ten holidays today
    # (80 hours full time, 40 half); the proposal adds one (8 hours, 4 half):
    # 8 x 20 + 4 x 20 = $240. Hours paid 3,120; off 120 + 12 = 132; worked 2,988;
    # 240 / 2,988 = 8.03 cents an hour worked. Pay is what it was: time off, not money.
    sq = {"holidays": [{"hours": 80.0, "label": "ten holidays"}]}
    proposal = {
        "term": YEAR,
        "holidays": [{"hours": 80.0, "label": "ten holidays"}, {"hours": 8.0, "label": "one"}],
    }
    result = cost([worker(), worker(hours=1040.0)], proposal, sq)
    year = result.years[0]
    assert year.time_off == pytest.approx(240.0)
    assert year.above_status_quo == pytest.approx(240.0)
    assert year.hours_off == pytest.approx(132.0)
    assert year.hours_worked == pytest.approx(2988.0)
    assert round(year.time_off_cents_per_hour_worked, 2) == 8.03
    assert year.wages_above_status_quo == pytest.approx(0.0)
    assert result.change[0].tolist() == pytest.approx([0.0, 0.0])


def test_a_holiday_added_mid_term_counts_from_its_day() -> None:
    # Added from 1 January 2027 in a term starting 1 January 2026: nothing in year one, the
    # full 8 x $20.00 = $160 in year two.
    proposal = {"term": TWO, "holidays": [{"hours": 8.0, "effective": "2027-01-01"}]}
    result = cost([worker()], proposal)
    assert [y.time_off for y in result.years] == pytest.approx([0.0, 160.0])


def test_a_vacation_band_reaches_workers_by_their_years_of_service() -> None:
    # Today: 2 weeks, 3 from 5 years. The proposal adds 4 weeks from 10 years (a week is
    # 2,080 / 52 = 40 hours at $20.00, $800). On 1 January 2026:
    # hired 2014-03-01: 11 years, 4 weeks instead of 3 in both years, $800 a year;
    # hired 2016-06-15: 9 years in 2026 (3 weeks), 10 in 2027 (4 weeks): $800 in year two;
    # hired 2023-05-01: 2 years: 2 weeks, nothing changes.
    sq = {"vacation": [{"weeks": 2.0}, {"weeks": 3.0, "min_years": 5}]}
    proposal = {
        "term": TWO,
        "vacation": [
            {"weeks": 2.0},
            {"weeks": 3.0, "min_years": 5},
            {"weeks": 4.0, "min_years": 10},
        ],
    }
    rows = [worker(hire_date=d) for d in ("2014-03-01", "2016-06-15", "2023-05-01")]
    result = cost(rows, proposal, sq)
    assert [y.time_off for y in result.years] == pytest.approx([800.0, 1600.0])
    # hours off: year one 160 + 120 + 80; year two 160 + 160 + 80
    assert [y.hours_off for y in result.years] == pytest.approx([360.0, 400.0])
    assert [y.hours_off for y in result.status_quo_years] == pytest.approx([320.0, 320.0])


def test_a_new_vacation_schedule_replaces_the_old_from_its_day() -> None:
    # A schedule of 3 weeks for everyone from 1 July 2026 (184 of 365 days) in place of 2:
    # one more week for the rest of the year, 40 hours x 184/365 x $20.00.
    proposal = {
        "term": YEAR,
        "vacation": [{"weeks": 2.0}, {"weeks": 3.0, "effective": "2026-07-01"}],
    }
    result = cost([worker()], proposal, {"vacation": [{"weeks": 2.0}]})
    assert result.years[0].time_off == pytest.approx(40 * 20.0 * 184 / 365)


def test_time_off_is_valued_at_the_raised_rate_and_rolled_up_as_base_pay() -> None:
    # One more holiday (8 hours) after a 5% raise: 8 x 21.00 = $168, plus 10% roll-up.
    proposal = {
        "term": YEAR,
        "raises": [{"effective": "2026-01-01", "percent": 5.0}],
        "holidays": [{"hours": 8.0}],
    }
    result = cost([worker()], proposal, {"rollup": {"rate": 0.1}})
    year = result.years[0]
    assert year.time_off == pytest.approx(168.0)
    assert year.above_status_quo == pytest.approx((1.0 * 2080 + 168.0) * 1.1)


def test_time_off_terms_are_checked_field_by_field() -> None:
    assert refusal(
        {"holidays": [{"hours": -8}], "vacation": [{"weeks": 3, "min_years": 2.5}, {}]}
    ) == [
        "holidays[0].hours: -8 is below 0",
        "vacation[0].min_years: expected a whole number, got 2.5",
        "vacation[1].weeks: is required",
    ]


# Roll-up by component


def test_roll_up_components_marked_base_only_leave_lump_sums_alone() -> None:
    # $1,000 lump sum and a $1.00 raise on 2,080 hours: Social Security (6.2%) on both,
    # pension (6%, base only) on the raise alone: 0.062 x 3,080 + 0.06 x 2,080 = $315.76.
    sq = {
        "rollup": {
            "components": [
                {"name": "Social Security", "rate": 0.062},
                {"name": "Pension", "rate": 0.06, "base_only": True},
            ]
        }
    }
    proposal = {
        "term": YEAR,
        "raises": [{"effective": "2026-01-01", "cents": 100}],
        "lump_sums": [{"paid": "2026-06-01", "amount": 1000.0}],
    }
    year = cost([worker()], proposal, sq).years[0]
    parts = {c.name: c for c in year.rollup_components}
    assert parts["Social Security"].above_status_quo == pytest.approx(0.062 * 3080)
    assert parts["Pension"].above_status_quo == pytest.approx(0.06 * 2080)
    assert parts["Pension"].base_only
    assert year.above_status_quo == pytest.approx(3080 + 0.062 * 3080 + 0.06 * 2080)


def test_roll_up_is_one_rate_or_components_never_both() -> None:
    both = {"rate": 0.1, "components": [{"name": "Medicare", "rate": 0.0145}]}
    assert refusal({"rollup": both}) == [
        "rollup.rate: give either rate (and on_lump_sums) or components, not both"
    ]
    twice = [{"name": "Medicare", "rate": 0.0145}, {"name": "Medicare", "rate": 0.0145}]
    assert refusal({"rollup": {"components": twice}}) == [
        "rollup.components: 'Medicare' is listed twice"
    ]
    assert refusal({"rollup": {"components": [{"rate": 0.01, "base_only": "yes"}]}}) == [
        "rollup.components[0].name: is required",
        "rollup.components[0].base_only: expected true or false, got 'yes'",
    ]


# Wages alone beside total compensation


def test_wages_alone_leave_out_the_health_premium_growth_no_proposal_causes() -> None:
    # A 3% raise on $20.00 (2,080 hours): $1,248 of wages. The employer's health premium
    # ($500 a month, 80%) grows 6% a year with no proposal at all: 12 x 500 x 0.8 x 0.06 = $288
    # more than the base year, which the total above the base year counts and wages alone do not.
    sq = {"health": {"monthly_premium": 500.0, "employer_share": 0.8, "premium_growth": 0.06}}
    proposal = {"term": YEAR, "raises": [{"effective": "2026-01-01", "percent": 3.0}]}
    year = cost([worker()], proposal, sq).years[0]
    assert year.above_base == pytest.approx(1248.0 + 288.0)
    assert year.wages_above_base == pytest.approx(1248.0)
    assert year.wages_percent_of_base_payroll == pytest.approx(3.0)
    assert year.wages_cents_per_hour == pytest.approx(60.0)
    assert year.above_status_quo == pytest.approx(1248.0)


def test_the_json_gives_time_off_wages_alone_and_each_roll_up_component() -> None:
    from caucus.engines.costing.json_format import run_to_dict

    # The added holiday above: $240, 240 / 2,988 hours worked = 8.0321 cents; Social Security
    # at 6.2% on the base year's $62,400 (2,080 + 1,040 hours at $20.00) is $3,868.80.
    sq = parse_terms(
        {
            "holidays": [{"hours": 80.0}],
            "rollup": {"components": [{"name": "Social Security", "rate": 0.062}]},
        }
    )
    proposal = parse_terms(
        {"term": YEAR, "holidays": [{"hours": 80.0}, {"hours": 8.0, "label": "one"}]}
    )
    run = cost_proposals(roster_of(worker(), worker(hours=1040.0)), [proposal], sq)
    data = run_to_dict(run, workers=False)
    year = data["proposals"][0]["years"][0]
    assert (year["time_off"], year["hours_worked"]) == (240.0, 2988.0)
    assert year["time_off_cents_per_hour_worked"] == 8.0321
    assert year["wages_above_status_quo"] == 0.0
    assert data["base_year"]["rollup_components"] == [
        {"name": "Social Security", "rate": 0.062, "base_only": False, "amount": 3868.80}
    ]
    assert year["rollup_components"] == [
        # 6.2% of the $62,400 of wages and the $240 of time off bought back
        {"name": "Social Security", "rate": 0.062, "base_only": False, "amount": 3883.68,
         "above_status_quo": 14.88}
    ]  # fmt: skip
    assert data["proposals"][0]["term_total"]["percent_of_base_payroll_a_year"] == round(
        (240.0 + 14.88) / 62400 * 100, 4
    )
