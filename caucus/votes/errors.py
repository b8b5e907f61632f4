"""The one refusal of the votes app, and the checks every action starts with."""

from __future__ import annotations

from caucus.accounts.models import Actor
from caucus.votes.access import may
from caucus.votes.models import Vote


class VoteError(Exception):
    """A change the vote's rules refuse; shown as is, at ``field`` when about one field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


def require(actor: Actor, vote: Vote, need: str) -> None:
    """Refuse an actor who may not ``need`` the vote (the system, ``None``, always may)."""
    if actor is not None and not may(actor, vote, need):
        raise VoteError("You do not have the right to do this in this vote.")


def require_state(vote: Vote, *states: str, doing: str) -> None:
    if vote.state not in states:
        raise VoteError(f"The vote is {vote.get_state_display().lower()}: {doing} is not possible.")
