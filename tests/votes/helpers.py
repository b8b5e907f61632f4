"""Votes for tests, made through the app's own actions (``ready_vote``) or, where a test needs
only the rows, directly (``vote_row``: no key, no roll hashing, cheap for the matrix)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from caucus.votes import actions, states
from caucus.votes.models import State, Vote, Voter, VoteRole, VoteText

TEXTS = {
    "en": {
        "question": "Do you authorize a strike?",
        "explanation": "A **yes** lets the bargaining team call a strike.",
        "yes_label": "Yes, I authorize a strike",
        "no_label": "No",
    },
    "es": {
        "question": "¿Autoriza usted una huelga?",
        "explanation": "Un **sí** permite al equipo convocar una huelga.",
        "yes_label": "Sí, autorizo una huelga",
        "no_label": "No",
    },
}
RULE = {"scope": "both", "default": {"threshold": "2/3"}, "coalition": {"threshold": "2/3"}}
PASSPHRASE = "correct horse battery staple"


def setup_fields(**overrides: Any) -> dict[str, Any]:
    now = timezone.now()
    fields: dict[str, Any] = {
        "title": "Strike authorization 2026",
        "kind": "strike",
        "rule": RULE,
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=2),
        "time_zone": "America/Chicago",
        "online": True,
        "paper": True,
        "cutoff": date(2026, 1, 1),
        "sheet": None,
        "links_costing": False,
    }
    fields.update(overrides)
    return fields


def draft_vote(cast: Any, negotiation: Any = None, **overrides: Any) -> Vote:
    world = cast.world
    negotiation = negotiation or world.negotiation
    units = list(negotiation.units.all())
    return actions.do_save_vote(
        cast["team"], negotiation, None, units=units, **setup_fields(**overrides)
    )


def members(world: Any, a: int = 3, b: int = 2) -> None:
    """``a`` more members of union A and ``b`` of union B, in good standing."""
    for i in range(a):
        world.member(member_id=f"A-{i + 1}", first_name=f"Ana{i}", language="es")
    for i in range(b):
        world.member(world.union_b, member_id=f"B-{i + 1}", first_name=f"Ben{i}")


def scheduled_vote(cast: Any, negotiation: Any = None, **overrides: Any) -> Vote:
    """A vote with its texts, its roll frozen and locked, scheduled; trustee ``observer``,
    committee ``team``, teller ``officer_a`` (granted by ``admin``)."""
    vote = draft_vote(cast, negotiation, **overrides)
    actions.do_save_texts(cast["team"], vote, TEXTS)
    actions.do_freeze_roll(cast["team"], vote)
    actions.do_lock_roll(cast["team"], vote)
    actions.do_schedule_vote(cast["team"], vote)
    for name, role in (("team", "committee"), ("officer_a", "teller"), ("observer", "trustee")):
        actions.do_grant_role(cast["admin"], vote, cast[name], role)
    vote.refresh_from_db()
    return vote


def open_vote(cast: Any, negotiation: Any = None, **overrides: Any) -> tuple[Vote, str]:
    """An open vote and the trustee file of its key (passphrase ``PASSPHRASE``)."""
    vote = scheduled_vote(cast, negotiation, **overrides)
    files = actions.do_make_key(cast["team"], vote, {cast["observer"].pk: PASSPHRASE})
    key_file = files[cast["observer"]]
    actions.do_check_key(cast["observer"], vote, key_file, PASSPHRASE)
    states.do_open_vote(cast["team"], vote)
    vote.refresh_from_db()
    return vote, key_file


def vote_row(negotiation: Any, state: str = State.OPEN, **fields: Any) -> Vote:
    """A vote's row alone, in ``state``, with English and Spanish text and the world's units."""
    now = timezone.now()
    vote = Vote.objects.create(
        negotiation=negotiation,
        title=fields.pop("title", f"A {state} vote"),
        state=state,
        rule=RULE,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
        cutoff=date(2026, 1, 1),
        public_key=bytes(32) if state != State.DRAFT else None,
        **fields,
    )
    vote.units.set(negotiation.units.all())
    for language, text in TEXTS.items():
        VoteText.objects.create(vote=vote, language=language, **text)
    return vote


def grant(vote: Vote, user: Any, role: str) -> VoteRole:
    return VoteRole.objects.create(vote=vote, user=user, role=role)


def voter_row(vote: Vote, member: Any, **fields: Any) -> Voter:
    return Voter.objects.create(
        vote=vote,
        member=member,
        key=f"{member.union.slug}:{member.member_id}",
        union=member.union,
        unit=member.unit,
        worksite=member.worksite,
        **fields,
    )


def result_row(vote: Vote, local_counts: dict[str, tuple[int, int, int, int]]) -> Any:
    """A counted vote's result, from (eligible, yes, no, void) per local key: the engine's
    outcome as the tally stores it, every ballot online."""
    from caucus.engines.ballots import Tally, decide, parse_rules
    from caucus.engines.ballots.json_format import outcome_to_dict
    from caucus.votes.models import Result

    tallies = [Tally(key, *counts) for key, counts in local_counts.items()]
    outcome = outcome_to_dict(decide(parse_rules(vote.rule), tallies))
    channels = {
        key: {"online": {"yes": yes, "no": no, "void": void}}
        for key, (_, yes, no, void) in local_counts.items()
    }
    return Result.objects.create(vote=vote, outcome=outcome, channels=channels)
