"""Starting a costing run: the roster and proposals are frozen, the task costs them with the
engine, and the results are the engine's own on the same input."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.costing.models import CostingRun
from caucus.engines.costing.json_format import run_to_dict
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.roster import roster_from_rows
from caucus.engines.costing.terms import parse_terms
from tests.costing.helpers import (
    EMPLOYER_TERMS,
    SCALE,
    UNION_TERMS,
    engine_rows,
    make_proposals,
    make_roster,
    start_run,
)

pytestmark = pytest.mark.django_db


def test_a_run_of_the_members_is_costed_in_the_background(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_roster(world)
    union, employer = make_proposals(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    assert response["Location"] == reverse("costing:run", args=[run.pk])
    assert run.status == CostingRun.Status.DONE
    assert run.progress_percent == 100
    assert run.workers == 7
    assert run.labels() == ["Union: Wages: 4% a year", "Employer: Wages: 2% a year, South frozen"]
    assert run.status_quo_terms == {"scales": [{"classification": "Clerk", "rates": SCALE}]}
    assert AuditEvent.objects.filter(action="costing.run_create", object_id=str(run.pk)).exists()


def test_the_results_are_the_engines_on_the_same_roster_and_terms(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_roster(world)
    union, employer = make_proposals(world)
    with django_capture_on_commit_callbacks(execute=True):
        start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    expected = run_to_dict(
        cost_proposals(
            roster_from_rows(engine_rows(world)),
            [
                parse_terms({**UNION_TERMS, "name": "Union: Wages: 4% a year"}),
                parse_terms({**EMPLOYER_TERMS, "name": "Employer: Wages: 2% a year, South frozen"}),
            ],
            parse_terms(
                {"name": "Status quo", "scales": [{"classification": "Clerk", "rates": SCALE}]}
            ),
        ),
        workers=False,
    )
    got = run.summary
    assert got["base_year"] == expected["base_year"]
    for mine, theirs in zip(got["proposals"], expected["proposals"], strict=True):
        assert mine["years"] == theirs["years"]
        assert mine["term_total"] == theirs["term_total"]
        assert mine["groups"] == theirs["groups"]


def test_the_result_page_shows_who_loses_under_the_employers_proposal(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_roster(world)
    union, employer = make_proposals(world)
    with django_capture_on_commit_callbacks(execute=True):
        start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    employer_result = run.summary["proposals"][1]
    assert run.summary["proposals"][0]["losers"] == 0
    assert employer_result["losers"] > 0
    assert f"{employer_result['losers']} of 7 workers" in page
    assert "Who loses under Employer: Wages: 2% a year, South frozen" in page
    assert 'id="years-chart"' in page
    assert 'id="histogram-chart-data"' in page
    assert "Losers by classification" in page


def test_the_task_reports_progress_while_it_runs(cast: Any, world: Any, monkeypatch: Any) -> None:
    from caucus.costing import tasks

    make_roster(world)
    union, employer = make_proposals(world)
    seen: list[tuple[str, int, int, str]] = []
    real = tasks.cost_proposals

    def watching(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def spy(done: int, total: int, stage: str) -> None:
            progress(done, total, stage)  # what the polling page reads, after each call
            seen.append(
                CostingRun.objects.values_list("status", "rows_done", "rows_total", "stage").get()
            )

        return real(*args, progress=spy, **kwargs)

    monkeypatch.setattr(tasks, "cost_proposals", watching)
    start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    assert run.status == CostingRun.Status.QUEUED
    progress = cast.client("team").get(reverse("costing:progress", args=[run.pk]))
    assert b'<progress id="run-bar"' in progress.content
    tasks.run_costing(run.pk)
    # one engine call for both proposals, reporting each one costed
    assert seen == [
        ("running", 0, 2, "Costing Union: Wages: 4% a year"),
        ("running", 1, 2, "Costing Employer: Wages: 2% a year, South frozen"),
        ("running", 2, 2, "Costed"),
    ]
    polled = cast.client("team").get(
        reverse("costing:progress", args=[run.pk]), HTTP_HX_REQUEST="true"
    )
    assert polled.status_code == 204
    assert polled["HX-Refresh"] == "true"


def test_the_results_show_while_the_workbook_is_still_being_written(
    cast: Any, world: Any, monkeypatch: Any
) -> None:
    from caucus.costing import tasks

    make_roster(world)
    union, employer = make_proposals(world)
    start_run(cast.client("team"), world, [union, employer])
    run = CostingRun.objects.get()
    pages: list[str] = []
    real = tasks.write_xlsx

    def slow_writer(*args: Any, **kwargs: Any) -> None:
        pages.append(
            cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
        )
        real(*args, **kwargs)

    monkeypatch.setattr(tasks, "write_xlsx", slow_writer)
    tasks.run_costing(run.pk)
    assert "The workbook (XLSX) is being written" in pages[0]
    assert "Who loses under Employer" in pages[0]
    after = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    assert "Download the workbook (XLSX)" in after
