"""A send's page while it runs, as staff watch it: the counts move as batches go out, a running
send can be cancelled (what was handed over stays sent, nothing more goes), and a send that
paused itself says why, with a way to resume."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from caucus.delivery.actions import do_create_send
from caucus.delivery.models import OutboxMessage, OutboxStatus, Send
from caucus.delivery.tasks import deliver, start_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(cast: Any, roster: list[Any], update: Any, smtp: Any, settings: Any) -> Send:
    """A send whose outbox is made and whose first batch of four went out; its worker is
    a dummy one that keeps the next tasks without running them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.CAUCUS_DELIVERY_BATCH = 4
    send = do_create_send(
        cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
    )
    start_send.call(send.pk)
    deliver.call(send.pk)
    send.refresh_from_db()
    return send


def _counts(page: str) -> dict[str, int]:
    return {k: int(n) for k, n in re.findall(r"<dt>([^<]+)</dt><dd>([\d,]+)</dd>", page)}


def test_the_progress_shows_what_went_and_what_waits_and_keeps_polling(
    cast: Any, running: Send, smtp: Any
) -> None:
    client = cast.client("comms")
    part = client.get(reverse("delivery:progress", args=[running.pk])).content.decode()
    assert "Progress: Sending" in part
    assert _counts(part)["Sent"] == 4 == len(smtp.messages)
    assert _counts(part)["Waiting"] == 5
    assert 'hx-trigger="every 2s"' in part

    deliver.call(running.pk)
    deliver.call(running.pk)
    part = client.get(reverse("delivery:progress", args=[running.pk])).content.decode()
    assert "Progress: Sent" in part
    assert (_counts(part)["Sent"], _counts(part)["Waiting"]) == (9, 0)
    assert "hx-trigger" not in part  # finished: the page stops asking


def test_a_running_send_cancelled_sends_nothing_more(cast: Any, running: Send, smtp: Any) -> None:
    client = cast.client("comms")
    client.post(reverse("delivery:cancel", args=[running.pk]))
    deliver.call(running.pk)  # the chain's next task finds the send cancelled
    page = client.get(reverse("delivery:send", args=[running.pk])).content.decode()
    assert "Progress: Cancelled" in page
    assert _counts(page)["Not sent (suppressed or cancelled)"] == 5
    assert len(smtp.messages) == 4
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT).count() == 4


def test_a_send_that_paused_itself_says_why_on_its_page_and_resumes(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    smtp.refuse_all = "454"
    with django_capture_on_commit_callbacks(execute=True):
        send = do_create_send(
            cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
        )
    client = cast.client("comms")
    page = client.get(reverse("delivery:send", args=[send.pk])).content.decode()
    assert "Progress: Paused" in page
    assert re.search(r'role="alert"[^>]*>Paused by itself: \d+ of the last \d+ messages', page)
    assert "454 relay says no" in page

    smtp.refuse_all = None  # the relay is fixed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("delivery:resume", args=[send.pk]))
    page = client.get(reverse("delivery:send", args=[send.pk])).content.decode()
    assert "Progress: Sent" in page
    assert sorted(smtp.per_recipient().values()) == [1] * 9
