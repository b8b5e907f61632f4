"""The e-mail a member gets: greeted by name, in their language (reviewed text only, along the
fallback chain), plain text beside HTML, the sheet attached, one-click unsubscribe, a stable
Message-ID and no tracking."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from caucus.delivery.actions import do_create_send
from caucus.delivery.letters import message_id, outbox_id_of
from caucus.delivery.models import MemberPreference, OutboxMessage, Suppression
from caucus.updates.models import UpdateTranslation

pytestmark = pytest.mark.django_db


def _send(cast: Any, update: Any, capture: Any, **fields: Any) -> Any:
    fields.setdefault("to_whole_coalition", True)
    with capture(execute=True):
        return do_create_send(cast["comms"], update, by_email=True, by_text=False, **fields)


def _parts(message: Any) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if part.get_content_type() in ("text/plain", "text/html")
    }


def _spanish(update: Any, *, reviewed: bool = True) -> UpdateTranslation:
    return UpdateTranslation.objects.create(
        update=update,
        language="es",
        title="Se viene un voto de huelga",
        summary="La empresa les escribe directamente.",
        body="La empresa respondió con **2%**.",
        is_reviewed=reviewed,
    )


def test_a_member_is_greeted_by_name_in_plain_text_and_html(
    cast: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(cast.member_record.email)[0]
    parts = _parts(message)
    assert message["Subject"] == "Strike vote coming"
    assert parts["text/plain"].startswith("Dear Mara,")
    assert "Dear Mara," in parts["text/html"]
    assert "<strong>2%</strong>" in parts["text/html"]
    assert (
        "http://127.0.0.1:8000/n/national-2026/updates/strike-vote-coming/" in parts["text/plain"]
    )


def test_a_spanish_mexican_member_reads_the_reviewed_spanish_text(
    cast: Any, world: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _spanish(update)
    member = world.member(member_id="A-9", first_name="José", language="es-MX")
    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(member.email)[0]
    from email.header import decode_header, make_header

    assert str(make_header(decode_header(message["Subject"]))) == "Se viene un voto de huelga"
    assert message["Content-Language"] == "es"
    assert "La empresa respondió" in _parts(message)["text/plain"]
    assert "José" in _parts(message)["text/html"]


def test_an_unreviewed_translation_is_never_sent(
    cast: Any, world: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _spanish(update, reviewed=False)
    member = world.member(member_id="A-9", language="es")
    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(member.email)[0]
    assert message["Subject"] == "Strike vote coming"
    assert "La empresa" not in _parts(message)["text/plain"]


def test_the_language_a_member_chose_wins_over_the_roster(
    cast: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _spanish(update)
    MemberPreference.objects.create(member=cast.member_record, language="es")
    _send(cast, update, django_capture_on_commit_callbacks)
    assert smtp.to(cast.member_record.email)[0]["Content-Language"] == "es"


def test_every_email_has_one_click_unsubscribe_and_no_tracking(
    cast: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(cast.member_record.email)[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(http://127\.0\.0\.1:8000/\S+)>", message["List-Unsubscribe"]).group(1)
    html = _parts(message)["text/html"]
    assert "<img" not in html  # no tracking pixel
    links = re.findall(r'href="([^"]+)"', html)
    assert all(link.startswith("http://127.0.0.1:8000/") for link in links)  # no click redirector

    # RFC 8058: the mail client POSTs, with no cookie and no CSRF token: unsubscribed.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert Suppression.objects.filter(
        address=cast.member_record.email, reason=Suppression.Reason.UNSUBSCRIBED
    ).exists()


def test_the_message_id_names_its_outbox_row_and_is_the_same_on_every_attempt(
    cast: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _send(cast, update, django_capture_on_commit_callbacks)
    row = OutboxMessage.objects.get(member=cast.member_record)
    header = smtp.to(cast.member_record.email)[0]["Message-ID"]
    assert header == message_id(row.pk, update.pk)
    assert outbox_id_of(header) == row.pk
    assert outbox_id_of(header.replace(str(row.pk), str(row.pk + 1), 1)) is None  # forged


def test_the_published_sheet_is_attached_as_a_pdf(
    cast: Any, world: Any, update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from caucus.sheets.models import Sheet, SheetVersion

    sheet = Sheet.objects.create(negotiation=world.negotiation, title="Wages compared")
    version = SheetVersion.objects.create(
        sheet=sheet,
        number=1,
        title="Wages compared",
        columns=sheet.columns,
        layout=sheet.layout,
        status="done",
        built_at=timezone.now(),
        pdf=ContentFile(b"%PDF-1.7\nsheet\n", name="sheet.pdf"),
    )
    Sheet.objects.filter(pk=sheet.pk).update(
        status="published", published_version=version, published_at=timezone.now()
    )
    update.sheets.add(sheet)

    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(cast.member_record.email)[0]
    pdfs = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert [p.get_filename() for p in pdfs] == ["Wages compared.pdf"]
    assert pdfs[0].get_payload(decode=True) == b"%PDF-1.7\nsheet\n"


def test_a_large_sheet_is_linked_instead_of_attached(
    cast: Any,
    world: Any,
    update: Any,
    smtp: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from caucus.updates.models import UpdateDocument

    settings.CAUCUS_DELIVERY_ATTACH_MAX_KB = 1
    UpdateDocument.objects.create(
        update=update,
        title="Full proposal",
        original_name="proposal.pdf",
        size=5000,
        file=ContentFile(b"%PDF-1.7\n" + b"x" * 5000, name="proposal.pdf"),
    )
    _send(cast, update, django_capture_on_commit_callbacks)
    message = smtp.to(cast.member_record.email)[0]
    assert not [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert (
        "Full proposal: http://127.0.0.1:8000/n/national-2026/updates/"
        in _parts(message)["text/plain"]
    )
