from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.table.models import Charge, ChargeDocument, InformationRequest, Negotiation
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db

LIST = reverse("table:charges", args=["national-2026"])
NEW = reverse("table:charge_new", args=["national-2026"])


def a_charge(cast: Any, **fields: Any) -> Charge:
    fields.setdefault("title", "Refusal to bargain")
    fields.setdefault("allegations", "The employer refused to meet.")
    return Charge.objects.create(negotiation=cast.world.negotiation, **fields)


def charge_url(charge: Charge) -> str:
    return reverse("table:charge", args=["national-2026", charge.pk])


def test_the_team_sees_the_charges_list_and_a_charge(cast: Any) -> None:
    charge = a_charge(cast, case_number="13-CA-000001")
    client = cast.client("team")
    assert "13-CA-000001" in client.get(LIST).content.decode()
    assert "The employer refused to meet." in client.get(charge_url(charge)).content.decode()


@pytest.mark.parametrize("who", ["comms", "observer", "officer_a"])
def test_charges_are_refused_to_staff_outside_the_team(cast: Any, who: str) -> None:
    charge = a_charge(cast)
    assert cast.client(who).get(LIST).status_code == 403
    assert cast.client(who).get(charge_url(charge)).status_code == 403


def test_members_and_outsiders_are_refused_charges(cast: Any) -> None:
    assert_refused(cast.client("member_a").get(LIST))
    assert_refused(cast.client("outsider").get(NEW))


def test_the_team_drafts_and_then_files_a_charge(cast: Any, table: Any) -> None:
    rfi = table.rfi(1)
    client = cast.client("team")
    client.post(
        NEW,
        {
            "title": "Failure to provide information",
            "agency": "National Labor Relations Board",
            "status": "draft",
            "allegations": "Request 1 unanswered.",
            "evidence_requests": [rfi.pk],
        },
    )
    charge = Charge.objects.get()
    assert list(charge.evidence_requests.all()) == [rfi]
    edit = reverse("table:charge_edit", args=["national-2026", charge.pk])
    client.post(
        edit,
        {
            "title": charge.title,
            "agency": charge.agency,
            "status": "filed",
            "case_number": "13-CA-123456",
            "filed_on": "2026-04-01",
            "allegations": charge.allegations,
            "evidence_requests": [rfi.pk],
        },
    )
    charge.refresh_from_db()
    assert (charge.status, charge.case_number) == ("filed", "13-CA-123456")
    page = client.get(charge_url(charge)).content.decode()
    assert "Filed" in page
    assert "13-CA-123456" in page


def test_a_request_of_another_negotiation_cannot_be_cited(cast: Any) -> None:
    w = cast.world
    other = Negotiation.objects.create(
        coalition=w.coalition, employer=w.employer, name="Other", slug="other"
    )
    foreign = InformationRequest.objects.create(
        negotiation=other, number=1, title="Theirs", items="x", asked_on="2026-01-01"
    )
    response = cast.client("team").post(
        NEW,
        {
            "title": "T",
            "agency": "NLRB",
            "status": "draft",
            "allegations": "A",
            "evidence_requests": [foreign.pk],
        },
    )
    assert response.status_code == 400
    assert not Charge.objects.exists()


def test_a_document_is_uploaded_to_a_charge(cast: Any) -> None:
    charge = a_charge(cast)
    upload = SimpleUploadedFile("charge.pdf", b"%PDF-1.4 charge", content_type="application/pdf")
    response = cast.client("team").post(
        charge_url(charge), {"title": "Filed charge form", "file": upload}, follow=True
    )
    document = ChargeDocument.objects.get(charge=charge)
    with document.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 charge"
    assert "Filed charge form" in response.content.decode()


def test_an_upload_without_a_file_is_refused(cast: Any) -> None:
    charge = a_charge(cast)
    response = cast.client("team").post(charge_url(charge), {"title": "Nothing"})
    assert response.status_code == 400
    assert not ChargeDocument.objects.exists()


def test_a_charge_of_another_negotiation_is_not_found(cast: Any) -> None:
    url = reverse("table:charge", args=["national-2026", 4242])
    assert cast.client("team").get(url).status_code == 404
