"""A member reports an employer message sent to them directly: no sign-in needed, checked
attachments, rate-limited, and it lands as a new report for staff."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from caucus.table.models import DirectDealingReport

pytestmark = pytest.mark.django_db


def _url(world: Any) -> str:
    return reverse("site:report", args=[world.negotiation.slug])


def _data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": "Your manager says the union's wage demand will close the store.",
        "received_on": timezone.localdate().isoformat(),
        "channel": "email",
        "subject": "A message from leadership",
        "sender": "HR",
        "reporter_name": "",
        "reporter_contact": "",
    }
    data.update(overrides)
    return data


def test_an_anonymous_report_is_saved_as_new_and_thanked(cast: Any, world: Any) -> None:
    response = cast.client(None).post(_url(world), _data(), follow=True)
    assert "Thank you" in response.content.decode()
    report = DirectDealingReport.objects.get()
    assert report.status == DirectDealingReport.Status.NEW
    assert report.negotiation == world.negotiation
    assert report.channel == "email"
    assert report.reported_by is None


def test_a_pdf_attachment_is_kept(cast: Any, world: Any) -> None:
    pdf = SimpleUploadedFile("memo.pdf", b"%PDF-1.4\n%fake but well started\n", "application/pdf")
    response = cast.client(None).post(_url(world), {**_data(), "attachment": pdf})
    assert response.status_code == 302
    assert DirectDealingReport.objects.get().attachment.name.endswith(".pdf")


def test_a_program_is_refused_with_a_clear_message(cast: Any, world: Any) -> None:
    exe = SimpleUploadedFile("payslip.exe", b"MZ\x90\x00binary", "application/octet-stream")
    response = cast.client(None).post(_url(world), {**_data(), "attachment": exe})
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a file type we accept" in page
    assert "PDF, PNG, JPG, TXT, EML (saved e-mail) or DOCX" in page
    assert not DirectDealingReport.objects.exists()


def test_a_program_renamed_to_pdf_is_refused(cast: Any, world: Any) -> None:
    fake = SimpleUploadedFile("memo.pdf", b"MZ\x90\x00binary", "application/pdf")
    response = cast.client(None).post(_url(world), {**_data(), "attachment": fake})
    assert response.status_code == 400
    assert "does not look like a real PDF file" in response.content.decode()
    assert not DirectDealingReport.objects.exists()


def test_a_file_over_the_limit_is_refused(cast: Any, world: Any) -> None:
    from caucus.lib.uploads import MAX_ATTACHMENT_BYTES

    big = SimpleUploadedFile("memo.txt", b"a" * (MAX_ATTACHMENT_BYTES + 1), "text/plain")
    response = cast.client(None).post(_url(world), {**_data(), "attachment": big})
    assert response.status_code == 400
    assert "the limit is 10.0\xa0MB" in response.content.decode()


def test_the_message_text_and_date_are_required(cast: Any, world: Any) -> None:
    response = cast.client(None).post(_url(world), _data(text="", received_on=""))
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 2


def test_a_date_in_the_future_is_refused(cast: Any, world: Any) -> None:
    from datetime import timedelta

    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = cast.client(None).post(_url(world), _data(received_on=tomorrow))
    assert response.status_code == 400
    assert "That date is in the future" in response.content.decode()


def test_a_signed_in_member_is_recorded_and_prefilled(cast: Any, world: Any) -> None:
    client = cast.client("member_a")
    form = client.get(_url(world)).content.decode()
    assert 'value="Mara Member"' in form
    assert 'value="a-100@personal.example"' in form
    client.post(_url(world), _data(reporter_name="Mara Member"))
    report = DirectDealingReport.objects.get()
    assert report.reported_by == cast["member_a"]
    assert report.worksite == world.worksite


def test_the_form_needs_the_csrf_token(cast: Any, world: Any) -> None:
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(world), _data())
    assert response.status_code == 403
    assert not DirectDealingReport.objects.exists()


def test_too_many_reports_from_one_address_are_paused(cast: Any, world: Any, settings: Any) -> None:
    settings.CAUCUS_REPORT_RATE = "2/m"
    client = cast.client(None)
    for _ in range(2):
        assert client.post(_url(world), _data()).status_code == 302
    response = client.post(_url(world), _data())
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()
    assert DirectDealingReport.objects.count() == 2


def test_the_form_labels_every_field(cast: Any, world: Any) -> None:
    page = cast.client(None).get(_url(world)).content.decode()
    for field in ("text", "attachment", "received_on", "channel", "reporter_contact"):
        assert f'<label for="id_{field}"' in page


def test_the_report_form_asks_for_the_worksite_and_keeps_it(cast: Any, world: Any) -> None:
    client = cast.client(None)
    page = client.get(_url(world)).content.decode()
    assert "Where do you work? (optional)" in page
    site = world.worksite_south
    response = client.post(_url(world), _data(worksite=site.pk))
    assert response.status_code == 302
    assert DirectDealingReport.objects.get().worksite == site


def test_the_worksite_may_be_left_out_of_an_anonymous_report(cast: Any, world: Any) -> None:
    assert cast.client(None).post(_url(world), _data(worksite="")).status_code == 302
    assert DirectDealingReport.objects.get().worksite is None


def test_another_employers_worksite_is_refused(cast: Any, world: Any) -> None:
    from caucus.orgs.models import Employer, Region, Worksite

    other = Employer.objects.create(name="Elsewhere Inc.", slug="elsewhere")
    region = Region.objects.create(employer=other, name="Far", code="FAR")
    theirs = Worksite.objects.create(employer=other, region=region, name="Far store", code="F1")
    response = cast.client(None).post(_url(world), _data(worksite=theirs.pk))
    assert response.status_code == 400
    assert not DirectDealingReport.objects.exists()
