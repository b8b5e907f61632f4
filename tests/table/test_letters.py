"""The correspondence log: the team logs a letter with its document and what it concerns; the
request and charge pages list the letters about them; a charge can cite them as evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.table.actions import (
    TableError,
    do_edit_letter,
    do_log_letter,
    do_turn_requests_into_charge,
)
from caucus.table.models import Charge, Correspondence

pytestmark = pytest.mark.django_db

LIST = reverse("table:letters", args=["national-2026"])
NEW = reverse("table:letter_new", args=["national-2026"])


def letter_data(**fields: Any) -> dict[str, Any]:
    data = {
        "sent_on": "2026-03-13",
        "sent_at": "23:41",
        "direction": "received",
        "sender": "Harborline labor relations",
        "recipient": "Coalition bargaining team",
        "channel": "email",
        "subject": "The Company's wage proposal",
        "summary": "Attached, the Company's proposal on Article 12.",
    }
    data.update(fields)
    return data


def a_letter(cast: Any, **fields: Any) -> Correspondence:
    defaults: dict[str, Any] = {
        "sent_on": date(2026, 3, 2),
        "direction": "sent",
        "sender": "Coalition bargaining team",
        "recipient": "Harborline labor relations",
        "channel": "letter",
        "subject": "Resume bargaining with the full negotiating team",
    }
    defaults.update(fields)
    return do_log_letter(cast["team"], cast.world.negotiation, **defaults)


def test_the_team_logs_the_employers_late_friday_email_with_its_document(
    cast: Any, table: Any
) -> None:
    proposal = table.proposal("employer", title="Wages: 2%")
    pdf = SimpleUploadedFile("Company wages 3-13.pdf", b"%PDF-1.7\n", "application/pdf")
    response = cast.client("team").post(
        NEW, letter_data(document=pdf, proposals=[proposal.pk]), follow=True
    )
    letter = Correspondence.objects.get()
    assert (letter.sent_on, str(letter.sent_at)) == (date(2026, 3, 13), "23:41:00")
    assert list(letter.proposals.all()) == [proposal]
    assert letter.document_name == "Company wages 3-13.pdf"
    assert not letter.is_published
    assert letter.created_by == cast["team"]
    page = response.content.decode()
    assert "Friday, March 13, 2026, 11:41 PM" in page
    assert "Internal" in page
    audit = AuditEvent.objects.get(action="table.letter_log")
    assert audit.actor == cast["team"]
    document = cast.client("team").get(
        reverse("table:letter_document", args=[table.slug, letter.pk])
    )
    assert document.status_code == 200
    assert 'filename="Company wages 3-13.pdf"' in document["Content-Disposition"]


def test_a_program_is_refused_as_a_letters_document(cast: Any) -> None:
    exe = SimpleUploadedFile("letter.exe", b"MZ\x90\x00", "application/octet-stream")
    response = cast.client("team").post(NEW, letter_data(document=exe))
    assert response.status_code == 400
    assert "is not a file type we accept" in response.content.decode()
    assert not Correspondence.objects.exists()


def test_a_letter_needs_its_date_sender_and_subject(cast: Any) -> None:
    response = cast.client("team").post(NEW, letter_data(sender="", subject=""))
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"sender", "subject"}


def test_the_list_filters_by_who_sent_and_by_words(cast: Any) -> None:
    a_letter(cast, subject="Resume bargaining")
    a_letter(cast, direction="received", subject="Answer to request 2", sender="Labor relations")
    client = cast.client("team")
    page = client.get(LIST).content.decode()
    assert "Resume bargaining" in page
    assert "Answer to request 2" in page
    received = client.get(LIST, {"direction": "received"}).content.decode()
    assert "Resume bargaining" not in received
    assert "Answer to request 2" in received
    assert "Resume bargaining" not in client.get(LIST, {"q": "request 2"}).content.decode()


def test_the_request_page_lists_the_letters_about_it(cast: Any, table: Any) -> None:
    rfi = table.rfi(2, title="Profit and loss by region")
    a_letter(cast, subject="The Company declines request 2", requests=[rfi])
    a_letter(cast, subject="Unrelated")
    page = cast.client("team").get(reverse("table:request", args=[table.slug, rfi.pk]))
    body = page.content.decode()
    assert "The Company declines request 2" in body
    assert "Unrelated" not in body
    listed = cast.client("team").get(reverse("table:requests", args=[table.slug]))
    assert "1 letter" in listed.content.decode()


def test_a_charge_cites_letters_as_evidence(cast: Any, table: Any) -> None:
    letter = a_letter(cast)
    response = cast.client("team").post(
        reverse("table:charge_new", args=[table.slug]),
        {
            "title": "Refusal to bargain with the full team",
            "agency": "National Labor Relations Board",
            "status": "draft",
            "allegations": "The employer walked out when the full team arrived.",
            "evidence_letters": [letter.pk],
        },
        follow=True,
    )
    charge = Charge.objects.get()
    assert list(charge.letters.all()) == [letter]
    assert "Resume bargaining with the full negotiating team" in response.content.decode()
    edit = cast.client("team").get(reverse("table:charge_edit", args=[table.slug, charge.pk]))
    assert edit.context["form"]["evidence_letters"].value() == [letter.pk]


def test_a_charge_drafted_from_requests_cites_the_letters_about_them(cast: Any, table: Any) -> None:
    rfi = table.rfi(3, title="Turnover", due_on=date(2026, 2, 15))
    letter = a_letter(cast, sent_on=date(2026, 2, 20), subject="Second request", requests=[rfi])
    charge = do_turn_requests_into_charge(
        cast["team"], table.negotiation, [rfi], today=date(2026, 3, 1)
    )
    assert list(charge.letters.all()) == [letter]
    assert (
        "- February 20, 2026 letter from Coalition bargaining team to Harborline labor relations "
        "(letter by post): Second request"
    ) in charge.allegations


def test_a_letter_cannot_concern_another_tables_request(cast: Any, table: Any) -> None:
    from caucus.table.models import InformationRequest

    other = cast.world.local_a_negotiation()
    theirs = InformationRequest.objects.create(
        negotiation=other, number=1, title="T", items="I", asked_on=date(2026, 1, 1)
    )
    with pytest.raises(TableError) as refused:
        a_letter(cast, requests=[theirs])
    assert refused.value.field == "requests"
    assert not Correspondence.objects.exists()


def test_publishing_a_letter_is_recorded_by_name(cast: Any) -> None:
    letter = a_letter(cast)
    assert do_edit_letter(cast["team"], letter, is_published=True) == ["is_published"]
    assert AuditEvent.objects.filter(action="table.letter_publish", actor=cast["team"]).exists()
    assert do_edit_letter(cast["team"], letter, is_published=True) == []


def test_correcting_a_letter_keeps_its_document(cast: Any, table: Any) -> None:
    pdf = SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n", "application/pdf")
    letter = a_letter(cast, document=pdf)
    url = reverse("table:letter_edit", args=[table.slug, letter.pk])
    data = letter_data(direction="sent", subject="Resume bargaining (corrected)")
    assert cast.client("team").post(url, data).status_code == 302
    letter.refresh_from_db()
    assert letter.subject == "Resume bargaining (corrected)"
    assert letter.document_name == "letter.pdf"
    assert letter.document
    audit = AuditEvent.objects.get(action="table.letter_edit")
    assert "document" not in audit.detail["changed"]


@pytest.mark.parametrize("who", ["comms", "observer", "officer_a"])
def test_letters_are_refused_to_staff_outside_the_team(cast: Any, who: str) -> None:
    letter = a_letter(cast)
    client = cast.client(who)
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("table:letter", args=["national-2026", letter.pk])).status_code == 403
