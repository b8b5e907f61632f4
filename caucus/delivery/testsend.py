"""A test send: the update's e-mail, as a member would get it, to the staff member's own
address — over the same SMTP path as a real send, never through the outbox."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings

from caucus.audit.log import record
from caucus.delivery.actions import DeliveryError
from caucus.delivery.letters import compose
from caucus.delivery.links import TEST_MEMBER
from caucus.delivery.transport import Refused, SmtpConnection


def do_test_send(actor: Any, update: Any, language: str) -> str:
    """Send the update in ``language`` to ``actor``'s own e-mail; returns the address."""
    address = (actor.email or "").strip()
    if not address:
        raise DeliveryError("Your account has no e-mail address to send a test to.")
    letter = compose(update, language)
    raw = letter.message(
        to=address,
        name=actor.display_name or actor.get_username(),
        member_id=TEST_MEMBER,
        message_id=f"<test.{uuid.uuid4().hex}@{settings.CAUCUS_DELIVERY_MESSAGE_ID_DOMAIN}>",
    )
    try:
        with SmtpConnection() as connection:
            connection.send(settings.CAUCUS_DELIVERY_FROM, address, raw)
    except Refused as error:
        raise DeliveryError(f"The mail server refused the test: {error.answer}") from error
    record(actor, "delivery.test_send", update, language=letter.language)
    return address
