"""Stored files leave only through the view of the page they belong to: never from a public
address, always as a download with a safe type, and only to those with that page's right."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve, reverse

from caucus.members.models import RosterImport
from caucus.table.models import Charge, ChargeDocument, DirectDealingReport

pytestmark = pytest.mark.django_db


def _charge_with_document(world: Any, name: str = "letter.pdf", data: bytes = b"%PDF-1.7\n") -> Any:
    charge = Charge.objects.create(negotiation=world.negotiation, title="RFI", allegations="x")
    document = ChargeDocument.objects.create(
        charge=charge, title="Letter", file=ContentFile(data, name=name)
    )
    return charge, document


def test_no_stored_file_has_a_public_address(world: Any) -> None:
    upload = RosterImport.objects.create(
        union=world.union_a,
        original_name="members.csv",
        file=ContentFile(b"member_id,email\n1,rosa@personal.example\n", name="members.csv"),
    )
    _, document = _charge_with_document(world)
    for stored in (upload.file, document.file):
        with pytest.raises(Resolver404):
            resolve(f"/media/{stored.name}")


def test_the_team_downloads_a_charge_document_as_an_attachment(cast: Any) -> None:
    charge, document = _charge_with_document(cast.world)
    url = reverse(
        "table:charge_document", args=[cast.world.negotiation.slug, charge.pk, document.pk]
    )
    response = cast.client("team").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="letter')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == b"%PDF-1.7\n"
    assert cast.client("comms").get(url).status_code in (403, 404)
    assert cast.client(None).get(url).status_code == 302


def test_a_stored_page_is_sent_as_a_download_never_as_a_page(cast: Any) -> None:
    charge, document = _charge_with_document(
        cast.world, name="evil.html", data=b"<script>alert(document.cookie)</script>"
    )
    url = reverse(
        "table:charge_document", args=[cast.world.negotiation.slug, charge.pk, document.pk]
    )
    response = cast.client("team").get(url)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_staff_cannot_upload_a_web_page_as_a_charge_document(cast: Any) -> None:
    charge, _ = _charge_with_document(cast.world)
    page = SimpleUploadedFile("notes.html", b"<html><script>x()</script></html>", "text/html")
    response = cast.client("team").post(
        reverse("table:charge", args=[cast.world.negotiation.slug, charge.pk]),
        {"title": "Notes", "file": page},
    )
    assert response.status_code == 400
    assert "is not a file type we accept" in response.content.decode()
    assert charge.documents.count() == 1


def test_staff_cannot_upload_a_program_renamed_to_pdf(cast: Any) -> None:
    renamed = SimpleUploadedFile("flyer.pdf", b"MZ\x90\x00 a program", "application/pdf")
    response = cast.client("team").post(
        reverse("table:direct_dealing_new", args=[cast.world.negotiation.slug]),
        {
            "received_on": "2026-11-02",
            "channel": "letter",
            "text": "Vote no",
            "attachment": renamed,
        },
    )
    assert response.status_code == 400
    assert "does not look like a real PDF file" in response.content.decode()
    assert not DirectDealingReport.objects.exists()


def test_a_report_attachment_goes_only_to_those_who_review_reports(cast: Any) -> None:
    report = DirectDealingReport.objects.create(
        negotiation=cast.world.negotiation,
        received_on=date(2026, 11, 2),
        channel="email",
        text="Vote no",
        attachment=ContentFile(b"%PDF-1.7\n", name="flyer.pdf"),
    )
    url = reverse("table:direct_dealing_attachment", args=[cast.world.negotiation.slug, report.pk])
    assert cast.client("comms").get(url)["Content-Disposition"].startswith("attachment;")
    assert cast.client("officer_a").get(url).status_code in (403, 404)


def test_behind_nginx_the_view_checks_and_the_web_server_sends(cast: Any, settings: Any) -> None:
    settings.CAUCUS_FILE_SENDER = "nginx"
    charge, document = _charge_with_document(cast.world)
    url = reverse(
        "table:charge_document", args=[cast.world.negotiation.slug, charge.pk, document.pk]
    )
    response = cast.client("team").get(url)
    assert response["X-Accel-Redirect"] == f"/_stored/{document.file.name}"
    assert response.content == b""
    assert cast.client("observer").get(url).status_code in (403, 404)
