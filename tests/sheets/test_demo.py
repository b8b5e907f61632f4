"""The demo builds one published comparison sheet that members can read."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_a_sheet_of_the_articles_on_the_table(db: Any) -> None:
    from caucus.sheets.models import Sheet

    call_command("demo", "--seed", "7", "--members", "200", stdout=StringIO())
    sheet = Sheet.objects.select_related("negotiation", "published_version").get()
    assert sheet.is_published
    assert sheet.published_version.is_built
    rows = list(sheet.published_version.rows.all())
    assert "Article 14: Wages" in [row.heading for row in rows]
    wages = next(row for row in rows if row.heading == "Article 14: Wages")
    assert wages.summary_html
    assert "proposed by union" in wages.html
    # Both sides' wage counters amend 14.2 (the employer's adds 14.5 and 14.6): the sheet
    # deletes nothing of 14.1, the trainer premium (14.3) or "no reduction in pay" (14.4).
    deleted = "".join(op["old_text"] for op in wages.ops if op["op"] != "equal")
    for untouched in ("Appendix B. Each", "train new hires", "No employee shall suffer"):
        assert untouched not in deleted
    assert "two" in deleted
    assert '<table class="rl-cols">' in wages.html
    assert [s["changes"] for s in wages.sources] == [
        "amends 14.2",
        "amends 14.2; adds 14.5; adds 14.6",
    ]
    page = Client().get(sheet.get_public_url()).content.decode()
    assert "Where the open articles stand" in page
    assert "In plain language" in page
