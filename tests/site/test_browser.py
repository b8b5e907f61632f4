"""The member site in a real browser at 320 px: no serious accessibility violations (axe-core),
no sideways scrolling, and the first Tab reaches the skip link."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import axe_violations
from tests.site.factories import make_agreement, make_proposal, make_session, make_update

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: Any) -> Any:
    today = timezone.localdate()
    make_update(world, "We held the line", body="## What happened\n\n- one\n- two")
    make_proposal(world, "Union wages")
    make_proposal(world, "Employer seniority", side="employer", article=world.article_seniority)
    make_agreement(world, world.article_seniority, today)
    make_session(world, today + timedelta(days=2))
    make_session(world, today - timedelta(days=5))
    world.negotiation.get_involved = "Join the **contract action team**."
    world.negotiation.save()
    return world


PAGES = [
    ("site:home", lambda w: []),
    ("site:update", lambda w: [w.negotiation.slug, "we-held-the-line"]),
    ("site:updates", lambda w: [w.negotiation.slug]),
    ("site:tracker", lambda w: [w.negotiation.slug]),
    ("site:moved", lambda w: [w.negotiation.slug]),
    ("site:proposals", lambda w: [w.negotiation.slug]),
    ("site:sessions", lambda w: [w.negotiation.slug]),
    ("site:report", lambda w: [w.negotiation.slug]),
]


@pytest.mark.parametrize(("name", "args"), PAGES, ids=[name for name, _ in PAGES])
def test_member_pages_pass_axe_and_fit_a_small_phone(
    live_server: Any, page: Any, site: Any, name: str, args: Any
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + reverse(name, args=args(site)))
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_first_tab_reaches_the_skip_link(live_server: Any, page: Any, site: Any) -> None:
    page.goto(live_server.url + reverse("site:home"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"


def test_a_report_can_be_sent_with_the_keyboard_alone(
    live_server: Any, page: Any, site: Any
) -> None:
    from caucus.table.models import DirectDealingReport

    page.goto(live_server.url + reverse("site:report", args=[site.negotiation.slug]))
    page.get_by_label("What did the message say?").fill("A letter from HR about the union.")
    page.get_by_label("How did you get it?").select_option("letter")
    page.get_by_label("Your name (optional)").focus()
    page.keyboard.type("Sam")
    page.get_by_role("button", name="Send the report").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/report/thanks/")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
    assert DirectDealingReport.objects.get().reporter_name == "Sam"


def _signed_in(page: Any, live_server: Any, cast: Any, name: str) -> None:
    """Carry a test client's signed-in session (with its verified second factor) into the page."""
    from django.conf import settings

    client = cast.client(name)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


STAFF_PAGES = ["updates:list", "updates:new", "updates:preview"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_update_pages_pass_axe_and_fit_a_small_phone(
    live_server: Any, page: Any, site: Any, cast: Any, name: str
) -> None:
    from caucus.updates.models import Update

    _signed_in(page, live_server, cast, "comms")
    args = [Update.objects.get().pk] if name == "updates:preview" else []
    page.set_viewport_size({"width": 320, "height": 640})
    url = live_server.url + reverse(name, args=args)
    page.goto(url)
    assert page.url == url  # signed in, not sent to the login page
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_phone_reads_each_articles_status_whole_with_no_box_to_scroll(
    live_server: Any, page: Any, site: Any
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + reverse("site:tracker", args=[site.negotiation.slug]))
    status = page.locator(".tracker .status").first
    # the label wraps inside the screen instead of being cut off
    assert status.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    box = status.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= 360
    scroller = page.locator(".table-scroll").first
    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    # each cell says what it is, since the header row is not shown as a row
    cell = page.locator('.tracker td[data-label="Where it stands"]').first
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert "Where it stands" in label
