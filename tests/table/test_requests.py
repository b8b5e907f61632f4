from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from caucus.audit.models import AuditEvent
from caucus.table.actions import do_turn_requests_into_charge
from caucus.table.models import Charge, InformationRequest, InformationRequestFollowUp
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db

LIST = reverse("table:requests", args=["national-2026"])


def request_url(rfi: InformationRequest) -> str:
    return reverse("table:request", args=["national-2026", rfi.pk])


def _day(day: date) -> str:
    """A day as the charge's text writes it: "November 1, 2026"."""
    return f"{day:%B} {day.day}, {day.year}"


def test_the_list_shows_each_requests_age_and_overdue_flag(cast: Any, table: Any) -> None:
    today = timezone.localdate()
    table.rfi(
        1, title="Payroll", asked_on=today - timedelta(days=20), due_on=today - timedelta(days=6)
    )
    table.rfi(
        2, title="Staffing", asked_on=today - timedelta(days=3), due_on=today + timedelta(days=4)
    )
    table.rfi(
        3,
        title="Schedules",
        asked_on=today - timedelta(days=40),
        due_on=today - timedelta(days=30),
        answered_on=today - timedelta(days=25),
        status="answered",
    )
    page = cast.client("team").get(LIST).content.decode()
    rows = page.split("<tbody>")[1].split("</tr>")
    assert "Payroll" in rows[0]
    assert "<td>20</td>" in rows[0]
    assert "⚠ Overdue 6 days" in rows[0]
    assert "Staffing" in rows[1]
    assert "<td>3</td>" in rows[1]
    assert "Overdue" not in rows[1]
    # An answered request stops ageing on the day it was answered and is never overdue.
    assert "Schedules" in rows[2]
    assert "<td>15</td>" in rows[2]
    assert "Overdue" not in rows[2]


@pytest.mark.parametrize("who", ["comms", "observer", "officer_a"])
def test_requests_are_refused_to_staff_outside_the_team(cast: Any, table: Any, who: str) -> None:
    rfi = table.rfi(1)
    assert cast.client(who).get(LIST).status_code == 403
    assert cast.client(who).get(request_url(rfi)).status_code == 403


def test_members_and_outsiders_are_refused_requests(cast: Any) -> None:
    assert_refused(cast.client("member_a").get(LIST))
    assert_refused(cast.client("outsider").get(LIST))


def test_the_team_records_a_request_numbered_after_the_last(cast: Any, table: Any) -> None:
    table.rfi(4)
    client = cast.client("team")
    form = client.get(reverse("table:request_new", args=["national-2026"])).content.decode()
    assert 'value="5"' in form
    response = client.post(
        reverse("table:request_new", args=["national-2026"]),
        {
            "number": 5,
            "title": "Overtime records",
            "items": "Overtime hours by store",
            "asked_on": "2026-03-01",
            "due_on": "2026-03-15",
            "status": "pending",
        },
    )
    rfi = InformationRequest.objects.get(number=5)
    assert response["Location"] == request_url(rfi)


def test_a_due_date_before_the_ask_is_refused(cast: Any) -> None:
    response = cast.client("team").post(
        reverse("table:request_new", args=["national-2026"]),
        {
            "number": 1,
            "title": "T",
            "items": "I",
            "asked_on": "2026-03-10",
            "due_on": "2026-03-01",
            "status": "pending",
        },
    )
    assert response.status_code == 400
    assert "cannot come before" in response.content.decode()


def test_a_follow_up_is_added_to_the_request(cast: Any, table: Any) -> None:
    rfi = table.rfi(1)
    response = cast.client("team").post(
        request_url(rfi),
        {"form": "follow_up", "on": "2026-02-20", "kind": "reminder", "note": "Second ask."},
        follow=True,
    )
    assert InformationRequestFollowUp.objects.get(request=rfi).note == "Second ask."
    assert "Reminder sent" in response.content.decode()


def test_turning_requests_into_a_charge_drafts_it_with_the_evidence(cast: Any, table: Any) -> None:
    today = timezone.localdate()
    late = table.rfi(
        3,
        title="Payroll data",
        asked_on=today - timedelta(days=30),
        due_on=today - timedelta(days=16),
    )
    InformationRequestFollowUp.objects.create(
        request=late, on=today - timedelta(days=10), kind="reminder", note="Asked again."
    )
    table.rfi(4, title="Not chosen", asked_on=today - timedelta(days=3))
    response = cast.client("team").post(LIST, {"requests": [late.pk], "title": ""})
    charge = Charge.objects.get()
    assert response["Location"] == reverse("table:charge", args=["national-2026", charge.pk])
    assert charge.status == Charge.Status.DRAFT
    assert list(charge.evidence_requests.all()) == [late]
    assert charge.title == "Failure to provide information (requests 3)"
    text = charge.allegations
    assert "Request 3: Payroll data" in text
    assert f"Asked on {_day(late.asked_on)}; due on {_day(late.due_on)}." in text
    assert "16 days overdue" in text
    assert "Reminder sent: Asked again." in text
    assert "Not chosen" not in text
    assert AuditEvent.objects.filter(action="table.charge_from_requests").exists()


def test_the_evidence_list_numbers_requests_in_order(cast: Any, table: Any) -> None:
    second = table.rfi(2, title="Second", asked_on=date(2026, 2, 1), due_on=date(2026, 2, 15))
    first = table.rfi(1, title="First", asked_on=date(2026, 1, 5))
    charge = do_turn_requests_into_charge(
        cast["team"], table.negotiation, [second, first], today=date(2026, 3, 1)
    )
    text = charge.allegations
    assert "1. Request 1: First" in text
    assert "due on no due date set" in text
    assert "2. Request 2: Second" in text
    assert "14 days overdue" in text


def test_turning_nothing_into_a_charge_is_refused(cast: Any, table: Any) -> None:
    table.rfi(1)
    response = cast.client("team").post(LIST, {"title": "Nothing"})
    assert response.status_code == 400
    assert "Tick at least one request." in response.content.decode()
    assert not Charge.objects.exists()


def test_a_request_answered_late_can_be_cited_too(cast: Any, table: Any) -> None:
    answered = table.rfi(
        1, due_on=date(2026, 2, 1), status="answered", answered_on=date(2026, 3, 5)
    )
    response = cast.client("team").post(LIST, {"requests": [answered.pk]})
    assert response.status_code == 302
    charge = Charge.objects.get()
    assert "due on February 1, 2026" in charge.allegations
    assert "Status: Answered." in charge.allegations


def test_the_list_shows_the_status_beside_the_overdue_flag(cast: Any, table: Any) -> None:
    today = timezone.localdate()
    table.rfi(
        1,
        title="Health costs",
        asked_on=today - timedelta(days=80),
        due_on=today - timedelta(days=59),
        status="partial",
        answer="Enrollment only.",
    )
    row = cast.client("team").get(LIST).content.decode().split("<tbody>")[1].split("</tr>")[0]
    assert "⚠ Overdue 59 days" in row
    assert "Partly answered" in row


@pytest.mark.parametrize(
    ("status", "label"), [("refused", "Status: Refused."), ("partial", "status: Partly answered.")]
)
def test_a_refused_or_partly_answered_request_can_be_cited_on_a_charge(
    cast: Any, table: Any, status: str, label: str
) -> None:
    rfi = table.rfi(
        2,
        title="Profit and loss by region",
        asked_on=date(2026, 1, 5),
        due_on=date(2026, 1, 19),
        answered_on=date(2026, 1, 25),
        status=status,
        answer="Regional results are not relevant to bargaining.",
    )
    page = cast.client("team").get(LIST).content.decode()
    assert f'name="requests" value="{rfi.pk}"' in page
    response = cast.client("team").post(LIST, {"requests": [rfi.pk], "title": ""})
    assert response.status_code == 302
    charge = Charge.objects.get()
    assert list(charge.evidence_requests.all()) == [rfi]
    assert label in charge.allegations
    assert (
        "The employer's answer on January 25, 2026: Regional results are not relevant to bargaining."
        in charge.allegations
    )


def test_a_refused_request_is_ticked_for_the_charge_like_an_overdue_one(
    cast: Any, table: Any
) -> None:
    refused = table.rfi(1, status="refused", answered_on=date(2026, 2, 10))
    answered = table.rfi(2, status="answered", answered_on=date(2026, 2, 10))
    page = cast.client("team").get(LIST).content.decode()
    assert f'value="{refused.pk}" id="pick-{refused.pk}" checked' in page
    assert f'value="{answered.pk}" id="pick-{answered.pk}">' in page
