"""The send's background work, on Django's task API (the database worker of ``make run``, or
RQ on Redis with workers on many machines).

``start_send`` takes a send off ``queued`` (or ``scheduled``, once due) with a conditional
update, publishes an embargoed update, makes the outbox in one statement and starts
``CAUCUS_DELIVERY_PARALLEL`` chains of ``deliver``. Each ``deliver`` claims one batch and
enqueues its successor *before* sending it, so a worker killed mid-batch leaves the chain
alive; the chain's end waits (``run_after``) for retries and abandoned claims, then finishes
the send.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from caucus.delivery.fanout import fan_out
from caucus.delivery.models import Send
from caucus.delivery.outbox import Sender, claim, next_wake, pause, settle, should_pause
from caucus.updates.actions import UpdateError, do_publish_update

log = logging.getLogger(__name__)
# A chain's end waits this long in the worker for a claim to lapse; longer, it is deferred.
SHORT_WAIT_SECONDS = 5


def enqueue_deliver(send_id: int, run_after: datetime | None = None) -> None:
    if run_after is None:
        deliver.enqueue(send_id)
        return
    if deliver.get_backend().supports_defer:
        deliver.using(run_after=run_after).enqueue(send_id)
    # A backend that cannot wait (the tests' immediate one) leaves the retry to the next call.


def _begin(send_id: int) -> Send | None:
    now = timezone.now()
    moved = (
        Send.objects.filter(pk=send_id, status__in=[Send.Status.QUEUED, Send.Status.SCHEDULED])
        .exclude(scheduled_for__gt=now)
        .update(status=Send.Status.RUNNING, started_at=now, stage="Preparing the outbox")
    )
    return Send.objects.select_related("update", "created_by").get(pk=send_id) if moved else None


@task()
def start_send(send_id: int) -> None:
    send = _begin(send_id)
    if send is None:
        return  # cancelled, already started by another worker, or not due yet
    update = send.update
    if not update.is_published:
        try:
            do_publish_update(send.created_by, update, by_send=True)
        except UpdateError as error:
            send.fail(f"The update could not be published: {error.message}")
            return
    with transaction.atomic():
        total = fan_out(send)
    send.report(0, total, "Sending")
    log.info("send %s: %s messages in the outbox", send.pk, total)
    for _ in range(max(1, settings.CAUCUS_DELIVERY_PARALLEL)):
        enqueue_deliver(send.pk)


@task()
def deliver(send_id: int) -> None:
    send = Send.objects.select_related("update__negotiation__coalition").get(pk=send_id)
    if send.status != Send.Status.RUNNING:
        return  # paused, cancelled or done: the chain stops here
    token, rows = claim(send_id)
    if rows:
        enqueue_deliver(send_id)
        outcome = Sender(send, token).run(rows)
        if should_pause(outcome) and pause(send, outcome):
            log.warning("send %s paused: %s", send_id, outcome.last_error)
            return
    if settle(send) or rows:
        return
    wake = next_wake(send)
    if wake is None:
        return
    wait = (wake - timezone.now()).total_seconds()
    if wait <= SHORT_WAIT_SECONDS:
        # A claim about to lapse: wait here rather than on a scheduler (RQ's may have been the
        # killed worker's), then go on.
        time.sleep(max(wait, 0) + 0.05)
        enqueue_deliver(send_id)
    else:
        enqueue_deliver(send_id, wake)
