"""A real SMTP server on loopback (aiosmtpd) that counts what each recipient received, and can
be told to refuse some of them; and a small roster to send to."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What the server accepted, and how it answers: ``refuse[address] = [codes...]`` answers
    each next RCPT TO for that address with the next code (e.g. ``["451"]`` once, then 250)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.raw: list[bytes] = []
        self.sessions = 0
        self.refuse: dict[str, list[str]] = {}
        self.refuse_all: str | None = None
        self.pipelining = False

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        self.sessions += 1
        session.host_name = hostname
        if self.pipelining:
            return [*responses[:-1], "250-PIPELINING", responses[-1]]
        return responses

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.refuse_all:
            return f"{self.refuse_all} relay says no"
        codes = self.refuse.get(address.lower())
        if codes:
            code = codes.pop(0)
            return f"{code} {'try again later' if code.startswith('4') else 'no such user here'}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.raw.append(envelope.original_content)
        self.messages.append(message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"

    def per_recipient(self) -> Counter[str]:
        return Counter(str(m["To"]) for m in self.messages)

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.CAUCUS_DELIVERY_PAUSE_FAILURES = 3
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def texts() -> Iterator[list[tuple[str, str]]]:
    from caucus.delivery.sms import ConsoleBackend

    ConsoleBackend.sent = []
    yield ConsoleBackend.sent
    ConsoleBackend.sent = []


@pytest.fixture
def roster(world: Any) -> list[Any]:
    """Five members of Local A and three of Local B, each with a personal e-mail and a phone."""
    members = [
        world.member(member_id=f"A-{n}", first_name=f"Ana{n}", phone=f"312-555-010{n}")
        for n in range(1, 6)
    ]
    members += [
        world.member(
            world.union_b, member_id=f"B-{n}", first_name=f"Ben{n}", phone=f"312-555-020{n}"
        )
        for n in range(1, 4)
    ]
    return members


@pytest.fixture
def public(world: Any) -> Any:
    """The world with its negotiation open to visitors who are not signed in."""
    world.negotiation.is_public = True
    world.negotiation.save()
    return world


@pytest.fixture
def update(world: Any, cast: Any) -> Any:
    from django.utils import timezone

    from caucus.updates.models import Update

    return Update.objects.create(
        negotiation=world.negotiation,
        title="Strike vote coming",
        slug="strike-vote-coming",
        summary="The employer is writing to you directly. Watch for our updates.",
        body="The employer answered with **2%**. We meet Tuesday.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
        author=cast["comms"],
    )
