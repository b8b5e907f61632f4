"""caucus.votes in the JSON API: the same access helpers as its pages (``caucus.votes.access``),
read-only. A vote's state, window, rule and roll; its turnout (counts, never choices; an
organizer's own locals only); and its result once counted (the engine's JSON, docs/votes.md,
with each local's counts by how they were cast; a group of fewer than 10 voters not broken
down, as on the pages).

Writes (casting, paper counts, the tally) are not offered here: the tally needs a trustee's
key file in the request that counts, and the pages are where a person hands it over.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from caucus.api.access import require
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message
from caucus.table.access import access_negotiation
from caucus.votes import turnout
from caucus.votes.access import access_vote, may_see_votes_of, turnout_union_ids, visible_votes
from caucus.votes.models import Vote
from caucus.votes.results import reported_result, result_of

router = Router(tags=["votes"])
ERRORS = {401: Message, 403: Message, 404: Message}


class VoteOut(Schema):
    id: int
    title: str
    kind: str = Field(description="strike or ratification")
    state: str = Field(description="draft, scheduled, open, closed, tallied or certified")
    opens_at: datetime | None
    closes_at: datetime | None
    time_zone: str
    online: bool
    paper: bool
    rule: dict[str, Any] = Field(description="The rule, as a rule file holds it (docs/votes.md).")
    roll_size: int
    roll_hash: str = Field(description="SHA-256 of the voter keys, once the roll is locked.")
    url: str | None = Field(description="The member page, once past its draft.")


class TurnoutRowOut(Schema):
    name: str
    eligible: int
    voted: int
    online: int
    paper: int
    percent: float


class TurnoutOut(Schema):
    vote: int
    total: TurnoutRowOut
    locals: list[TurnoutRowOut]


class ResultOut(Schema):
    vote: int
    outcome: dict[str, Any] = Field(description="The engine's outcome (format 1, docs/votes.md).")
    channels: dict[str, Any] = Field(description="Each local's counts: online, paper, challenged.")
    counted: int
    tallied_at: datetime


def _vote_out(vote: Vote) -> dict[str, Any]:
    return {
        "id": vote.pk,
        "title": vote.title,
        "kind": vote.kind,
        "state": vote.state,
        "opens_at": vote.opens_at,
        "closes_at": vote.closes_at,
        "time_zone": vote.time_zone,
        "online": vote.online,
        "paper": vote.paper,
        "rule": vote.rule,
        "roll_size": vote.roll_size,
        "roll_hash": vote.roll_hash,
        "url": None if vote.is_draft else vote.get_public_url(),
    }


def _row_out(row: turnout.TurnoutRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "eligible": row.eligible,
        "voted": row.voted,
        "online": row.online,
        "paper": row.paper,
        "percent": row.percent,
    }


def _vote(request: HttpRequest, slug: str, vote_id: int, need: str) -> Vote:
    user = require(request, "staff.enter")
    vote = access_vote(user, vote_id, need)
    if vote.negotiation.slug != slug:
        raise HttpError(404, "No such vote.")
    return vote


@router.get("/negotiations/{slug}/votes", response={200: list[VoteOut], **ERRORS})
def list_votes(request: HttpRequest, slug: NegotiationSlug) -> Any:
    """The negotiation's votes the token's user sees, newest first."""
    user = require(request, "staff.enter")
    negotiation = access_negotiation(user, slug, "staff.enter")
    if not may_see_votes_of(user, negotiation):
        raise HttpError(404, "No such negotiation.")
    return [_vote_out(vote) for vote in visible_votes(user, negotiation)]


@router.get("/negotiations/{slug}/votes/{vote_id}", response={200: VoteOut, **ERRORS})
def get_vote(request: HttpRequest, slug: NegotiationSlug, vote_id: RowId) -> Any:
    return _vote_out(_vote(request, slug, vote_id, "view"))


@router.get("/negotiations/{slug}/votes/{vote_id}/turnout", response={200: TurnoutOut, **ERRORS})
def get_vote_turnout(request: HttpRequest, slug: NegotiationSlug, vote_id: RowId) -> Any:
    """Who has voted, by local: for an organizer, their own locals only."""
    vote = _vote(request, slug, vote_id, "turnout")
    scope = turnout_union_ids(request.auth, vote)  # type: ignore[attr-defined]
    return {
        "vote": vote.pk,
        "total": _row_out(turnout.total(vote, scope)),
        "locals": [_row_out(row) for row in turnout.turnout_by(vote, "local", scope)],
    }


@router.get("/negotiations/{slug}/votes/{vote_id}/result", response={200: ResultOut, **ERRORS})
def get_vote_result(request: HttpRequest, slug: NegotiationSlug, vote_id: RowId) -> Any:
    """The result, once the vote is counted (404 before: no count exists)."""
    vote = _vote(request, slug, vote_id, "view")
    result = result_of(vote)
    if result is None:
        raise HttpError(404, "The vote has not been counted yet.")
    return {
        "vote": vote.pk,
        **reported_result(result),
        "counted": result.counted,
        "tallied_at": result.tallied_at,
    }
