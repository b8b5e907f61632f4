"""The flow a bargaining team and a member click through, in a real browser.

The team signs in with a password and an authenticator code, records a session and the
counter-proposal passed at it, and publishes an update citing it; a member, signed out,
reads the update on the site and in the feed and sees the tracker move.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import sign_in_as_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAGES_ROW = "tr:has-text('Wages')"


def test_team_records_a_counter_and_publishes_an_update_that_a_member_reads(
    live_server: Any, browser: Any, page: Any, cast: Any
) -> None:
    base = live_server.url
    member = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    member.goto(f"{base}/n/national-2026/tracker/")
    assert "Not yet opened" in member.locator(WAGES_ROW).inner_text()

    sign_in_as_team(page, base, cast)
    page.get_by_role("link", name="Record a session").click()
    page.get_by_label("Date").fill("2026-11-20")
    page.get_by_label("Place").fill("Union hall, Room 4")
    page.get_by_label("Internal notes").fill(
        "They will move on wages if we drop the staffing ratio."
    )
    page.get_by_label("Public summary").fill("We answered the employer on wages.")
    page.get_by_role("button", name="Save and add proposals").click()
    assert "Session recorded" in page.locator("main").inner_text()

    page.get_by_label("Side").select_option(label="Union")
    page.get_by_label("Kind").select_option(label="Counter-proposal")
    page.get_by_label("Article").select_option(label="Article 12: Wages")
    page.get_by_label("Title").fill("Wages: 6% a year, no lower tier")
    page.get_by_label("Text (paste it here)").fill(
        "Employees shall receive a raise of 6% on April 1 of each year."
    )
    page.get_by_label("Published to members").check()
    page.get_by_role("button", name="Add this proposal").click()
    passes = page.locator("#passes")
    passes.get_by_role("link", name="Wages: 6% a year, no lower tier").wait_for()

    page.goto(f"{base}/staff/updates/")
    page.get_by_role("link", name="Write an update").click()
    page.get_by_label("Title").fill("We countered on wages")
    page.get_by_label("Summary").fill("6% a year and no lower tier for new hires.")
    page.get_by_label("Body").fill("At today's session we **countered** the employer's wage offer.")
    page.get_by_label("The whole coalition (public: anyone can read it)").check()
    page.get_by_label(
        "Art. 12 · Union counter-proposal: Wages: 6% a year, no lower tier", exact=False
    ).check()
    page.get_by_role("button", name="Save and preview").click()
    page.get_by_role("button", name="Publish now").click()

    member.goto(f"{base}/")
    member.get_by_role("link", name="We countered on wages").first.click()
    article = member.locator("main").inner_text()
    assert "At today's session we countered the employer's wage offer." in article
    assert "Wages: 6% a year, no lower tier" in article
    assert "They will move on wages" not in article

    member.goto(f"{base}/n/national-2026/tracker/")
    assert (
        "Union proposal waiting for the employer's answer" in member.locator(WAGES_ROW).inner_text()
    )
    feed = member.request.get(f"{base}/n/national-2026/updates.atom").text()
    assert "<title>We countered on wages</title>" in feed
