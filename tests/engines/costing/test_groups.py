"""Workers paid alike are costed once per group: the grouped run gives every worker the numbers
they get costed on their own, and the numbers the worker-by-worker reference gives."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.roster import roster_from_frame, roster_from_rows
from caucus.engines.costing.terms import parse_terms
from tests.engines.costing import cases
from tests.engines.costing.reference import KEYS, reference_cost, workers_of

SQ = parse_terms(cases.status_quo())
UNION = parse_terms(cases.union_offer())
EMPLOYER = parse_terms(cases.employer_offer())

workers = st.fixed_dictionaries(
    {
        "classification": st.sampled_from(cases.CLASSES),
        "step": st.integers(min_value=1, max_value=5),
        "rate": st.sampled_from([18.0, 24.0, 26.5, 30.0, 33.0]),
        "fte": st.sampled_from([0.4, 1.0]),
        "region": st.sampled_from(cases.REGIONS),
        "unit": st.sampled_from(cases.UNITS),
        "local": st.sampled_from(cases.LOCALS),
        # hire dates either side of the terms' cut-offs (a lump sum for those hired before
        # 2025-01-01, the tier for those hired after 2026-07-01), some on the same anniversary
        "hire_date": st.sampled_from(
            [
                date(2010, 3, 1),
                date(2015, 3, 1),
                date(2024, 12, 31),
                date(2025, 1, 1),
                date(2024, 8, 1),
                date(2025, 8, 1),
                date(2026, 7, 1),
                date(2026, 8, 1),
            ]
        ),
    }
)


# one worker in each local, unit, region and classification, so every scope names someone
ANCHORS = [
    {
        "classification": c,
        "step": 1,
        "rate": 20.0,
        "fte": 1.0,
        "region": r,
        "unit": u,
        "local": local,
        "hire_date": date(2015, 3, 1),
    }
    for c, r, u, local in zip(
        cases.CLASSES, [*cases.REGIONS, "North"], cases.UNITS * 2, cases.LOCALS * 2, strict=True
    )
]


def _repeated(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each row twice, each hired a year later (same anniversary, maybe across a cut-off), the
    first again, and the anchors: a roster with workers to group and workers not to."""
    later = [{**r, "hire_date": r["hire_date"].replace(year=r["hire_date"].year + 1)} for r in rows]  # type: ignore[attr-defined]
    return [*rows, *rows, *later, rows[0], *ANCHORS]


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(workers, min_size=1, max_size=8))
def test_every_worker_costed_in_a_group_is_paid_as_when_costed_alone(
    rows: list[dict[str, object]],
) -> None:
    together = cost_proposals(roster_from_rows(_repeated(rows)), [UNION], SQ).proposals[0]
    for i, row in enumerate(_repeated(rows)):
        # the union offer has no profit sharing: no worker's pay depends on the others'
        alone = cost_proposals(roster_from_rows([row, *ANCHORS]), [UNION], SQ).proposals[0]
        assert together.pay[:, i] == pytest.approx(alone.pay[:, 0], abs=1e-6)
        assert together.status_quo_pay[:, i] == pytest.approx(alone.status_quo_pay[:, 0], abs=1e-6)
        assert together.change[:, i] == pytest.approx(alone.change[:, 0], abs=1e-6)


@settings(max_examples=15, deadline=None)
@given(rows=st.lists(workers, min_size=1, max_size=8), offer=st.sampled_from([UNION, EMPLOYER]))
def test_a_grouped_run_gives_the_reference_numbers_for_every_worker_and_year(
    rows: list[dict[str, object]], offer: object
) -> None:
    roster = roster_from_rows(_repeated(rows))
    result = cost_proposals(roster, [offer], SQ).proposals[0]  # type: ignore[list-item]
    expected = reference_cost(workers_of(roster), offer, SQ)  # type: ignore[arg-type]
    for k, year in enumerate(result.years):
        for key in KEYS:
            want = expected["totals"][key][k]  # type: ignore[index]
            assert getattr(year, key) == pytest.approx(want, rel=1e-9, abs=1e-6)
    assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)
    assert np.allclose(result.change, np.array(expected["change"]).T, atol=1e-6)


def test_a_large_generated_roster_is_costed_in_fewer_groups_than_workers() -> None:
    roster = cases.generated_roster(5000, seed=5)
    result = cost_proposals(roster, [EMPLOYER], SQ).proposals[0]
    assert result.group is not None
    assert result.pay_by_group.shape[1] < len(roster)
    assert result.pay.shape == (4, len(roster))


def test_one_workers_numbers_are_their_column_of_the_per_worker_arrays() -> None:
    roster = cases.generated_roster(300, seed=2)
    result = cost_proposals(roster, [UNION], SQ).proposals[0]
    for i in (0, 17, 299):
        pay, status_quo_pay, change = result.worker(i)
        assert pay.tolist() == result.pay[:, i].tolist()
        assert status_quo_pay.tolist() == result.status_quo_pay[:, i].tolist()
        assert change.tolist() == result.change[:, i].tolist()
    assert result.change_over_term().tolist() == result.change.sum(axis=0).tolist()


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(workers, min_size=1, max_size=12))
def test_workers_share_a_profile_exactly_when_every_costed_column_but_the_hire_date_agrees(
    rows: list[dict[str, object]],
) -> None:
    roster = roster_from_rows(rows)
    _, profile = roster.profiles
    for i, a in enumerate(rows):
        for j, b in enumerate(rows):
            hired_a, hired_b = a["hire_date"], b["hire_date"]
            assert isinstance(hired_a, date)
            assert isinstance(hired_b, date)
            alike = {k: v for k, v in a.items() if k != "hire_date"} == {
                k: v for k, v in b.items() if k != "hire_date"
            } and (hired_a.month, hired_a.day) == (hired_b.month, hired_b.day)
            assert (profile[i] == profile[j]) == alike


def test_hours_left_empty_for_some_workers_do_not_merge_them_with_others() -> None:
    frame = pl.DataFrame(
        {
            "classification": ["Porter"] * 3,
            "rate": [20.0] * 3,
            "fte": [1.0, 1.0, 1.0],
            "hours": [None, 2080.0, 1000.0],
            "hire_date": [date(2015, 3, 1) + timedelta(days=0)] * 3,
        }
    )
    roster = roster_from_frame(frame)
    _, profile = roster.profiles
    assert len(set(profile.tolist())) == 3


@settings(max_examples=8, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    offer=st.sampled_from([cases.union_offer, cases.employer_offer]),
    day_count=st.sampled_from(["actual", "30/360"]),
)
def test_wage_paths_found_per_group_match_the_reference_on_generated_rosters(
    seed: int, offer: object, day_count: str
) -> None:
    # rows alike but for their anniversaries share one costing of the year's pieces; a red
    # circle, mid-year raises, freezes and step moves all cut those pieces
    roster = cases.generated_roster(150, seed=seed)
    sq_terms = cases.status_quo()
    sq_terms["term"]["day_count"] = day_count
    sq = parse_terms(sq_terms)
    proposal = parse_terms(offer())  # type: ignore[operator]
    result = cost_proposals(roster, [proposal], sq).proposals[0]
    expected = reference_cost(workers_of(roster), proposal, sq)
    for k, year in enumerate(result.years):
        assert year.total == pytest.approx(expected["totals"]["total"][k], rel=1e-9)  # type: ignore[index]
    assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)
    assert np.allclose(result.change, np.array(expected["change"]).T, atol=1e-6)


@pytest.mark.parametrize("formula", ["equal", "hours", "pay"])
def test_profit_sharing_by_each_formula_matches_the_reference(formula: str) -> None:
    offer = cases.employer_offer()
    offer["profit_sharing"]["formula"] = formula
    roster = cases.generated_roster(150, seed=4)
    proposal = parse_terms(offer)
    result = cost_proposals(roster, [proposal], SQ).proposals[0]
    expected = reference_cost(workers_of(roster), proposal, SQ)
    for k, year in enumerate(result.years):
        for key in KEYS:
            want = expected["totals"][key][k]  # type: ignore[index]
            assert getattr(year, key) == pytest.approx(want, rel=1e-9)
    assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)


def test_proposals_costed_together_share_the_status_quo_and_match_the_reference() -> None:
    # one term, two workforce assumptions: the status quo's wage paths serve both
    roster = cases.generated_roster(150, seed=9)
    union, employer = cost_proposals(roster, [UNION, EMPLOYER], SQ).proposals
    for result, terms in ((union, UNION), (employer, EMPLOYER)):
        expected = reference_cost(workers_of(roster), terms, SQ)
        for k, year in enumerate(result.years):
            for key in KEYS:
                want = expected["totals"][key][k]  # type: ignore[index]
                assert getattr(year, key) == pytest.approx(want, rel=1e-9)
            want_sq = expected["sq_totals"]["total"][k]  # type: ignore[index]
            assert year.status_quo_total == pytest.approx(want_sq, rel=1e-9)
        assert np.allclose(result.pay, np.array(expected["pay"]).T, atol=1e-6)
        assert np.allclose(result.change, np.array(expected["change"]).T, atol=1e-6)
