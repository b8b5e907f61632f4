"""Delivery in a real browser: the team counts who an update reaches, sends it to one local,
and watches it finish; a member opens their preference page from the e-mail's link on a
phone and chooses Spanish. No serious accessibility violation on the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in_as_team
from tests.delivery.conftest import Inbox, free_port

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER = False, ""
    try:
        yield handler
    finally:
        controller.stop()


def test_team_sends_an_update_to_one_local_and_a_member_chooses_spanish(
    live_server: Any, browser: Any, page: Any, cast: Any, inbox: Inbox, settings: Any
) -> None:
    from caucus.updates.models import Update

    settings.SITE_URL = live_server.url
    world = cast.world
    for n in range(3):
        world.member(
            world.union_b, member_id=f"B-{n}", first_name=f"Ben{n}", phone=f"312-555-020{n}"
        )
    Update.objects.create(
        negotiation=world.negotiation,
        title="Strike vote coming",
        slug="strike-vote-coming",
        summary="Watch for our updates.",
        body="The employer is writing to you directly.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    base = live_server.url
    sign_in_as_team(page, base, cast)

    page.get_by_role("link", name="Delivery").click()
    page.get_by_role("link", name="Send “Strike vote coming”").click()
    page.get_by_label("Some unions, units or worksites").wait_for()  # the send page, loaded
    assert axe_violations(page) == []
    page.get_by_label("Some unions, units or worksites").check()
    page.locator("fieldset", has_text="Unions").get_by_label("Local B").check()
    page.get_by_role("checkbox", name="Text message").check()
    count = page.locator("#count")
    # Each box checked asks for the count again: wait for the answer to the last one, not the
    # first count that comes back (that one can still be the e-mails-only count).
    count.get_by_text("3 e-mails and 3 texts, to 3 members chosen").wait_for()
    assert "3 e-mails and 3 texts, to 3 members chosen" in count.inner_text()
    page.get_by_role("button", name="Send", exact=True).click()

    page.get_by_role("heading", name="Progress: Sent").wait_for()
    assert sorted(inbox.per_recipient()) == [f"b-{n}@personal.example" for n in range(3)]
    assert "Local B" in page.get_by_role("table", name="Messages by local and channel").inner_text()
    assert axe_violations(page) == []

    message = inbox.to("b-0@personal.example")[0]
    text = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    link = re.search(r"(http://\S+/p/\S+/)\s", text.get_payload(decode=True).decode()).group(1)
    member = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    member.goto(link)
    member.get_by_role("heading", name="How we reach you").wait_for()
    member.get_by_label("Language of the updates you get").select_option("es")
    member.get_by_label("By text message").uncheck()
    member.get_by_role("button", name="Save my choices").click()
    assert "Saved." in member.get_by_role("status").inner_text()
    widths = member.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    assert axe_violations(member) == []
