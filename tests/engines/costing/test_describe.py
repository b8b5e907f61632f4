"""Economic terms read in plain words, and the amounts a proposal's text names that its terms
do not cost."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.costing.describe import (
    describe_terms,
    named_amounts,
    terms_in_words,
    uncosted_amounts,
)
from caucus.engines.costing.terms import parse_terms

TERM = {"start": "2026-04-01", "years": 3}


def words(data: dict[str, Any]) -> str:
    return terms_in_words(parse_terms(data))


def test_raises_read_as_percent_and_date_in_order() -> None:
    data = {
        "term": TERM,
        "raises": [
            {"effective": "2027-04-01", "percent": 3},
            {"effective": "2028-04-01", "percent": 2.5},
        ],
    }
    assert words(data) == (
        "A 3-year contract from April 1, 2026; 3% on April 1, 2027; 2.5% on April 1, 2028."
    )


def test_a_raise_with_a_floor_and_a_cap_names_both_per_hour() -> None:
    data = {
        "raises": [{"effective": "2027-04-01", "percent": 3, "floor_cents": 75, "cap_cents": 150}]
    }
    assert describe_terms(parse_terms(data)) == [
        "3% (at least 75¢ an hour and at most $1.50 an hour) on April 1, 2027"
    ]


def test_a_cents_raise_and_a_cut_read_per_hour() -> None:
    data = {
        "raises": [
            {"effective": "2027-04-01", "cents": 50},
            {"effective": "2028-04-01", "cents": -125},
            {"effective": "2029-04-01", "percent": -2},
        ]
    }
    assert describe_terms(parse_terms(data)) == [
        "50¢ an hour on April 1, 2027",
        "a cut of $1.25 an hour on April 1, 2028",
        "a cut of 2% on April 1, 2029",
    ]


def test_a_scoped_raise_names_who_it_reaches() -> None:
    data = {
        "raises": [
            {
                "effective": "2027-04-01",
                "percent": 1,
                "where": {"classification": ["Nurse", "Tech"], "region": "North"},
            },
            {"effective": "2027-04-01", "cents": 25, "where": {"local": "34"}},
        ]
    }
    assert describe_terms(parse_terms(data)) == [
        "1% on April 1, 2027 for Nurse and Tech in the North region",
        "25¢ an hour on April 1, 2027 for workers in local 34",
    ]


def test_a_lump_sum_names_who_is_paid_it() -> None:
    data = {
        "lump_sums": [
            {"paid": "2026-12-01", "amount": 1000, "hired_before": "2026-01-01"},
            {"paid": "2027-12-01", "percent": 2, "min_fte": 0.5, "prorate_fte": True},
        ]
    }
    assert describe_terms(parse_terms(data)) == [
        "a $1,000 lump sum on December 1, 2026 to everyone hired before January 1, 2026",
        "a lump sum of 2% of a year's pay on December 1, 2027 to everyone at 0.5 FTE or more, "
        "prorated by FTE",
    ]


def test_profit_sharing_differentials_health_and_roll_up_in_words() -> None:
    data = {
        "profit_sharing": {"pools": [0, 200000], "formula": "hours", "minimum": 250},
        "differentials": [{"name": "night", "share_of_hours": 0.2, "cents": 150}],
        "health": {"monthly_premium": 900, "employer_share": 0.8, "premium_growth": 0.06},
        "rollup": {"rate": 0.1715, "on_lump_sums": 0.0765},
    }
    assert describe_terms(parse_terms(data)) == [
        "profit sharing: pools of $0 and $200,000 (years 1–2), shared by hours worked, "
        "at least $250 to each worker",
        "a night differential of $1.50 an hour (on 20% of hours)",
        "the employer pays 80% of a $900.00 monthly health premium (premiums growing 6% a year)",
        "roll-up costs of 17.15% of wages (7.65% of lump sums)",
    ]


def test_a_floor_costed_as_new_scales_reads_as_the_rate_after_that_days_raise() -> None:
    # $19.50 / 1.06 = 18.396…, set as $18.40 so that the 6% raise that day brings it to $19.50.
    data = {
        "term": TERM,
        "raises": [{"effective": "2026-04-01", "percent": 6}],
        "steps": {
            "scales": [
                {"classification": "Barista", "effective": "2026-04-01", "rates": [18.40, 19.00]},
                {"classification": "Cafe Attendant", "effective": "2026-04-01", "rates": [18.40]},
            ]
        },
    }
    assert describe_terms(parse_terms(data))[-1] == (
        "from April 1, 2026, new rates for Barista $18.40 to $19.00 an hour (2 steps) and "
        "Cafe Attendant $18.40 an hour, none below $19.50 once that day's raise applies"
    )


def test_steps_frozen_a_tier_and_a_freeze_in_words() -> None:
    data = {
        "steps": {"movement": False},
        "new_hire_tier": {
            "hired_after": "2026-04-01",
            "scales": [{"classification": "Barista", "rates": [16.0, 17.0]}],
        },
        "freezes": [
            {"start": "2026-04-01", "end": "2027-03-31", "where": {"region": ["CA", "NE"]}}
        ],
    }
    assert describe_terms(parse_terms(data)) == [
        "no step increases",
        "workers hired after April 1, 2026 paid on a separate scale: "
        "Barista $16.00 to $17.00 an hour (2 steps)",
        "no raises from April 1, 2026 to March 31, 2027 for workers in the CA and NE regions",
    ]


def test_every_section_set_gives_at_least_one_phrase() -> None:
    data = {
        "term": TERM,
        "scales": [{"classification": "Nurse", "rates": [30.0, 31.5]}],
        "raises": [{"effective": "2026-04-01", "percent": 1}],
        "steps": {"movement": True},
        "new_hire_tier": {"hired_after": "2026-04-01", "scales": []},
        "freezes": [{"start": "2026-04-01", "end": "2026-05-01"}],
        "red_circles": [{"market_rate": 26, "effective": "2026-05-01"}],
        "lump_sums": [{"paid": "2026-05-01", "amount": 100}],
        "profit_sharing": {"pools": [1000]},
        "differentials": [{"share_of_hours": 0.1, "percent": 5}],
        "health": {"monthly_premium": 500, "employer_share": 1.0},
        "rollup": {"rate": 0.1},
    }
    assert len(describe_terms(parse_terms(data))) == 12


def test_no_terms_read_as_nothing() -> None:
    assert words({}) == ""


def test_money_and_percentages_are_found_as_written() -> None:
    text = (
        "Six percent (6%), then 2.5 percent; no rate below $19.25; a $1,000 bonus; 50¢; 75 cents."
    )
    assert [(a.kind, str(a.value), a.shown) for a in named_amounts(text)] == [
        ("percent", "6", "6%"),
        ("percent", "2.5", "2.5 percent"),
        ("money", "19.25", "$19.25"),
        ("money", "1000.0", "$1,000"),
        ("money", "0.5", "50¢"),
        ("money", "0.75", "75 cents"),
    ]


def test_a_floor_the_terms_do_not_cost_is_named() -> None:
    terms = parse_terms(
        {
            "term": TERM,
            "raises": [
                {"effective": "2026-04-01", "percent": 3},
                {"effective": "2027-04-01", "percent": 2.5},
            ],
        }
    )
    text = "14.2 Rates increase by 3% and then 2.5%. No rate shall be below $19.25."
    assert uncosted_amounts(text, terms) == ["$19.25"]


def test_a_floor_costed_by_scales_is_not_named() -> None:
    terms = parse_terms(
        {
            "raises": [{"effective": "2026-04-01", "percent": 6}],
            "steps": {
                "scales": [
                    {"classification": "Barista", "effective": "2026-04-01", "rates": [18.40]}
                ]
            },
        }
    )
    assert uncosted_amounts("6%, and no rate below nineteen fifty ($19.50).", terms) == []


def test_lump_sums_cents_and_health_shares_count_as_costed() -> None:
    terms = parse_terms(
        {
            "raises": [{"effective": "2026-04-01", "cents": 50}],
            "lump_sums": [{"paid": "2026-05-01", "amount": 1000}],
            "health": {"monthly_premium": 900, "employer_share": 0.85},
        }
    )
    text = "50 cents ($0.50) an hour, a $1,000.00 bonus; the employer pays 85% (you pay 15%)."
    assert uncosted_amounts(text, terms) == []


def test_without_terms_every_amount_is_named_once() -> None:
    assert uncosted_amounts("3% now, 3% later and $500.", None) == ["3%", "$500"]


def test_text_without_amounts_names_nothing() -> None:
    assert uncosted_amounts("Schedules shall be posted eighteen (18) days ahead.", None) == []


@given(st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False))
def test_a_lump_sum_of_any_amount_costs_that_amount_as_written(amount: Any) -> None:
    terms = parse_terms({"lump_sums": [{"paid": "2026-05-01", "amount": float(amount)}]})
    assert uncosted_amounts(f"A lump sum of ${amount:,.2f}.", terms) == []
    assert uncosted_amounts(f"A lump sum of ${amount + 1:,.2f}.", terms) == [f"${amount + 1:,.2f}"]


def test_a_minimum_rate_reads_as_a_floor_and_costs_its_amount() -> None:
    terms = parse_terms(
        {"term": TERM, "minimum_rates": [{"rate": 19.25, "effective": "2026-04-01"}]}
    )
    assert describe_terms(terms)[-1] == "no rate below $19.25 from April 1, 2026"
    assert uncosted_amounts("No rate shall be below $19.25.", terms) == []


def test_holidays_and_vacation_read_in_hours_and_weeks() -> None:
    terms = parse_terms(
        {
            "term": TERM,
            "holidays": [{"hours": 8}],
            "vacation": [{"weeks": 3, "min_years": 5}],
        }
    )
    assert describe_terms(terms)[1:] == [
        "8 hours of paid holidays a year",
        "3 weeks of vacation a year after 5 years of service",
    ]
