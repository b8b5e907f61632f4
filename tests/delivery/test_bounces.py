"""Bounces and complaints: the providers' own sample webhook payloads through django-anymail
(signed, and behind the webhook secret), and DSN / ARF messages from a plain SMTP relay's
bounce mailbox. Hard bounces and complaints suppress; the next send skips the address."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from caucus.delivery.actions import do_create_send
from caucus.delivery.dsn import read_report
from caucus.delivery.letters import message_id
from caucus.delivery.models import OutboxMessage, OutboxStatus, Suppression

pytestmark = pytest.mark.django_db

AUTH = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(b"hook:s3cret").decode()}


@pytest.fixture(autouse=True)
def _webhook_secrets(settings: Any) -> None:
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret", "MAILGUN_WEBHOOK_SIGNING_KEY": "mg-key"}


@pytest.fixture
def sent(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        return do_create_send(
            cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
        )


def _postmark(record_type: str, kind: str, email: str) -> dict[str, Any]:
    """Postmark's documented sample bounce webhook, addressed to ``email``."""
    return {
        "RecordType": record_type,
        "MessageStream": "outbound",
        "ID": 4323372036854775807,
        "Type": kind,
        "TypeCode": 1 if kind == "HardBounce" else 512,
        "Name": "Hard bounce" if kind == "HardBounce" else "Spam complaint",
        "Tag": "Invitation",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {"a_key": "a_value"},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "Test bounce details",
        "Email": email,
        "From": "sender@example.com",
        "BouncedAt": "2019-11-05T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Test subject",
        "Content": "<Full dump of bounce>",
    }


def test_a_postmark_hard_bounce_suppresses_the_address(cast: Any, sent: Any) -> None:
    address = cast.member_record.email
    response = Client().post(
        "/delivery/hooks/postmark/tracking/",
        json.dumps(_postmark("Bounce", "HardBounce", address)),
        content_type="application/json",
        **AUTH,
    )
    assert response.status_code == 200
    entry = Suppression.objects.get(address=address)
    assert entry.reason == Suppression.Reason.HARD_BOUNCE
    assert "unable to deliver" in entry.detail
    assert OutboxMessage.objects.get(member=cast.member_record).status == OutboxStatus.BOUNCED


def test_a_postmark_spam_complaint_suppresses_as_a_complaint(cast: Any, sent: Any) -> None:
    address = cast.member_record.email
    Client().post(
        "/delivery/hooks/postmark/tracking/",
        json.dumps(_postmark("SpamComplaint", "SpamComplaint", address)),
        content_type="application/json",
        **AUTH,
    )
    assert Suppression.objects.get(address=address).reason == Suppression.Reason.COMPLAINT


def test_a_webhook_without_the_secret_is_refused(cast: Any, sent: Any) -> None:
    response = Client().post(
        "/delivery/hooks/postmark/tracking/",
        json.dumps(_postmark("Bounce", "HardBounce", cast.member_record.email)),
        content_type="application/json",
    )
    assert response.status_code in (400, 401, 403)
    assert not Suppression.objects.exists()


def _mailgun(event: dict[str, Any], key: str = "mg-key") -> dict[str, Any]:
    timestamp, token = "1529006854", "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": event,
    }


def _mailgun_failed(recipient: str, message_id_header: str) -> dict[str, Any]:
    """Mailgun's documented sample "failed / permanent" event."""
    return {
        "event": "failed",
        "severity": "permanent",
        "reason": "bounce",
        "id": "G9Bn5sl1TC6GU7dsQqvGFw",
        "timestamp": 1521233123.501324,
        "recipient": recipient,
        "recipient-domain": recipient.split("@")[1],
        "log-level": "error",
        "message": {"headers": {"message-id": message_id_header.strip("<>"), "to": recipient}},
        "delivery-status": {
            "code": 550,
            "message": "5.1.1 The email account that you tried to reach does not exist.",
            "description": "",
            "attempt-no": 1,
        },
        "flags": {"is-routed": False, "is-authenticated": True, "is-test-mode": False},
    }


def test_a_signed_mailgun_permanent_failure_names_our_outbox_row(cast: Any, sent: Any) -> None:
    row = OutboxMessage.objects.get(member=cast.member_record)
    body = _mailgun(_mailgun_failed(row.address, message_id(row.pk, row.update_id)))
    response = Client().post(
        "/delivery/hooks/mailgun/tracking/",
        json.dumps(body),
        content_type="application/json",
        **AUTH,
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == OutboxStatus.BOUNCED
    assert Suppression.objects.filter(address=row.address, reason="bounce").exists()


def test_a_mailgun_event_with_a_bad_signature_is_refused(cast: Any, sent: Any) -> None:
    row = OutboxMessage.objects.get(member=cast.member_record)
    body = _mailgun(_mailgun_failed(row.address, "<x@y>"), key="not-the-key")
    response = Client().post(
        "/delivery/hooks/mailgun/tracking/",
        json.dumps(body),
        content_type="application/json",
        **AUTH,
    )
    assert response.status_code == 400
    assert not Suppression.objects.exists()


def _dsn(recipient: str, status: str, action: str, original_id: str) -> bytes:
    """A bounce as Postfix writes one (RFC 3464)."""
    return (
        "From: MAILER-DAEMON@relay.example\r\n"
        "To: bounces@union.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; relay.example\r\nArrival-Date: Tue,  1 Dec 2026 08:00:00 +0000\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nOriginal-Recipient: rfc822;{recipient}\r\n"
        f"Action: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {status.replace('.', '', 0)} 550 {status} User unknown\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {original_id}\r\nSubject: Strike vote coming\r\n\r\n--B--\r\n"
    ).encode()


def test_a_dsn_hard_bounce_is_read_with_the_servers_words() -> None:
    (report,) = read_report(_dsn("Gone@Personal.example", "5.1.1", "failed", "<x@y>"))
    assert report.address == "gone@personal.example"
    assert report.permanent
    assert "5.1.1" in report.detail
    assert report.outbox_id is None


def test_a_delayed_dsn_does_not_suppress() -> None:
    (report,) = read_report(_dsn("slow@personal.example", "4.4.1", "delayed", "<x@y>"))
    assert not report.permanent


def test_the_bounce_mailbox_reader_suppresses_hard_bounces_from_an_mbox(
    cast: Any, sent: Any, tmp_path: Path
) -> None:
    import mailbox

    row = OutboxMessage.objects.get(member=cast.member_record)
    box = mailbox.mbox(tmp_path / "bounces.mbox")
    box.add(_dsn(row.address, "5.1.1", "failed", message_id(row.pk, row.update_id)))
    box.add(_dsn("other@personal.example", "4.2.2", "delayed", "<x@y>"))
    box.close()
    from io import StringIO

    out = StringIO()
    call_command("read_bounces", str(tmp_path / "bounces.mbox"), stdout=out)
    assert out.getvalue().strip() == "Read 2 messages: 1 hard bounces or complaints."
    row.refresh_from_db()
    assert row.status == OutboxStatus.BOUNCED
    assert list(Suppression.objects.values_list("address", flat=True)) == [row.address]


def test_an_arf_complaint_is_a_complaint() -> None:
    raw = (
        b"From: feedback@isp.example\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\r\n\r\n'
        b"--F\r\nContent-Type: text/plain\r\n\r\nThis is an abuse report.\r\n"
        b"--F\r\nContent-Type: message/feedback-report\r\n\r\n"
        b"Feedback-Type: abuse\r\nUser-Agent: ISP/1.0\r\nVersion: 1\r\n"
        b"Original-Rcpt-To: annoyed@personal.example\r\n\r\n"
        b"--F\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <x@y>\r\n\r\n--F--\r\n"
    )
    (report,) = read_report(raw)
    assert report.complaint
    assert report.address == "annoyed@personal.example"
