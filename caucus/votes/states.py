"""The moments a vote changes hands: opening (members may vote) and closing (no one may,
and the ballot box is shuffled). The committee does both by hand; the clock does both at
their time (``caucus.votes.clock``), as ``actor`` None.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.votes import ballot_box
from caucus.votes.errors import VoteError, require, require_state
from caucus.votes.models import State, Vote, VoteRole


def open_problems(vote: Vote, now: datetime) -> list[str]:
    """What keeps a scheduled vote from opening, in words; empty when it may."""
    problems = []
    if not vote.has_key:
        problems.append("The vote's key is not made.")
    elif not VoteRole.objects.filter(vote=vote, key_checked_at__isnull=False).exists():
        problems.append("No trustee has checked their key file yet.")
    if vote.closes_at is None or vote.closes_at <= now:
        problems.append("Its closing time has passed.")
    return problems


@transaction.atomic
def do_open_vote(actor: Actor, vote: Vote) -> None:
    """Open the vote: at its time (the clock, ``actor`` None) or now, by the committee."""
    require(actor, vote, "manage")
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    require_state(vote, State.SCHEDULED, doing="opening it")
    now = timezone.now()
    problems = open_problems(vote, now)
    if problems:
        raise VoteError(" ".join(problems))
    early = vote.opens_at is None or now < vote.opens_at
    if early and actor is None:
        raise VoteError("It is not time to open the vote yet.")
    vote.opens_at = min(vote.opens_at or now, now)
    vote.state, vote.opened_at = State.OPEN, now
    vote.save(update_fields=["opens_at", "state", "opened_at"])
    record(actor, "vote.open", vote, early=early, voters=vote.roll_size)


@transaction.atomic
def do_close_vote(actor: Actor, vote: Vote) -> int:
    """Close the vote (at its time, or early by the committee), and put its sealed ballots
    back in a random order, so where and when each was written says nothing."""
    require(actor, vote, "manage")
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    require_state(vote, State.OPEN, doing="closing it")
    now = timezone.now()
    early = vote.closes_at is None or now < vote.closes_at
    if early and actor is None:
        raise VoteError("It is not time to close the vote yet.")
    vote.closes_at = min(vote.closes_at or now, now)
    vote.state, vote.closed_at = State.CLOSED, now
    vote.save(update_fields=["closes_at", "state", "closed_at"])
    ballots = ballot_box.reshuffle(vote)
    record(actor, "vote.close", vote, early=early, ballots=ballots)
    return ballots
