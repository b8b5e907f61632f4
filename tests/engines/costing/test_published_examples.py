"""Worked examples from union costing guides, reproduced to the cent."""

from __future__ import annotations

import pytest

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.terms import parse_terms
from tests.engines.costing.cases import roster_of, worker


def _payroll_unit(workers: int = 100, hours: float = 1000.0, rate: float = 10.0):  # type: ignore[no-untyped-def]
    return roster_of(*[worker(rate=rate, hours=hours) for _ in range(workers)])


def test_weighted_average_base_rate_of_the_four_grade_unit_is_13_50() -> None:
    """ "An Introduction to Costing a Collective Bargaining Agreement" (training slides,
    step 1, "Determine the Weighted Average Base Rate"): 25 x $12.00, 30 x $12.50, 15 x $13.00
    and 50 x $15.00 make $1,620 an hour for 120 members, a WABR of $13.50."""
    grades = [(25, 12.00), (30, 12.50), (15, 13.00), (50, 15.00)]
    roster = roster_of(*[worker(rate=rate) for count, rate in grades for _ in range(count)])
    base = cost_proposals(roster, [parse_terms({"term": {"start": "2026-01-01", "years": 1}})]).base
    assert base.workers == 120
    assert round(base.payroll / 2080, 2) == 1620.00
    assert round(base.weighted_average_rate, 2) == 13.50


def test_three_raises_of_three_percent_cost_30000_60900_92727_over_the_base_year() -> None:
    """AFSCME "Costing 101" (slides "Use New Increased Payroll As Base" and "Cost Is
    Cumulative"): 3% a year on a $1,000,000 payroll costs $30,000, $60,900 and $92,727 over the
    base year, 9.27% compounded by the third year."""
    terms = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 3},
            "raises": [{"effective": f"{2026 + k}-01-01", "percent": 3.0} for k in range(3)],
        }
    )
    run = cost_proposals(_payroll_unit(), [terms])
    assert run.base.payroll == pytest.approx(1_000_000.00, abs=0.005)
    assert [round(y.above_base, 2) for y in run.proposals[0].years] == [
        30000.00,
        60900.00,
        92727.00,
    ]
    assert round(run.proposals[0].years[-1].lift_percent, 2) == 9.27


def test_cost_of_one_percent_and_of_thirty_cents_an_hour_is_30000() -> None:
    """AFSCME "Costing 101" ("Costing Wage Increases"): 3% x $1,000,000 = $30,000 and
    $0.30 x 100,000 hours = $30,000."""
    unit = _payroll_unit()
    cents = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 1},
            "raises": [{"effective": "2026-01-01", "cents": 30}],
        }
    )
    run = cost_proposals(unit, [cents])
    assert round(run.base.cost_of_one_percent, 2) == 10000.00
    assert round(run.proposals[0].years[0].above_base, 2) == 30000.00
    assert round(run.proposals[0].years[0].cents_per_hour, 2) == 30.00


def test_flat_bonus_of_750_to_40_workers_costs_30000_and_leaves_the_base() -> None:
    """AFSCME "Costing 101" ("Costing Bonuses"): $750 x 40 workers = $30,000; bonuses are not
    cumulative, so the next year's cost and the lift are nothing."""
    unit = _payroll_unit(workers=40)
    terms = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 2},
            "lump_sums": [{"paid": "2026-06-01", "amount": 750.0}],
        }
    )
    first, second = cost_proposals(unit, [terms]).proposals[0].years
    assert round(first.above_base, 2) == 30000.00
    assert round(second.above_base, 2) == 0.00
    assert round(first.lift, 2) == 0.00


def test_roll_up_of_17_15_percent_adds_5145_to_a_30000_raise() -> None:
    """AFSCME "Costing 101" ("Roll-Up Components"): Social Security 6.20%, Medicare 1.45%,
    pension 6.00%, unemployment 1.50%, workers' comp 1.50%, life 0.50% total 17.15% of payroll,
    which on the $30,000 first-year raise is $5,145."""
    rollup = {"rate": 0.0620 + 0.0145 + 0.0600 + 0.0150 + 0.0150 + 0.0050}
    sq = parse_terms({"rollup": rollup})
    terms = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 1},
            "raises": [{"effective": "2026-01-01", "percent": 3.0}],
        }
    )
    run = cost_proposals(_payroll_unit(), [terms], sq)
    year = run.proposals[0].years[0]
    assert round(year.rollup - run.base.rollup, 2) == 5145.00
    assert round(year.above_base, 2) == 35145.00


def test_front_and_end_loaded_raises_reach_the_same_10_61_but_front_loading_pays_more() -> None:
    """AFSCME "Costing 101" (front- vs back-loading): $10.00 raised 4% then 2%, or 2% then 4%,
    both end at $10.61; only the cash paid on the way differs."""
    unit = _payroll_unit(workers=1, hours=2080.0)

    def offer(first: float, second: float):  # type: ignore[no-untyped-def]
        return parse_terms(
            {
                "name": f"{first}+{second}",
                "term": {"start": "2026-01-01", "years": 2},
                "raises": [
                    {"effective": "2026-01-01", "percent": first},
                    {"effective": "2027-01-01", "percent": second},
                ],
            }
        )

    front, end = cost_proposals(unit, [offer(4.0, 2.0), offer(2.0, 4.0)]).proposals
    assert (
        round(front.years[-1].end_payroll / 2080, 2)
        == round(end.years[-1].end_payroll / 2080, 2)
        == 10.61
    )
    assert front.term.total > end.term.total


def test_six_percent_on_july_first_costs_three_percent_that_year_and_lifts_six() -> None:
    """Massachusetts Nurses Association, "Contract Costing Terminology and Concepts"
    (Annualizing wage increases): 6% applied July 1 of a January year is worth 3% in the year;
    counted in months (30/360), as the guide does."""
    terms = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 1, "day_count": "30/360"},
            "raises": [{"effective": "2026-07-01", "percent": 6.0}],
        }
    )
    year = cost_proposals(_payroll_unit(), [terms]).proposals[0].years[0]
    assert round(year.above_base, 2) == 30000.00
    assert round(year.percent_of_base_payroll, 2) == 3.00
    assert round(year.lift_percent, 2) == 6.00


AFSCME_COMPONENTS = [
    {"name": "Social Security", "rate": 0.0620},
    {"name": "Medicare", "rate": 0.0145},
    {"name": "Pension", "rate": 0.0600, "base_only": True},
    {"name": "Unemployment insurance", "rate": 0.0150, "base_only": True},
    {"name": "Workers' compensation", "rate": 0.0150, "base_only": True},
    {"name": "Life insurance", "rate": 0.0050, "base_only": True},
]


def test_base_only_roll_up_components_add_5145_to_the_raise_and_2295_to_the_bonus() -> None:
    """AFSCME "Costing 101" ("Roll-Up Components"): the same 17.15% as components, pension,
    unemployment insurance, workers' comp and life insurance marked "base only". On the
    $30,000 first-year raise every component rolls up: $5,145 (Social Security $1,860,
    Medicare $435, pension $1,800, UI $450, workers' comp $450, life $150). On the $30,000
    bonus ($750 x 40, "Costing Bonuses") only the two that are not base-only do, 7.65%:
    $2,295. (The slides give the components and their marks; the $2,295 follows from them.)"""
    sq = parse_terms({"rollup": {"components": AFSCME_COMPONENTS}})
    raise_ = parse_terms(
        {
            "name": "raise",
            "term": {"start": "2026-01-01", "years": 1},
            "raises": [{"effective": "2026-01-01", "percent": 3.0}],
        }
    )
    year = cost_proposals(_payroll_unit(), [raise_], sq).proposals[0].years[0]
    parts = {c.name: round(c.above_status_quo, 2) for c in year.rollup_components}
    assert parts == {
        "Social Security": 1860.00,
        "Medicare": 435.00,
        "Pension": 1800.00,
        "Unemployment insurance": 450.00,
        "Workers' compensation": 450.00,
        "Life insurance": 150.00,
    }
    assert round(year.rollup - cost_proposals(_payroll_unit(), [raise_], sq).base.rollup, 2) == (
        5145.00
    )
    bonus = parse_terms(
        {
            "name": "bonus",
            "term": {"start": "2026-01-01", "years": 1},
            "lump_sums": [{"paid": "2026-06-01", "amount": 750.0}],
        }
    )
    year = cost_proposals(_payroll_unit(workers=40), [bonus], sq).proposals[0].years[0]
    assert round(year.lump_sums, 2) == 30000.00
    assert round(year.above_status_quo - year.lump_sums, 2) == 2295.00


def test_three_raises_of_three_percent_average_6_12_percent_a_year_over_the_term() -> None:
    """AFSCME "Costing 101" again: $30,000 + $60,900 + $92,727 = $183,627 over the three
    years, 18.36% of one year's $1,000,000 payroll, or 6.12% a year on average: the term's
    percent is the average a year (``percent_of_base_payroll_a_year``), not a term total."""
    terms = parse_terms(
        {
            "term": {"start": "2026-01-01", "years": 3},
            "raises": [{"effective": f"{2026 + k}-01-01", "percent": 3.0} for k in range(3)],
        }
    )
    whole = cost_proposals(_payroll_unit(), [terms]).proposals[0].term
    assert round(whole.above_base, 2) == 183627.00
    assert round(whole.percent_of_base_payroll_a_year, 2) == 6.12
    assert whole.percent_of_base_payroll == whole.percent_of_base_payroll_a_year
    assert round(whole.wages_above_base, 2) == 183627.00
