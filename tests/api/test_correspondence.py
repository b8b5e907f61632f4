"""The correspondence log through the API: the team's (table.view_internal), read-only, the
same letters the staff pages show."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from django.core.files.base import ContentFile

BASE = "/api/negotiations/national-2026"


@pytest.fixture
def letter(cast: Any, table: Any) -> Any:
    from caucus.table.actions import do_log_letter
    from caucus.table.models import InformationRequest

    rfi = InformationRequest.objects.create(
        negotiation=cast.world.negotiation,
        number=4,
        title="Health plan costs",
        items="Premiums",
        asked_on=date(2026, 2, 1),
    )
    return do_log_letter(
        cast["team"],
        cast.world.negotiation,
        sent_on=date(2026, 3, 13),
        sent_at=time(23, 41),
        direction="received",
        sender="Harborline labor relations",
        recipient="Coalition bargaining team",
        channel="email",
        subject="Enrollment figures",
        document=ContentFile(b"%PDF-1.7\n", name="enrollment.pdf"),
        proposals=[table.published],
        requests=[rfi],
    )


def test_the_team_lists_letters_with_what_they_concern(
    api_as: Any, table: Any, letter: Any
) -> None:
    page = api_as("team").get(f"{BASE}/letters").json()
    assert page["count"] == 1
    (item,) = page["items"]
    assert item == {
        "id": letter.pk,
        "sent_on": "2026-03-13",
        "sent_at": "23:41:00",
        "direction": "received",
        "sender": "Harborline labor relations",
        "recipient": "Coalition bargaining team",
        "channel": "email",
        "subject": "Enrollment figures",
        "summary": "",
        "document_name": "enrollment.pdf",
        "is_published": False,
        "proposal_ids": [table.published.pk],
        "request_numbers": [4],
        "charge_ids": [],
    }
    assert api_as("team").get(f"{BASE}/letters/{letter.pk}").json() == item


def test_the_team_downloads_a_letters_document(api_as: Any, letter: Any) -> None:
    response = api_as("team").get(f"{BASE}/letters/{letter.pk}/document")
    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF")


@pytest.mark.parametrize("who", ["comms", "officer_a", "observer"])
def test_staff_outside_the_team_are_refused_letters(api_as: Any, letter: Any, who: str) -> None:
    assert api_as(who).get(f"{BASE}/letters").status_code == 403
    assert api_as(who).get(f"{BASE}/letters/{letter.pk}").status_code == 403


def test_a_letter_of_another_table_is_not_found(api_as: Any, cast: Any, letter: Any) -> None:
    other = cast.world.local_a_negotiation()
    response = api_as("team").get(f"/api/negotiations/{other.slug}/letters/{letter.pk}")
    assert response.status_code == 404
