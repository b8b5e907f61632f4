"""The result page: year-by-year table and chart data, the histogram, region by local, losers;
its query count is pinned."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from caucus.costing.actions import do_create_run
from caucus.costing.tasks import run_costing
from tests.costing.helpers import SCALE, finished_run, make_proposals, make_roster

pytestmark = pytest.mark.django_db


def test_the_result_page_runs_a_fixed_number_of_queries(
    cast: Any, world: Any, django_assert_num_queries: Any
) -> None:
    run = finished_run(cast, world)
    client = cast.client("team")
    client.get(reverse("costing:run", args=[run.pk]))
    # user, OTP device, role grants (the session is read from the cache), the run (with negotiation,
    # union, creator), the employer's figures
    with django_assert_num_queries(5):
        response = client.get(reverse("costing:run", args=[run.pk]))
    assert response.status_code == 200


def test_the_chart_data_matches_the_table(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    response = cast.client("team").get(reverse("costing:run", args=[run.pk]))
    page = response.content.decode()
    marker = '<script id="years-chart-data" type="application/json">'
    start = page.index(marker) + len(marker)
    chart = json.loads(page[start : page.index("</script>", start)])
    assert [d["label"] for d in chart["datasets"]] == [
        "Status quo",
        "Union: Wages: 4% a year",
        "Employer: Wages: 2% a year, South frozen",
    ]
    union_year_1 = run.summary["proposals"][0]["years"][0]["total"]
    assert chart["datasets"][1]["data"][0] == union_year_1
    assert f"${union_year_1:,.0f}" in page


def test_the_region_by_local_table_prints_numbers_not_only_colour(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    employer = run.summary["proposals"][1]
    south = run.summary["regions"].index("South")
    local_b = run.summary["locals"].index("Local B")
    cell = employer["matrix"][south][local_b]
    assert cell["workers"] == 1
    assert cell["losers"] == 1
    assert f"{cell['losers']} of {cell['workers']} lose" in page
    assert "hsl(0 70%" in page  # a loss is shaded red as well


def test_the_histogram_counts_every_worker_once(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    for proposal in run.summary["proposals"]:
        assert sum(proposal["histogram"]["counts"]) == run.workers
        assert 0.0 in proposal["histogram"]["edges"]


def test_the_result_page_shows_wages_alone_time_off_and_each_roll_up_component(
    cast: Any, world: Any
) -> None:
    make_roster(world)
    union, _ = make_proposals(world)
    union.economic_terms = {**union.economic_terms, "holidays": [{"hours": 8.0}]}
    union.save()
    status_quo = {
        "scales": [{"classification": "Clerk", "rates": SCALE}],
        "rollup": {
            "components": [
                {"name": "Social Security", "rate": 0.062},
                {"name": "Pension", "rate": 0.06, "base_only": True},
            ]
        },
    }
    run = do_create_run(
        cast["team"], world.negotiation, name="Time off", proposals=[union],
        status_quo_terms=status_quo,
    )  # fmt: skip
    run_costing(run.pk)
    run.refresh_from_db()
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    year = run.summary["proposals"][0]["years"][0]
    # One 8-hour holiday on 6.25 FTE (1 + 0.5 + 1 + 0.75 + 1 + 1, and Mara's 1): 50 hours off.
    assert year["hours_off"] == 50.0
    assert 'id="wages-alone"' in page
    assert 'id="time-off"' in page
    assert "<td>50</td>" in page
    assert 'id="rollup-components"' in page
    assert 'Pension <span class="muted">(base pay only)</span>' in page
    assert "<td>6.00%</td>" in page


def test_the_result_page_reports_wages_alone_beside_total_compensation(
    cast: Any, world: Any
) -> None:
    run = finished_run(cast, world)
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    wages = page[page.index('<table class="numbers" id="wages-alone">') :]
    wages = wages[: wages.index("</table>")]
    assert "Wages alone, above today's contract" in wages
    for column in ("Wages above status quo", "% of base payroll", "Cents per hour"):
        assert f'<th scope="col">{column}</th>' in wages
    year_1 = run.summary["proposals"][0]["years"][0]
    assert year_1["wages_above_status_quo"] > 0
    assert f"${year_1['wages_above_status_quo']:,.0f}" in wages
    assert f"{year_1['wages_above_status_quo_cents_per_hour']:.1f}¢" in wages
    # The whole-term row of the total table names its percent as a yearly average.
    assert "(% a year on average)</span>" in page
