"""Members sign in with a one-time link, sent over a real SMTP conversation."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[_Inbox]:
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    try:
        yield inbox
    finally:
        controller.stop()


def _wait_for(inbox: _Inbox, count: int = 1) -> None:
    deadline = time.monotonic() + 5
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def _only_the_next_link_arrives(cast: Any, smtp: _Inbox, capture: Any) -> None:
    """No mail went out before: ask a link for the cast's member, and only that one arrives.
    (Ordered by the SMTP server itself, not by waiting to see that nothing came.)"""
    with capture(execute=True):
        Client().post(reverse("member_signin:link"), {"email": cast.member_record.email})
    _wait_for(smtp)
    assert [m["To"] for m in smtp.messages] == [cast.member_record.email]


def _link_in(message: Message) -> str:
    body = message.get_payload(decode=True).decode()
    match = re.search(r"https?://\S+/accounts/link/(\S+?)/", body)
    assert match, body
    return reverse("accounts:magic", args=[match.group(1)])


def test_member_receives_a_link_that_signs_them_in_once(
    cast: Any, smtp: _Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("member_signin:link"), {"email": cast.member_record.email})
    assert "a sign-in link is on its way" in response.content.decode()
    _wait_for(smtp)
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["To"] == cast.member_record.email
    link = _link_in(smtp.messages[0])

    assert "Sign me in" in client.get(link).content.decode()  # a GET does not use the link up
    response = client.post(link)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast["member_a"].pk)

    again = Client().post(link)
    assert again.status_code == 400
    assert "no longer works" in again.content.decode()


def test_an_address_not_on_the_roster_gets_the_same_answer_and_no_mail(
    cast: Any, smtp: _Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("member_signin:link"), {"email": "stranger@nowhere.example"}
        )
    assert "a sign-in link is on its way" in response.content.decode()
    _only_the_next_link_arrives(cast, smtp, django_capture_on_commit_callbacks)


def test_an_employer_address_never_receives_a_link(
    cast: Any, world: Any, smtp: _Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    world.member(member_id="A-7", email="boss@megacorp.example", email_is_employers=True)
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(reverse("member_signin:link"), {"email": "boss@megacorp.example"})
    _only_the_next_link_arrives(cast, smtp, django_capture_on_commit_callbacks)


def test_a_member_found_by_e_mail_gets_an_account_on_first_link(
    world: Any, smtp: _Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    member = world.member(member_id="A-8", email="new.person@personal.example")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(reverse("member_signin:link"), {"email": "NEW.person@personal.example"})
    _wait_for(smtp)
    member.refresh_from_db()
    assert member.user is not None
    assert member.user.email == "new.person@personal.example"
