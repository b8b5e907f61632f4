"""Texts: segments and cost before sending, the console sink, STOP from a reply."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from caucus.delivery.actions import do_create_send
from caucus.delivery.models import OutboxMessage, Suppression
from caucus.delivery.segments import cost, segments
from caucus.delivery.sms import phone_key

pytestmark = pytest.mark.django_db


def test_plain_text_fits_160_characters_in_one_segment_and_153_in_each_after() -> None:
    assert segments("a" * 160) == 1
    assert segments("a" * 161) == 2
    assert segments("a" * 306) == 2
    assert segments("a" * 307) == 3


def test_an_extended_character_counts_twice_and_an_accent_outside_gsm_forces_ucs2() -> None:
    assert segments("€" * 80) == 1
    assert segments("€" * 81) == 2
    assert segments("Se viene la votación" + "a" * 50) == 1  # ó is not GSM: UCS-2, 70 a segment
    assert segments("ó" + "a" * 70) == 2


def test_the_cost_is_segments_times_recipients_times_the_price() -> None:
    # 200 characters of GSM text = 2 segments; 85,000 members at $0.0083 a segment.
    assert cost("a" * 200, 85_000, Decimal("0.0083")) == Decimal("1411.00")


def test_a_stop_reply_suppresses_the_number_and_the_next_send_skips_it(
    cast: Any, roster: list[Any], update: Any, texts: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        do_create_send(cast["comms"], update, by_email=False, by_text=True, to_whole_coalition=True)
    assert len(texts) == 8
    response = Client().post(
        "/delivery/hooks/sms/inbound/", {"From": "+13125550101", "Body": "STOP"}
    )
    assert response.status_code == 200
    assert (
        Suppression.objects.filter(
            channel="sms", address=phone_key("312-555-0101"), reason="stop"
        ).count()
        == 1
    )

    from caucus.updates.models import Update

    second = Update.objects.create(
        negotiation=update.negotiation,
        title="Vote results",
        slug="vote-results",
        body="Yes.",
        status="published",
        published_at=update.published_at,
    )
    with django_capture_on_commit_callbacks(execute=True):
        do_create_send(cast["comms"], second, by_email=False, by_text=True, to_whole_coalition=True)
    assert len(texts) == 8 + 7
    row = OutboxMessage.objects.get(update=second, address="312-555-0101")
    assert row.status == "suppressed"


def test_a_reply_with_a_bad_twilio_signature_is_refused(settings: Any, db: Any) -> None:
    settings.TWILIO_AUTH_TOKEN = "secret"
    response = Client().post(
        "/delivery/hooks/sms/inbound/",
        {"From": "+15550101", "Body": "STOP"},
        HTTP_X_TWILIO_SIGNATURE="forged",
    )
    assert response.status_code == 403
    assert not Suppression.objects.exists()
