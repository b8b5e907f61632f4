"""The list of runs, and a run the engine refused while costing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.costing.models import CostingRun
from tests.costing.helpers import finished_run, make_proposals, make_roster, start_run

pytestmark = pytest.mark.django_db


def test_the_list_shows_each_run_and_how_to_start_one(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    page = cast.client("admin").get(reverse("costing:list")).content.decode()
    assert f'href="{reverse("costing:run", args=[run.pk])}">Wages</a>' in page
    assert "Members of every union" in page
    assert "Done" in page
    assert "New costing run for National Agreement 2026" in page


def test_a_run_the_engine_refuses_fails_naming_the_field_and_keeps_no_results(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_roster(world)
    union, _ = make_proposals(world)
    union.economic_terms = {
        **union.economic_terms,
        "scales": [{"classification": "Clerk", "rates": [21.0, 22.5, 24.0]}],
    }
    union.save()
    # today's contract given without a scale: the proposal's new scale has nothing to replace
    with django_capture_on_commit_callbacks(execute=True):
        start_run(cast.client("team"), world, [union], status_quo_terms='{"rollup": {"rate": 0.1}}')
    run = CostingRun.objects.get()
    assert run.status == CostingRun.Status.FAILED
    assert run.errors == ["scales: 'Clerk' has no status-quo scale to replace"]
    assert run.summary is None
    assert not run.workbook
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    assert "scales: &#x27;Clerk&#x27; has no status-quo scale to replace" in page
    assert "Download the workbook" not in page
    assert cast.client("team").get(reverse("costing:export", args=[run.pk])).status_code == 404


def test_proposals_over_different_terms_are_flagged(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_roster(world)
    union, employer = make_proposals(world)
    employer.economic_terms = {
        "term": {"start": "2027-01-01", "years": 2},
        "raises": [{"effective": "2027-01-01", "percent": 2.0}],
    }
    employer.save()
    with django_capture_on_commit_callbacks(execute=True):
        start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    assert "These proposals run over different terms" in page
    assert "Union: Wages: 4% a year: 3 years from 2027-01-01" in page
    assert '<td colspan="4">—</td>' in page  # the employer has no third year
