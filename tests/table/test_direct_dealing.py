from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.table.models import DirectDealingReport
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db

LOG = reverse("table:direct_dealing", args=["national-2026"])
NEW = reverse("table:direct_dealing_new", args=["national-2026"])


def a_report(cast: Any, **fields: Any) -> DirectDealingReport:
    fields.setdefault("received_on", date(2026, 3, 3))
    fields.setdefault("channel", "email")
    fields.setdefault("subject", "A message from your store manager")
    fields.setdefault("text", "Why pay dues when we can talk directly?")
    return DirectDealingReport.objects.create(negotiation=cast.world.negotiation, **fields)


def report_url(report: DirectDealingReport) -> str:
    return reverse("table:direct_dealing_report", args=["national-2026", report.pk])


def test_the_log_lists_reports_and_filters_them_by_status(cast: Any) -> None:
    a_report(cast, subject="Fresh one")
    a_report(cast, subject="Already kept", status="evidence")
    client = cast.client("comms")
    page = client.get(LOG).content.decode()
    assert "Fresh one" in page
    assert "Already kept" in page
    filtered = client.get(LOG, {"status": "evidence"}).content.decode()
    assert "Already kept" in filtered
    assert "Fresh one" not in filtered


def test_reviewing_a_report_saves_status_and_notes(cast: Any) -> None:
    report = a_report(cast)
    response = cast.client("team").post(
        report_url(report), {"status": "evidence", "staff_notes": "Bypasses the union."}
    )
    assert response["Location"] == LOG
    report.refresh_from_db()
    assert (report.status, report.staff_notes) == ("evidence", "Bypasses the union.")
    event = AuditEvent.objects.get(action="directdealing.review")
    assert event.detail == {"from_status": "new", "to_status": "evidence"}


def test_staff_log_an_employer_message_themselves(cast: Any) -> None:
    response = cast.client("comms").post(
        NEW,
        {
            "received_on": "2026-03-05",
            "channel": "letter",
            "sender": "Regional VP",
            "subject": "Flyer in the break room",
            "text": "Vote no on the union's proposal.",
            "worksite": cast.world.worksite.pk,
        },
    )
    report = DirectDealingReport.objects.get()
    assert response["Location"] == report_url(report)
    assert (report.reported_by, report.status) == (cast["comms"], "new")


@pytest.mark.parametrize("who", ["observer", "officer_a", "organizer_a"])
def test_staff_without_the_review_right_are_refused_the_log(cast: Any, who: str) -> None:
    report = a_report(cast)
    client = cast.client(who)
    assert client.get(LOG).status_code == 403
    assert client.post(report_url(report), {"status": "dismissed"}).status_code == 403
    report.refresh_from_db()
    assert report.status == "new"


def test_members_and_outsiders_are_refused_the_log(cast: Any) -> None:
    assert_refused(cast.client("member_a").get(LOG))
    assert_refused(cast.client("outsider").get(NEW))
