"""The outbox against a real SMTP server on loopback: one row per recipient × channel, claimed
by one worker at a time, sent over one connection per batch, retried, failed with the
server's answer, paused when the relay refuses, finished once every row is final."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.delivery.actions import do_create_send
from caucus.delivery.models import OutboxMessage, OutboxStatus, Send
from caucus.delivery.outbox import claim
from caucus.delivery.tasks import deliver

pytestmark = pytest.mark.django_db


def _send(cast: Any, update: Any, capture: Any, who: str = "comms", **fields: Any) -> Send:
    fields.setdefault("by_email", True)
    fields.setdefault("by_text", False)
    fields.setdefault("to_whole_coalition", True)
    with capture(execute=True):
        send = do_create_send(cast[who], update, **fields)
    send.refresh_from_db()
    return send


def test_each_member_with_a_usable_address_gets_exactly_one_email(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    world.member(member_id="A-50", email="")
    world.member(member_id="A-51", email="boss@megacorp.example")
    world.member(member_id="A-52", email="gone@personal.example", is_on_roster=False)

    send = _send(cast, update, django_capture_on_commit_callbacks)

    expected = {m.email for m in roster} | {cast.member_record.email}
    assert smtp.per_recipient() == dict.fromkeys(expected, 1)
    assert send.status == Send.Status.DONE
    assert send.rows_done == send.rows_total == len(expected)


def test_a_batch_goes_over_one_smtp_connection(
    cast: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.CAUCUS_DELIVERY_BATCH = 100
    _send(cast, update, django_capture_on_commit_callbacks)
    assert len(smtp.messages) == 9
    assert smtp.sessions == 1


def test_two_workers_claiming_at_once_never_hold_the_same_row(
    cast: Any, roster: list[Any], update: Any, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    send = do_create_send(
        cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
    )
    from caucus.delivery.tasks import start_send

    start_send.call(send.pk)
    _, first = claim(send.pk, size=5)
    _, second = claim(send.pk, size=5)
    _, third = claim(send.pk, size=5)
    assert len(first) == 5
    assert len(second) == 4
    assert third == []
    assert not {r.pk for r in first} & {r.pk for r in second}


def test_a_temporary_refusal_is_tried_again_later_and_then_delivered(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    address = roster[0].email
    smtp.refuse[address] = ["451"]

    send = _send(cast, update, django_capture_on_commit_callbacks)
    row = OutboxMessage.objects.get(send=send, address=address)
    assert row.status == OutboxStatus.QUEUED
    assert row.error.startswith("451")
    assert row.next_attempt_at > timezone.now()
    assert send.status == Send.Status.RUNNING

    OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    deliver.call(send.pk)

    row.refresh_from_db()
    send.refresh_from_db()
    assert row.status == OutboxStatus.SENT
    assert row.attempts == 2
    assert send.status == Send.Status.DONE
    assert smtp.per_recipient()[address] == 1


def test_a_permanent_refusal_is_recorded_with_the_servers_answer(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    address = roster[1].email
    smtp.refuse[address] = ["550"]

    send = _send(cast, update, django_capture_on_commit_callbacks)

    row = OutboxMessage.objects.get(send=send, address=address)
    assert row.status == OutboxStatus.FAILED
    assert row.error == "550 no such user here"
    assert send.status == Send.Status.DONE
    assert address not in smtp.per_recipient()


def test_a_send_pauses_itself_and_says_why_when_the_relay_refuses_everything(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    smtp.refuse_all = "454"

    send = _send(cast, update, django_capture_on_commit_callbacks)

    assert send.status == Send.Status.PAUSED
    assert "were refused" in send.pause_reason
    assert "454 relay says no" in send.pause_reason
    assert smtp.messages == []


def test_rows_of_a_worker_whose_claim_lapsed_go_to_the_next_worker(
    cast: Any, roster: list[Any], update: Any, smtp: Any, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    send = do_create_send(
        cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
    )
    from caucus.delivery.tasks import start_send

    start_send.call(send.pk)
    _, held = claim(send.pk, size=4)  # a worker that then dies
    deliver.call(send.pk)  # another worker: sends what is free, leaves the held rows
    assert len(smtp.messages) == 5

    stale = timezone.now() - timedelta(seconds=settings.CAUCUS_DELIVERY_LEASE_SECONDS + 1)
    OutboxMessage.objects.filter(pk__in=[r.pk for r in held]).update(claimed_at=stale)
    deliver.call(send.pk)

    send.refresh_from_db()
    assert send.status == Send.Status.DONE
    assert sorted(smtp.per_recipient().values()) == [1] * 9


def test_sending_the_same_update_again_skips_members_it_already_reached(
    cast: Any,
    world: Any,
    roster: list[Any],
    update: Any,
    smtp: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _send(
        cast,
        update,
        django_capture_on_commit_callbacks,
        to_whole_coalition=False,
        unions=[world.union_a],
    )
    assert len(smtp.messages) == 6
    second = _send(cast, update, django_capture_on_commit_callbacks)
    assert second.rows_total == 3
    assert sorted(smtp.per_recipient().values()) == [1] * 9


def test_a_server_that_pipelines_gets_every_message_and_refusals_still_count(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    smtp.pipelining = True
    smtp.refuse[roster[2].email] = ["550"]
    send = _send(cast, update, django_capture_on_commit_callbacks)
    assert sorted(smtp.per_recipient().values()) == [1] * 8
    assert roster[2].email not in smtp.per_recipient()
    row = OutboxMessage.objects.get(send=send, address=roster[2].email)
    assert (row.status, row.error) == (OutboxStatus.FAILED, "550 no such user here")
    assert send.status == Send.Status.DONE


def test_with_pipelining_refusals_of_an_envelope_sent_ahead_land_on_the_right_rows(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    smtp.pipelining = True
    smtp.refuse[roster[1].email] = ["451"]
    smtp.refuse[roster[4].email] = ["550"]
    send = _send(cast, update, django_capture_on_commit_callbacks)
    rows = {r.address: r for r in OutboxMessage.objects.filter(send=send)}
    assert (rows[roster[4].email].status, rows[roster[4].email].error) == (
        OutboxStatus.FAILED,
        "550 no such user here",
    )
    assert rows[roster[1].email].status == OutboxStatus.QUEUED  # to be tried again later
    assert rows[roster[1].email].error == "451 try again later"
    delivered = smtp.per_recipient()
    assert set(delivered.values()) == {1}
    assert set(delivered) == {r.address for r in rows.values()} - {
        roster[1].email,
        roster[4].email,
    }


def test_a_worker_that_loses_its_claim_stops_with_no_message_beyond_the_one_it_marked(
    cast: Any, roster: list[Any], update: Any, smtp: Any, monkeypatch: Any, settings: Any
) -> None:
    """The next envelope goes with each message's end, never the next content: a worker
    that stops (its lease lost) leaves that envelope unfinished, and nothing more arrives."""
    from caucus.delivery import outbox
    from caucus.delivery.tasks import start_send

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    smtp.pipelining = True
    send = do_create_send(
        cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
    )
    start_send.call(send.pk)
    marks: list[int] = []
    real_mark = outbox._mark_sent

    def mark_then_lose(row_id: int, token: str, provider_id: str) -> int:
        marks.append(row_id)
        return real_mark(row_id, token, provider_id) if len(marks) < 3 else 0

    monkeypatch.setattr(outbox, "_mark_sent", mark_then_lose)
    deliver.call(send.pk)
    # The third was accepted, then its mark found the claim lost: it is the one in flight,
    # which the next worker sends again; the fourth's envelope went, its content never.
    assert len(smtp.messages) == 3
    assert smtp.sessions == 1
    assert OutboxMessage.objects.filter(send=send, status=OutboxStatus.SENT).count() == 2
    assert OutboxMessage.objects.filter(send=send, status=OutboxStatus.CLAIMED).count() == 7
