"""Opening and closing votes at their time.

Scheduling a vote sets two alarms (tasks to run at ``opens_at`` and ``closes_at``) when the
task backend can run a task later (the database backend can); ``caucus vote_clock``, run every
minute from cron, does the same for every vote that is due, so a lost alarm only delays it.
Either way the cast itself refuses a ballot outside the window (``ballot_box``): correctness
never waits on the clock.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.utils import timezone
from django_tasks import task

from caucus.votes.errors import VoteError
from caucus.votes.models import State, Vote
from caucus.votes.states import do_close_vote, do_open_vote

log = logging.getLogger(__name__)


def set_alarms(vote: Vote) -> None:
    for alarm, when in ((open_when_due, vote.opens_at), (close_when_due, vote.closes_at)):
        if when is not None:
            _enqueue_at(alarm, when, vote.pk)


def _enqueue_at(alarm: Any, when: datetime, vote_id: int) -> None:
    if alarm.get_backend().supports_defer:
        alarm.using(run_after=max(when, timezone.now())).enqueue(vote_id)


@task()
def open_when_due(vote_id: int) -> None:
    vote = Vote.objects.filter(pk=vote_id, state=State.SCHEDULED).first()
    if vote is not None:
        open_if_due(vote)


@task()
def close_when_due(vote_id: int) -> None:
    vote = Vote.objects.filter(pk=vote_id, state=State.OPEN).first()
    if vote is not None:
        close_if_due(vote)


def open_if_due(vote: Vote) -> bool:
    if vote.opens_at is None or vote.opens_at > timezone.now():
        return False
    try:
        do_open_vote(None, vote)
    except VoteError as refused:
        log.warning("vote %s is due to open but cannot: %s", vote.pk, refused)
        return False
    return True


def close_if_due(vote: Vote) -> bool:
    if vote.closes_at is None or vote.closes_at > timezone.now():
        return False
    do_close_vote(None, vote)
    return True


def tick(now: datetime | None = None) -> tuple[int, int]:
    """Open and close every vote that is due; (opened, closed)."""
    now = now or timezone.now()
    opened = sum(
        open_if_due(v) for v in Vote.objects.filter(state=State.SCHEDULED, opens_at__lte=now)
    )
    closed = sum(close_if_due(v) for v in Vote.objects.filter(state=State.OPEN, closes_at__lte=now))
    return opened, closed
