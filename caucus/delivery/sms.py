"""Texts go out through a provider behind one small interface: ``send(to, body)`` returns the
provider's id once it accepted the message, or raises ``Refused`` (permanent or not). The
console backend (the demo, the tests) keeps what it was given; the Twilio backend talks to
Twilio's REST API through Twilio's own client library. ``CAUCUS_SMS_BACKEND`` names the one
used. Replies of STOP reach ``inbound`` (caucus.delivery.site_views) and suppress the number.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from caucus.delivery.transport import Refused

log = logging.getLogger(__name__)

STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "arret", "alto", "parar"}
START_WORDS = {"start", "unstop", "yes"}


def phone_key(phone: str) -> str:
    """The number as suppressions match it: its digits, without a leading 1 of North America."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def e164(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if phone.strip().startswith("+"):
        return f"+{digits}"
    return f"+1{digits}" if len(digits) == 10 else f"+{digits}"


class SmsBackend(Protocol):
    def send(self, to: str, body: str) -> str: ...


class ConsoleBackend:
    """Prints each text and keeps it in ``ConsoleBackend.sent`` (the demo's and tests' sink)."""

    sent: list[tuple[str, str]] = []
    _lock = threading.Lock()

    def send(self, to: str, body: str) -> str:
        with self._lock:
            ConsoleBackend.sent.append((to, body))
            number = len(ConsoleBackend.sent)
        log.info("text to %s: %s", to, body)
        return f"console-{number}"


class TwilioBackend:
    """Twilio's Messages API (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, and TWILIO_FROM or
    TWILIO_MESSAGING_SERVICE_SID)."""

    def __init__(self) -> None:
        from twilio.rest import Client

        self.client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)

    def send(self, to: str, body: str) -> str:
        from twilio.base.exceptions import TwilioException, TwilioRestException

        sender: dict[str, Any] = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM}
        )
        try:
            message = self.client.messages.create(to=e164(to), body=body, **sender)
        except TwilioRestException as error:
            # 4xx other than 429 (too many requests) is about this message: do not retry it.
            permanent = 400 <= error.status < 500 and error.status != 429
            raise Refused(f"{error.status} {error.code}: {error.msg}"[:500], permanent) from error
        except (TwilioException, OSError) as error:
            raise Refused(f"could not reach Twilio: {error}", permanent=False) from error
        return str(message.sid)


def backend() -> SmsBackend:
    return import_string(settings.CAUCUS_SMS_BACKEND)()


def text_of(text_body: str, update: Any) -> str:
    """The text a send sends: staff's short version (or the summary), the link, how to stop."""
    body = (text_body or update.summary or update.title).strip()
    return f"{body} {settings.SITE_URL}{update.get_absolute_url()} {_('Reply STOP to opt out.')}"
