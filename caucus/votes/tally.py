"""The tally: the trustees' key opens the sealed ballots, the counts of each local's online,
paper and accepted challenged ballots are merged, and the engine applies the vote's rule.

The private key comes in with the request (a trustee's file and passphrase) and leaves with
it: the tally runs in that request, not in a task, because a task's arguments are stored in
the database and the key must never be. Opening shuffles the ballots (``open_ballots``) after
the box has been shuffled once more; only counts per local are kept, in ``Result``, and the
challenged ballots' sealed choices are erased. From then on the vote's records are kept a
year (``keep_until``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.engines.ballots import Tally, decide, parse_rules
from caucus.engines.ballots.json_format import outcome_to_dict
from caucus.engines.ballots.keys import KeyFileError, load_trustee_file
from caucus.engines.ballots.sealing import Opening, SealedBallot, open_ballots
from caucus.votes import ballot_box
from caucus.votes.errors import VoteError, require, require_state
from caucus.votes.models import OPTIONS, ChallengedBallot, Result, State, Vote, Voter
from caucus.votes.paper import paper_status, tally_problems

KEEP_FOR = timedelta(days=365)
ZERO = {"yes": 0, "no": 0, "void": 0}


def _private_key(vote: Vote, key_file: str | bytes, passphrase: str) -> Any:
    try:
        return load_trustee_file(key_file, passphrase, public_key=vote.key_bytes())
    except KeyFileError as refused:
        raise VoteError(f"This file does not open the key: {refused}.", field="key_file") from None


def _counts(opening: Opening, key: str) -> dict[str, int]:
    by_option = opening.by_local.get(key, {})
    void = opening.spoiled.get(key, 0) + sum(
        n for option, n in by_option.items() if option not in ("yes", "no")
    )
    return {"yes": by_option.get("yes", 0), "no": by_option.get("no", 0), "void": void}


def _open(vote: Vote, private: Any, keys: dict[int, str]) -> tuple[Opening, Opening]:
    online = open_ballots(
        private,
        (
            SealedBallot(bytes(sealed), keys[union_id])
            for sealed, union_id in vote.ballots.values_list("sealed", "union_id").iterator(
                chunk_size=5000
            )
        ),
        OPTIONS,
    )
    accepted = vote.challenged.filter(status=ChallengedBallot.Status.ACCEPTED)
    challenged = open_ballots(
        private,
        [SealedBallot(bytes(s), keys[u]) for s, u in accepted.values_list("sealed", "union_id")],
        OPTIONS,
    )
    return online, challenged


def channels_by_local(vote: Vote, online: Opening, challenged: Opening) -> dict[str, Any]:
    """Each local's counts by how they were cast: online, paper (the settled count) and
    accepted challenged ballots."""
    keys = vote.local_keys()
    channels: dict[str, Any] = {}
    papers = {local.union.pk: local.settled for local in paper_status(vote)}
    for union_id, key in keys.items():
        paper = papers.get(union_id)
        channels[key] = {
            "online": _counts(online, key),
            "paper": dict(zip(("yes", "no", "void"), paper, strict=True)) if paper else ZERO,
            "challenged": _counts(challenged, key),
        }
    return channels


def tallies_of(vote: Vote, channels: dict[str, Any]) -> list[Tally]:
    """The engine's tallies: per local, those on the roll plus accepted challenged ballots as
    eligible, and every channel's yes, no and void added up. A local with no one eligible is
    left out."""
    keys = vote.local_keys()
    rolls = dict(Voter.objects.filter(vote=vote).values_list("union_id").annotate(n=Count("id")))
    accepted = dict(
        vote.challenged.filter(status=ChallengedBallot.Status.ACCEPTED)
        .values_list("union_id")
        .annotate(n=Count("id"))
    )
    tallies = []
    for union_id, key in sorted(keys.items(), key=lambda kv: kv[1]):
        eligible = rolls.get(union_id, 0) + accepted.get(union_id, 0)
        if not eligible:
            continue
        total = {o: sum(c[o] for c in channels[key].values()) for o in ("yes", "no", "void")}
        tallies.append(Tally(key, eligible, total["yes"], total["no"], total["void"]))
    return tallies


@transaction.atomic
def do_tally(actor: Actor, vote: Vote, key_file: str | bytes, passphrase: str) -> Result:
    """Open, count and decide a closed vote with a trustee's key file."""
    require(actor, vote, "tally")
    vote = Vote.objects.select_for_update().select_related("negotiation").get(pk=vote.pk)
    require_state(vote, State.CLOSED, doing="tallying it")
    problems = tally_problems(vote)
    if problems:
        raise VoteError(" ".join(problems))
    private = _private_key(vote, key_file, passphrase)
    ballot_box.reshuffle(vote)
    online, challenged = _open(vote, private, vote.local_keys())
    channels = channels_by_local(vote, online, challenged)
    outcome = decide(parse_rules(vote.rule), tallies_of(vote, channels))
    result = Result.objects.create(
        vote=vote,
        outcome=outcome_to_dict(outcome),
        channels=channels,
        problems=[*online.problems, *challenged.problems],
        counted=online.counted + challenged.counted,
        tallied_by=actor,
    )
    vote.challenged.update(sealed=None)
    now = timezone.now()
    vote.state, vote.tallied_at, vote.keep_until = State.TALLIED, now, now + KEEP_FOR
    vote.save(update_fields=["state", "tallied_at", "keep_until"])
    record(
        actor,
        "vote.tally",
        vote,
        passes=outcome.passes,
        counted=result.counted,
        problems=len(result.problems),
    )
    return result
