"""Comparison sheets in a real browser: the team builds and publishes one; a member reads it
on a 360 px phone, with no serious accessibility violation, and prints it without the site's
navigation."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from caucus.table.models import Proposal
from tests.browser.conftest import axe_violations, sign_in_as_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _passes(world: Any) -> None:
    for side, text, on in (
        ("union", "Employees shall receive a raise of 5% on April 1.", date(2026, 3, 2)),
        ("employer", "Employees shall receive a raise of 0.5% on July 1.", date(2026, 3, 9)),
    ):
        Proposal.objects.create(
            negotiation=world.negotiation,
            article=world.article_wages,
            side=side,
            title=f"{side} wages",
            text=text,
            passed_on=on,
            is_published=True,
        )


def test_team_publishes_a_sheet_that_a_member_reads_and_prints_on_a_phone(
    live_server: Any, browser: Any, page: Any, cast: Any
) -> None:
    base = live_server.url
    _passes(cast.world)
    sign_in_as_team(page, base, cast)

    page.get_by_role("link", name="Comparison sheets").click()
    page.get_by_role("link", name="New sheet").click()
    page.get_by_label("Title").wait_for()  # the new sheet's form, loaded
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Where wages stand")
    page.get_by_label("Side by side: the current text beside the marked one").check()
    assert page.get_by_label("Article 12: Wages").is_checked()
    assert not page.get_by_label("Article 7: Seniority").is_checked()
    page.get_by_role("button", name="Create the sheet").click()

    assert axe_violations(page) == []
    wages = page.get_by_role("group", name="Article 12: Wages")
    assert wages.get_by_label("Include in the sheet").is_checked()
    wages.get_by_label("Plain-language summary").fill(
        "The employer offers a **tenth** of our raise, three months later."
    )
    page.get_by_role("button", name="Save the rows").click()
    assert "Rows saved." in page.locator("main").inner_text()
    page.get_by_role("button", name="Build the sheet").click()
    page.get_by_text("Preview of version 1").wait_for()
    assert "a tenth of our raise" in page.locator(".sheet").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Publish version 1").first.click()
    assert "Version 1 is published to members." in page.locator("main").inner_text()
    assert axe_violations(page) == []

    member = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    member.goto(f"{base}/n/national-2026/")
    member.get_by_role("link", name="Comparison sheets: the contract language").click()
    member.get_by_role("link", name="Where wages stand").click()
    sheet = member.locator(".sheet")
    assert "In plain language" in sheet.inner_text()
    assert "inserted, proposed by employer:" in sheet.locator("ins.rl-by-employer").inner_text()
    # Nothing wider than the phone: the two columns stack.
    widths = member.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    cells = member.locator(".rl-sbs td")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, (first, second)
    assert axe_violations(member) == []

    member.emulate_media(media="print")
    assert not member.get_by_role("navigation", name="Main").is_visible()
    assert not member.locator(".sheet-downloads").is_visible()
    assert member.locator(".sheet-columns").is_visible()
    # On paper the two versions sit side by side again, under their column headings.
    assert member.locator(".rl-sbs thead").is_visible()
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1, (first, second)
    assert second["x"] > first["x"], (first, second)
    assert "National Agreement 2026" in member.locator(".sheet-header").inner_text()
    member.context.close()


def test_the_build_page_polls_until_the_worker_is_done(
    live_server: Any, page: Any, cast: Any
) -> None:
    from caucus.sheets.actions import do_create_sheet, do_request_build
    from caucus.sheets.building import run_build

    base = live_server.url
    _passes(cast.world)
    sheet = do_create_sheet(
        cast["team"],
        cast.world.negotiation,
        title="Queued sheet",
        columns="three_way",
        layout="inline",
        included_article_ids=[cast.world.article_wages.pk],
    )
    version = do_request_build(cast["team"], sheet, enqueue=False)  # no worker yet
    sign_in_as_team(page, base, cast)
    page.goto(f"{base}/staff/sheets/national-2026/{sheet.pk}/versions/1/")
    assert "0 of 1 articles compared (0%)" in page.locator("#build-progress").inner_text()
    run_build(version.pk)  # the worker runs; the page finds out by itself
    page.get_by_text("Preview of version 1").wait_for()
    assert "Article 12: Wages" in page.locator(".sheet").inner_text()


WAGES = (
    "12.1 Employees shall be paid according to the wage scales in Appendix B.\n\n"
    "12.2 Effective ratification, all rates shall increase by two percent (2%).\n\n"
    "12.3 Employees who train new hires receive a premium of one dollar ($1.00) per hour.\n\n"
    "12.4 No employee shall suffer a reduction in pay as a result of this Agreement."
)


def test_a_wage_counter_on_12_2_is_the_only_change_members_see_in_three_columns(
    live_server: Any, browser: Any, page: Any, cast: Any
) -> None:
    from caucus.table.actions import do_pass_proposal

    base = live_server.url
    world = cast.world
    world.article_wages.current_text = WAGES
    world.article_wages.save(update_fields=["current_text"])
    do_pass_proposal(
        cast["team"],
        world.negotiation,
        side="union",
        article=world.article_wages,
        title="Wages: 6%",
        text="12.2 All rates shall increase by six percent (6%) each year.",
        is_published=True,
        passed_on=date(2026, 3, 2),
    )
    sign_in_as_team(page, base, cast)

    # The team enters the employer's counter; the form reads "12.2" and asks to confirm.
    page.goto(f"{base}/staff/table/national-2026/proposals/new/")
    page.get_by_label("Side").select_option(label="Employer")
    page.get_by_label("Kind").select_option(label="Counter-proposal")
    page.get_by_label("Article").select_option(label="Article 12: Wages")
    page.get_by_label("Title").fill("Wages: 3%")
    page.get_by_label("Text (paste it here)").fill(
        "12.2 All rates shall increase by three percent (3%) in the first year."
    )
    page.get_by_label("Published to members").check()
    page.get_by_role("button", name="Enter the proposal").click()
    assert "Its text numbers section 12.2." in page.locator("main").inner_text()
    assert page.get_by_label("Changes only the sections it names").is_checked()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Enter the proposal").click()
    assert "Changes only the sections it names: amends 12.2." in page.locator("main").inner_text()

    page.goto(f"{base}/staff/sheets/national-2026/")
    page.get_by_role("link", name="New sheet").click()
    page.get_by_label("Title").fill("Where wages stand")
    assert page.get_by_label(
        "A column for each text: current, union's, employer's (stacked on phones)"
    ).is_checked()
    page.get_by_role("button", name="Create the sheet").click()
    page.get_by_role("button", name="Save the rows").click()
    page.get_by_role("button", name="Build the sheet").click()
    page.get_by_text("Preview of version 1").wait_for()
    preview = page.locator(".sheet-redline")
    # Only 12.2 is marked: 12.1, 12.3 and 12.4 read "No change proposed".
    assert preview.locator("tr.rl-row-same").count() == 3
    assert preview.locator("tr:has(del), tr:has(ins)").count() == 1  # the row of 12.2
    assert "Appendix B" not in " ".join(preview.locator("del, ins").all_inner_texts())
    assert axe_violations(page) == []
    page.get_by_role("button", name="Publish version 1").first.click()
    assert "Version 1 is published to members." in page.locator("main").inner_text()

    wide = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    wide.goto(f"{base}/n/national-2026/sheets/")
    wide.get_by_role("link", name="Where wages stand").click()
    cells = wide.locator(".rl-cols tr:not(.rl-row-same) td")
    boxes = [cells.nth(k).bounding_box() for k in range(3)]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes  # three columns side by side
    assert abs(boxes[0]["y"] - boxes[2]["y"]) < 1, boxes
    assert not wide.locator(".rl-col-label").first.is_visible()  # the table's heads say it
    assert axe_violations(wide) == []
    wide.context.close()

    member = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    member.goto(f"{base}/n/national-2026/sheets/")
    member.get_by_role("link", name="Where wages stand").click()
    changed = member.locator(".rl-cols tr:not(.rl-row-same) td")
    boxes = [changed.nth(k).bounding_box() for k in range(3)]
    for above, below in itertools.pairwise(boxes):
        assert below["y"] >= above["y"] + above["height"] - 1, boxes  # stacked on a phone
    labels = changed.locator(".rl-col-label").all_inner_texts()
    assert labels == ["Current contract", "Union's latest proposal", "Employer's latest proposal"]
    widths = member.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    assert axe_violations(member) == []
    member.context.close()
