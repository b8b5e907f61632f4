"""Invariants of the cost model, checked on generated rosters and terms (hypothesis), and the
engine checked against the pure-Python reference on every kind of term at once."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.terms import parse_terms
from tests.engines.costing import cases
from tests.engines.costing.reference import KEYS, reference_cost, workers_of

rates = st.floats(min_value=10.0, max_value=80.0, allow_nan=False)
percents = st.floats(min_value=0.0, max_value=15.0, allow_nan=False)
days = st.integers(min_value=0, max_value=364)
hires = st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31))
SQ = parse_terms(cases.status_quo(start="2026-01-01", years=2))


def one_raise(percent: float, effective: date, years: int = 2) -> dict[str, object]:
    return {
        "term": {"start": "2026-01-01", "years": years},
        "raises": [{"effective": effective.isoformat(), "percent": percent}],
    }


def roster_from(rate: float, hired: date, step: int = 2, count: int = 1):  # type: ignore[no-untyped-def]
    row = cases.worker(classification="Nurse", step=step, rate=rate, hire_date=hired.isoformat())
    return cases.roster_of(*[dict(row) for _ in range(count)])


@settings(max_examples=40, deadline=None)
@given(rate=rates, hired=hires, offset=days)
def test_a_zero_percent_raise_costs_nothing(rate: float, hired: date, offset: int) -> None:
    terms = parse_terms(one_raise(0.0, date(2026, 1, 1) + timedelta(days=offset)))
    result = cost_proposals(roster_from(rate, hired), [terms], SQ).proposals[0]
    assert result.term.above_status_quo == pytest.approx(0.0, abs=1e-6)
    assert np.allclose(result.change, 0.0)


@settings(max_examples=30, deadline=None)
@given(rate=rates, hired=hires, percent=percents, count=st.integers(min_value=2, max_value=40))
def test_cost_is_linear_in_the_headcount_of_identical_workers(
    rate: float, hired: date, percent: float, count: int
) -> None:
    terms = parse_terms(one_raise(percent, date(2026, 5, 1)))
    one = cost_proposals(roster_from(rate, hired), [terms], SQ).proposals[0]
    many = cost_proposals(roster_from(rate, hired, count=count), [terms], SQ).proposals[0]
    assert many.term.above_status_quo == pytest.approx(
        count * one.term.above_status_quo, rel=1e-9, abs=1e-6
    )
    assert many.term.total == pytest.approx(count * one.term.total, rel=1e-9)


@settings(max_examples=30, deadline=None)
@given(rate=rates, hired=hires, percent=st.floats(min_value=0.5, max_value=15.0))
def test_a_raise_on_the_last_day_costs_almost_nothing_that_year_but_its_full_lift_after(
    rate: float, hired: date, percent: float
) -> None:
    terms = parse_terms(one_raise(percent, date(2026, 12, 31)))
    first, second = cost_proposals(roster_from(rate, hired, step=5), [terms], SQ).proposals[0].years
    full = rate * 2080 * percent / 100
    assert 0 < first.above_status_quo <= full / 365 * (1 + SQ.rollup.rate) + 1e-9
    assert second.above_status_quo == pytest.approx(full * (1 + SQ.rollup.rate))
    assert first.lift == pytest.approx(full)


@settings(max_examples=40, deadline=None)
@given(
    rate=rates,
    hired=hires,
    low=percents,
    more=st.floats(min_value=0.0, max_value=10.0),
    offset=days,
)
def test_more_raise_never_costs_less(
    rate: float, hired: date, low: float, more: float, offset: int
) -> None:
    effective = date(2026, 1, 1) + timedelta(days=offset)
    small = parse_terms({**one_raise(low, effective), "name": "small"})
    large = parse_terms({**one_raise(low + more, effective), "name": "large"})
    a, b = cost_proposals(roster_from(rate, hired), [small, large], SQ).proposals
    for year_a, year_b in zip(a.years, b.years, strict=True):
        assert year_b.total >= year_a.total - 1e-9
    assert (b.change >= a.change - 1e-9).all()


@pytest.mark.parametrize("offer", [cases.union_offer, cases.employer_offer])
def test_engine_matches_the_worker_by_worker_reference_on_every_kind_of_term(offer) -> None:  # type: ignore[no-untyped-def]
    roster = cases.generated_roster(150, seed=3)
    sq, proposal = parse_terms(cases.status_quo()), parse_terms(offer())
    result = cost_proposals(roster, [proposal], sq).proposals[0]
    expected = reference_cost(workers_of(roster), proposal, sq)
    for k, year in enumerate(result.years):
        for key in KEYS:
            assert getattr(year, key) == pytest.approx(expected["totals"][key][k], rel=1e-9)  # type: ignore[index]
        assert year.status_quo_total == pytest.approx(expected["sq_totals"]["total"][k], rel=1e-9)  # type: ignore[index]
    assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)
    assert np.allclose(result.change, np.array(expected["change"]).T, atol=1e-6)


def test_engine_matches_the_reference_on_floors_time_off_and_a_roll_up_by_component() -> None:
    roster = cases.generated_roster(150, seed=5)
    sq = parse_terms(cases.status_quo_with_time_off())
    proposal = parse_terms(cases.floors_and_leave_offer())
    result = cost_proposals(roster, [proposal], sq).proposals[0]
    expected = reference_cost(workers_of(roster), proposal, sq)
    totals, sq_totals = expected["totals"], expected["sq_totals"]
    for k, year in enumerate(result.years):
        for key in KEYS:
            assert getattr(year, key) == pytest.approx(totals[key][k], rel=1e-9)  # type: ignore[index]
        assert year.hours_off == pytest.approx(totals["hours_off"][k], rel=1e-9)  # type: ignore[index]
        assert year.status_quo_total == pytest.approx(sq_totals["total"][k], rel=1e-9)  # type: ignore[index]
    # the offer's holiday, vacation and floors all cost something, and the time off is valued
    assert result.term.time_off > 0
    assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)
    assert np.allclose(result.change, np.array(expected["change"]).T, atol=1e-6)
