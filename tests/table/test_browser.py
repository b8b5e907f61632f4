"""The table's staff pages in a real browser at 320 px, signed in as the bargaining team:
no serious accessibility violations (axe-core) and no sideways scrolling of the page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

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
    return {"session": session, "proposal": proposal, "rfi": rfi, "w": cast.world}


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
