"""Costing in a real browser, as a new user would: the bargaining team costs the union's and
the employer's wage proposals on the members, waits for the run, sees who loses under the
employer's and the chart, and publishes; a member on a phone enters their details and reads
their own figures. Both pages pass axe (no serious or critical violations)."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.costing.models import CostingRun
from caucus.costing.tasks import run_costing
from tests.browser.conftest import axe_violations, sign_in_as_team
from tests.costing.helpers import make_proposals, make_roster

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_costs_two_wage_proposals_publishes_and_a_member_sees_their_pay(
    live_server: Any, browser: Any, page: Any, cast: Any, settings: Any
) -> None:
    # The costing is queued, not run at once: the page must show the progress and poll.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    base = live_server.url
    make_roster(cast.world)
    make_proposals(cast.world)

    sign_in_as_team(page, base, cast)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Costing").click()
    page.get_by_role("link", name="New costing run for National Agreement 2026").click()
    page.get_by_label("Members on the roster").check()
    page.get_by_label("Union: Wages: 4% a year", exact=False).check()
    page.get_by_label("Employer: Wages: 2% a year, South frozen", exact=False).check()
    page.get_by_role("button", name="Cost these proposals").click()

    page.get_by_label("Costing progress").wait_for()
    assert "Queued" in page.locator("#run-progress").inner_text()
    run_costing(CostingRun.objects.get().pk)  # what the worker does
    page.get_by_text("✓ Done").wait_for()  # the page polls, then reloads with the results
    who = page.get_by_role(
        "region", name="Who loses under Employer: Wages: 2% a year, South frozen"
    )
    assert "of 7 workers would be paid less" in who.locator(".losers-count").inner_text()
    assert "Losers by local" in who.inner_text()
    union = page.get_by_role("region", name="Who loses under Union: Wages: 4% a year")
    assert "0 of 7 workers" in union.locator(".losers-count").inner_text()
    page.locator("#years-chart[data-drawn='true']").wait_for()
    page.locator("#histogram-chart[data-drawn='true']").wait_for()
    assert axe_violations(page) == []

    page.get_by_label("A word to members (optional)").fill("Here is what the offers mean for you.")
    page.get_by_role("button", name='Publish "what it means for me" to members').click()
    assert "Published: members can now see" in page.locator("main").inner_text()

    member = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    member.goto(f"{base}/n/national-2026/what-it-means/")
    member.get_by_label("Your job (classification)").select_option("Clerk")
    member.get_by_label("Your step on the wage scale").fill("1")
    member.get_by_label("Your region").select_option("South")
    member.get_by_label("Hours you are paid in a usual week").fill("20")
    member.get_by_role("button", name="Show my figures").click()
    text = member.locator("main").inner_text()
    assert "Here is what the offers mean for you." in text
    # 20 hours a week at $20.00 on step 1: 1,040 hours; the employer freezes the South's 2027.
    assert "$20,800" in text
    assert "Under the employer's proposal you would earn" in text
    member.locator("#mine-chart[data-drawn='true']").wait_for()
    assert member.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(member) == []
    member.context.close()


def test_team_records_the_employers_money_and_the_run_sets_the_gap_against_it(
    live_server: Any, page: Any, cast: Any
) -> None:
    from tests.costing.helpers import finished_run

    base = live_server.url
    run = finished_run(cast, cast.world)
    sign_in_as_team(page, base, cast)
    page.goto(f"{base}/staff/costing/")
    page.get_by_role("link", name="The employer's money at National Agreement 2026").click()

    # A yearly figure with no year and no source is refused, the message at each field.
    page.get_by_label("What it is").select_option("operating_income")
    page.get_by_label("Amount (dollars)").fill("45000000")
    page.get_by_label("Source:", exact=True).fill("Annual report 2025")
    page.get_by_role("button", name="Record the figure").click()
    assert "Give the year the figure is for." in page.locator("#id_year-error").inner_text()
    assert "Link the source" in page.locator("#id_source_url-error").inner_text()

    page.get_by_label("Year").fill("2025")
    page.get_by_label("Link to the source").fill("https://example.com/annual-report")
    page.get_by_role("button", name="Record the figure").click()
    assert "Recorded: Operating income 2025." in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Annual report 2025").get_attribute("href") == (
        "https://example.com/annual-report"
    )
    assert axe_violations(page) == []

    page.goto(f"{base}/staff/costing/{run.pk}/")
    money = page.get_by_role("region", name="The employer's money")
    assert "of one year's operating income ($45 million in 2025)" in money.inner_text()
    assert axe_violations(page) == []
