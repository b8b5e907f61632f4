"""The demo's delivery: what `make run` shows, and the tour of the issue done on it — staff send
the latest update to one local by e-mail and text, a Spanish-speaking member gets exactly one
e-mail in Spanish with the sheet attached, unsubscribes with one click, and gets nothing next
time."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    call_command("demo", "--seed", "7", "--members", "500", stdout=StringIO())


def test_the_demo_shows_a_finished_send_with_its_report_preferences_and_suppressions(
    demo: None,
) -> None:
    from caucus.delivery.models import MemberPreference, OutboxMessage, Send, Suppression

    send = Send.objects.get()
    assert send.status == Send.Status.DONE
    assert send.rows_done == send.rows_total > 0
    statuses = set(OutboxMessage.objects.filter(send=send).values_list("status", flat=True))
    assert statuses == {"sent", "failed", "bounced"}
    assert MemberPreference.objects.filter(language="es").count() == 3
    assert set(Suppression.objects.values_list("reason", flat=True)) == {"unsubscribed", "bounce"}


def test_a_member_gets_the_latest_update_once_in_spanish_and_one_click_stops_the_next(
    demo: None, smtp: Any, texts: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from caucus.accounts.models import User
    from caucus.delivery.actions import do_create_send
    from caucus.delivery.models import MemberPreference
    from caucus.orgs.models import Union
    from caucus.updates.models import Update

    comms = User.objects.get(username="comms")
    update = Update.objects.get(slug="the-company-package")
    local = Union.objects.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        do_create_send(
            comms, update, by_email=True, by_text=True, to_whole_coalition=False, unions=[local]
        )
    spanish = MemberPreference.objects.filter(language="es").select_related("member").first().member
    mine = smtp.to(spanish.email.lower())
    assert len(mine) == 1
    message = mine[0]
    assert message["Content-Language"] == "es"
    pdfs = [p.get_filename() for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert pdfs == ["Where the open articles stand.pdf"]
    assert texts  # the local's members with a phone got the text too

    url = re.fullmatch(r"<https?://[^/]+(/\S+)>", message["List-Unsubscribe"]).group(1)
    Client().post(url, {"List-Unsubscribe": "One-Click"})
    again = Update.objects.get(slug="first-tentative-agreements")
    with django_capture_on_commit_callbacks(execute=True):
        do_create_send(
            comms, again, by_email=True, by_text=False, to_whole_coalition=False, unions=[local]
        )
    assert len(smtp.to(spanish.email.lower())) == 1
