"""The demo's table, as the team meets it: letters in the correspondence log, sessions in their
places' time zones."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    call_command("demo", "--seed", "7", "--members", "300", stdout=StringIO())


def test_the_demo_logs_the_rounds_letters_with_what_they_concern(demo: None) -> None:
    from caucus.table.models import Correspondence

    letters = {letter.subject: letter for letter in Correspondence.objects.all()}
    demand = letters["Resume bargaining with the full negotiating team"]
    assert (demand.direction, demand.is_published) == ("sent", True)
    assert demand.charges.count() == 1
    package = letters["The Company's economic package (Articles 14, 15 and 16)"]
    assert package.sent_on.weekday() == 4  # a Friday
    assert str(package.sent_at) == "23:41:00"
    assert package.proposals.count() == 3
    refusal = letters["Request 2: profit and loss by region"]
    assert [r.number for r in refusal.requests.all()] == [2]
    assert not refusal.is_published


def test_the_demos_sessions_carry_their_places_time_zones(demo: None) -> None:
    from caucus.table.models import Session

    zones = dict(Session.objects.values_list("place", "time_zone").distinct())
    assert zones == {
        "Union hall, Oakland": "America/Los_Angeles",
        "Harborline offices, Seattle": "America/Los_Angeles",
        "Hotel conference room, Chicago": "America/Chicago",
    }


def test_the_demos_proposals_read_in_words(demo: None) -> None:
    from caucus.table.economics import terms_words, uncosted
    from caucus.table.models import Proposal

    economic = Proposal.objects.exclude(economic_terms=None)
    assert economic.exists()
    assert all(terms_words(p.economic_terms) for p in economic)
    warnings = {p.title: uncosted(p.text, p.economic_terms) for p in economic}
    # The wage floors are costed (as scales raised to them that day); the profit-sharing
    # pools are costed as amounts, so the share of profit the text names is flagged.
    assert warnings["Wages: 6%, 5% and 4.5%, and a $19.50 floor"] == []
    assert warnings["Profit sharing with a guaranteed minimum"] == ["5%"]
    assert {title for title, missing in warnings.items() if missing} == {
        "Profit sharing with a guaranteed minimum",
        "Profit sharing without a guaranteed minimum",
    }
