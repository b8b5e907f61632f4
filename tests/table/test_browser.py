"""The table's staff pages in a real browser at 320 px, signed in as the bargaining team:
no serious accessibility violations (axe-core) and no sideways scrolling of the page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from caucus.table.actions import do_log_letter
from caucus.table.models import Charge, DirectDealingReport
from tests.browser.conftest import axe_violations
from tests.table.builders import Table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def objects(cast: Any) -> dict[str, Any]:
    table = Table(cast.world)
    today = timezone.localdate()
    session = table.session(
        on=today - timedelta(days=2), internal_notes="Notes", public_summary="Sum"
    )
    table.session(on=today + timedelta(days=5))
    proposal = table.proposal("union", session=session, title="Wages 6%")
    table.proposal("employer", title="Wages 1%", passed_on=today - timedelta(days=1))
    rfi = table.rfi(1, asked_on=today - timedelta(days=20), due_on=today - timedelta(days=5))
    Charge.objects.create(negotiation=table.negotiation, title="Refusal", allegations="A")
    DirectDealingReport.objects.create(
        negotiation=table.negotiation, received_on=today, channel="email", text="Hi"
    )
    letter = do_log_letter(
        cast["team"],
        table.negotiation,
        sent_on=today,
        direction="received",
        sender="Labor relations",
        recipient="Coalition bargaining team",
        channel="email",
        subject="The Company's answer to request 1",
        requests=[rfi],
    )
    return {"session": session, "proposal": proposal, "rfi": rfi, "letter": letter, "w": cast.world}


PAGES = [
    ("table:dashboard", lambda o: []),
    ("table:article", lambda o: [o["w"].article_wages.pk]),
    ("table:proposal", lambda o: [o["proposal"].pk]),
    ("table:proposal_new", lambda o: []),
    ("table:session", lambda o: [o["session"].pk]),
    ("table:session_new", lambda o: []),
    ("table:requests", lambda o: []),
    ("table:request", lambda o: [o["rfi"].pk]),
    ("table:charges", lambda o: []),
    ("table:direct_dealing", lambda o: []),
    ("table:letters", lambda o: []),
    ("table:letter", lambda o: [o["letter"].pk]),
    ("table:letter_new", lambda o: []),
    ("table:session_edit", lambda o: [o["session"].pk]),
    ("table:search", lambda o: []),
]


@pytest.mark.parametrize(("name", "args"), PAGES, ids=[name for name, _ in PAGES])
def test_table_pages_pass_axe_and_fit_a_small_phone(
    live_server: Any, page: Any, cast: Any, objects: Any, name: str, args: Any
) -> None:
    client = cast.client("team")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 320, "height": 640})
    url = reverse(name, args=["national-2026", *args(objects)])
    page.goto(live_server.url + url + ("?q=wages" if name == "table:search" else ""))
    assert page.url.split("?")[0] == live_server.url + url  # signed in, not sent away
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def _signed_in(page: Any, live_server: Any, cast: Any) -> None:
    client = cast.client("team")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _a_pass(page: Any, title: str) -> None:
    page.locator("#id_side").select_option(label="Union")
    page.locator("#id_article").select_option(label="Article 12: Wages")
    page.locator("#id_title").fill(title)
    page.get_by_label("Text (paste it here)").fill("14.2 Rates rise 3% on April 1, 2027.")


def test_a_mistake_in_the_terms_of_a_pass_shows_at_its_field_without_reloading(
    live_server: Any, page: Any, cast: Any, objects: Any
) -> None:
    _signed_in(page, live_server, cast)
    url = reverse("table:session", args=["national-2026", objects["session"].pk])
    page.goto(live_server.url + url)
    _a_pass(page, "Wages: 3%")
    page.get_by_text("Economic terms (optional)").click()
    page.locator("#id_terms-raises-0-effective").fill("2027-04-01")
    page.locator("#id_terms-raises-0-percent").fill("3")
    page.locator("#id_terms-raises-0-cents").fill("50")
    page.get_by_role("button", name="Add this proposal").click()
    error = page.locator(".field:has(#id_terms-raises-0-cents) .errorlist")
    error.wait_for()
    assert error.inner_text().endswith("Give either percent or cents, not both")
    assert page.get_by_role("alert").first.inner_text().startswith("The proposal was not added")
    assert page.url == live_server.url + url  # answered in place, by HTMX
    # What was typed is still there to correct, and nothing was entered.
    assert page.locator("#id_terms-raises-0-percent").input_value() == "3"
    assert not objects["w"].negotiation.proposals.filter(title="Wages: 3%").exists()

    page.locator("#id_terms-raises-0-cents").fill("")
    page.get_by_role("button", name="Add this proposal").click()
    page.locator("#passes").get_by_role("link", name="Wages: 3%").wait_for()


def test_bad_json_terms_show_at_the_json_field(
    live_server: Any, page: Any, cast: Any, objects: Any
) -> None:
    _signed_in(page, live_server, cast)
    page.goto(
        live_server.url + reverse("table:session", args=["national-2026", objects["session"].pk])
    )
    _a_pass(page, "Wages as JSON")
    page.get_by_text("Economic terms (optional)").click()
    assert page.locator("#id_economic_terms").is_hidden()  # the form first
    page.get_by_role("radio", name="as JSON").check()
    assert page.locator("#id_terms-raises-0-percent").is_hidden()
    page.locator("#id_economic_terms").fill('{"raises": [{"percent": 3}]}')
    page.get_by_role("button", name="Add this proposal").click()
    error = page.locator(".field:has(#id_economic_terms) .errorlist")
    error.wait_for()
    assert "raises[0].effective: is required" in error.inner_text()


def test_add_a_raise_adds_an_empty_row_to_fill(
    live_server: Any, page: Any, cast: Any, objects: Any
) -> None:
    _signed_in(page, live_server, cast)
    page.goto(live_server.url + reverse("table:proposal_new", args=["national-2026"]))
    page.get_by_text("Economic terms (optional)").click()
    page.get_by_role("button", name="Add a raise").click()
    assert page.locator("#id_terms-raises-1-percent").is_visible()
    assert page.locator("#id_terms-raises-TOTAL_FORMS").input_value() == "2"
    assert page.locator(":focus").get_attribute("id") == "id_terms-raises-1-effective"


def test_answers_offers_only_the_other_side_once_the_side_is_picked(
    live_server: Any, page: Any, cast: Any, objects: Any
) -> None:
    _signed_in(page, live_server, cast)
    page.goto(live_server.url + reverse("table:proposal_new", args=["national-2026"]))
    page.locator("#id_side").select_option(label="Union")
    page.locator("#id_article").select_option(label="Article 12: Wages")
    groups = page.locator("#id_answers optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert groups == ["The employer's passes on Article 12"]
    labels = page.locator("#id_answers option").all_inner_texts()
    assert any("Wages 1%" in label for label in labels)
    assert not any("Wages 6%" in label for label in labels)
