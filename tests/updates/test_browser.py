"""The update form in a real browser at 320 px: each label beside its box, and the filter box
over the long lists hiding what does not match while every box keeps its tick."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from caucus.updates.models import Update
from tests.browser.conftest import axe_violations
from tests.site.factories import make_proposal, make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def form_url(live_server: Any, cast: Any) -> str:
    """17 published proposals (9 on seniority, 8 on wages) and 16 sessions, as in the demo."""
    w = cast.world
    for n in range(17):
        article = w.article_wages if n % 2 else w.article_seniority
        make_proposal(w, f"Pass {n + 1}", article=article, passed_on=date(2026, 1, 1 + n))
    for n in range(16):
        make_session(w, date(2026, 1, 5) + timedelta(days=7 * n), place=f"Hall {n + 1}")
    return live_server.url + reverse("updates:new")


def _sign_in(page: Any, url: str, cast: Any) -> None:
    client = cast.client("comms")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}]
    )


def _visible(page: Any, name: str) -> list[str]:
    items = page.locator(f"#id_{name}_list .checklist-item:visible label")
    return [text.split(": ")[-1] for text in items.all_inner_texts()]


def test_each_label_sits_beside_its_box_on_a_small_phone(
    page: Any, cast: Any, form_url: str
) -> None:
    _sign_in(page, form_url, cast)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(form_url)
    for box_id in ("id_audience_0", "id_cites_proposals_0", "id_cites_sessions_3"):
        box = page.locator(f"#{box_id}").bounding_box()
        label = page.locator(f"label[for={box_id}]").bounding_box()
        assert label["x"] >= box["x"] + box["width"]  # to its right
        assert label["y"] < box["y"] + box["height"]  # on the same line, not under it
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []


def test_typing_in_the_filter_shows_only_the_matching_proposals(
    page: Any, cast: Any, form_url: str
) -> None:
    _sign_in(page, form_url, cast)
    page.goto(form_url)
    assert len(_visible(page, "cites_proposals")) == 17
    page.get_by_label("Show only those containing (in “Proposals this update reports on”)").fill(
        "seniority"
    )
    shown = _visible(page, "cites_proposals")
    assert shown == [f"Pass {n}" for n in range(17, 0, -2)]  # the article's, newest first
    assert page.get_by_role("group", name="Article 12: Wages").is_hidden()
    assert page.locator("#id_cites_proposals_shown").inner_text() == "9 of 17 shown."
    page.locator("#id_cites_proposals_filter").fill("seniority pass 1")
    # Each word begins a word of the label: "1" finds Pass 1 and Pass 11, not 2026.
    assert _visible(page, "cites_proposals") == [
        "Pass 17",
        "Pass 15",
        "Pass 13",
        "Pass 11",
        "Pass 1",
    ]
    page.locator("#id_cites_sessions_filter").fill("hall 15")
    assert [t.split(" · ")[-1] for t in _visible(page, "cites_sessions")] == ["Hall 15"]


def test_a_ticked_proposal_hidden_by_the_filter_is_still_sent(
    page: Any, cast: Any, form_url: str
) -> None:
    _sign_in(page, form_url, cast)
    page.goto(form_url)
    page.locator("#id_title").fill("Where we stand")
    page.locator("#id_body").fill("The employer moved on seniority.")
    page.get_by_label("Pass 4", exact=False).check()
    page.locator("#id_cites_proposals_filter").fill("pass 17")
    page.locator("#id_cites_proposals_filter").press("Enter")  # filters; does not send
    assert page.url == form_url
    assert "1 ticked but hidden" in page.locator("#id_cites_proposals_shown").inner_text()
    page.get_by_label("Pass 17", exact=False).check()
    page.get_by_role("button", name="Save and preview").click()
    page.wait_for_url("**/preview/")
    update = Update.objects.get()
    assert sorted(p.title for p in update.cites_proposals.all()) == ["Pass 17", "Pass 4"]


def test_without_javascript_every_box_is_listed_and_no_filter_shows(
    browser: Any, cast: Any, form_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        _sign_in(page, form_url, cast)
        page.goto(form_url)
        assert len(_visible(page, "cites_proposals")) == 17
        assert len(_visible(page, "cites_sessions")) == 16
        assert page.locator("#id_cites_proposals_filter").is_hidden()
    finally:
        context.close()
