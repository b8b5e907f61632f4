"""The demo's votes, made through the votes app's actions: a strike authorization vote that
has closed and been tallied (two thirds in every local and coalition-wide; online ballots,
and paper at one local's meetings), and a ratification vote of the tentative agreement that
is open now, with some turnout already.

Ballots are sealed exactly as a cast seals them, but written in bulk (85,000 members would
otherwise take minutes to cast one by one); everything else goes through the actions. The open
vote's trustee file (passphrase ``DEMO_PASSPHRASE``) and a few members' voting links are
written to ``MEDIA_ROOT/demo/``, so a demo user can vote and tally it (docs/votes.md).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.sealing import seal_choice
from caucus.sheets.models import Sheet
from caucus.votes import actions, credentials, paper, states
from caucus.votes.ballot_box import hour_of
from caucus.votes.models import Ballot, Channel, Vote, Voter
from caucus.votes.tally import do_tally

if TYPE_CHECKING:
    from caucus.demo.build import Demo

DEMO_PASSPHRASE = "harborline demo trustee"  # noqa: S105 - the demo's, printed in the docs
STRIKE_TEXTS = {
    "en": (
        "Do you authorize the bargaining team to call a strike if Harborline does not agree "
        "to a fair contract?",
        "A **yes** vote gives the team the power to call a strike; it does not start one.",
        "Yes, I authorize a strike",
        "No",
    ),
    "es": (
        "¿Autoriza usted al equipo de negociación a convocar una huelga si Harborline no "
        "acepta un contrato justo?",
        "Un voto por el **sí** da al equipo el poder de convocar una huelga; no la inicia.",
        "Sí, autorizo una huelga",
        "No",
    ),
}
RATIFY_TEXTS = {
    "en": (
        "Do you ratify the tentative agreement with Harborline?",
        "Read the agreement's articles below and what it means for your pay.",
        "Yes, I ratify the agreement",
        "No, I reject it",
    ),
    "es": (
        "¿Ratifica usted el acuerdo tentativo con Harborline?",
        "Lea los artículos del acuerdo y lo que significa para su salario.",
        "Sí, ratifico el acuerdo",
        "No, lo rechazo",
    ),
}
TWO_THIRDS = {"scope": "both", "default": {"threshold": "2/3"}, "coalition": {"threshold": "2/3"}}
MAJORITY = {
    "scope": "both",
    "default": {"threshold": "majority"},
    "coalition": {"threshold": "majority"},
}


def build_votes(demo: Demo) -> None:
    rng = random.Random(f"{demo.seed}:votes")
    users = demo.users
    strike = _set_up(demo, "Strike authorization vote", "strike", TWO_THIRDS, STRIKE_TEXTS)
    key_file = _open(demo, strike)
    _cast_in_bulk(rng, strike, turnout=(0.62, 0.84), yes=(0.71, 0.95), hours=72)
    _paper_meeting(rng, demo, strike)
    states.do_close_vote(users["team"], strike)
    do_tally(users["observer"], strike, key_file, DEMO_PASSPHRASE)
    actions.do_certify(users["team"], strike)
    _move_to_the_past(strike, days=40)

    ratify = _set_up(
        demo, "Ratification of the tentative agreement", "ratification", MAJORITY, RATIFY_TEXTS
    )
    key_file = _open(demo, ratify)
    _cast_in_bulk(rng, ratify, turnout=(0.12, 0.3), yes=(0.5, 0.9), hours=20)
    _write_demo_files(ratify, key_file)


def _set_up(demo: Demo, title: str, kind: str, rule: dict[str, Any], texts: dict) -> Vote:
    team, admin = demo.users["team"], demo.users["admin"]
    negotiation = demo.round.negotiation
    now = timezone.now()
    sheet = Sheet.objects.filter(negotiation=negotiation, status=Sheet.Status.PUBLISHED).first()
    vote = actions.do_save_vote(
        team,
        negotiation,
        None,
        units=list(negotiation.units.all()),
        articles=list(negotiation.articles.filter(tentative_agreements__isnull=False))
        if kind == "ratification"
        else [],
        title=title,
        kind=kind,
        rule=rule,
        opens_at=now - (timedelta(hours=20) if kind == "ratification" else timedelta(days=3)),
        closes_at=now + timedelta(days=4),
        time_zone=settings.TIME_ZONE,
        online=True,
        paper=True,
        cutoff=demo.today - timedelta(days=60),
        sheet=sheet if kind == "ratification" else None,
        links_costing=kind == "ratification" and actions.published_costing(negotiation),
    )
    actions.do_save_texts(
        team,
        vote,
        {
            language: dict(zip(actions.TEXT_FIELDS, values, strict=True))
            for language, values in texts.items()
        },
    )
    actions.do_freeze_roll(team, vote)
    actions.do_lock_roll(team, vote)
    actions.do_schedule_vote(team, vote)
    for name, role in (("team", "committee"), ("officer", "teller"), ("observer", "trustee")):
        actions.do_grant_role(admin, vote, demo.users[name], role)
    return vote


def _open(demo: Demo, vote: Vote) -> str:
    observer = demo.users["observer"]
    files = actions.do_make_key(demo.users["team"], vote, {observer.pk: DEMO_PASSPHRASE})
    actions.do_check_key(observer, vote, files[observer], DEMO_PASSPHRASE)
    states.do_open_vote(demo.users["team"], vote)
    vote.refresh_from_db()
    return files[observer]


def _cast_in_bulk(
    rng: random.Random,
    vote: Vote,
    *,
    turnout: tuple[float, float],
    yes: tuple[float, float],
    hours: int,
) -> None:
    """Each local's turnout and yes share drawn from the ranges; ballots sealed as a cast
    seals them, voters marked in the hours since the vote opened (more at first)."""
    key = vote.key_bytes()
    start = hour_of(vote.opens_at or timezone.now())
    ballots, voted = [], []
    voters = list(Voter.objects.filter(vote=vote).values_list("pk", "union_id"))
    shares = {u: (rng.uniform(*turnout), rng.uniform(*yes)) for u in {u for _, u in voters}}
    for pk, union_id in voters:
        share, yes_share = shares[union_id]
        if rng.random() >= share:
            continue
        sealed = seal_choice(key, "yes" if rng.random() < yes_share else "no")
        ballots.append(
            Ballot(vote=vote, union_id=union_id, sealed=sealed, receipt=receipt_code(sealed))
        )
        voted.append((pk, start + timedelta(hours=int(rng.triangular(0, hours, 0)))))
    Ballot.objects.bulk_create(ballots, batch_size=2000)
    by_hour: dict[datetime, list[int]] = {}
    for pk, hour in voted:
        by_hour.setdefault(min(hour, hour_of(timezone.now())), []).append(pk)
    for hour, pks in by_hour.items():
        Voter.objects.filter(pk__in=pks).update(
            has_voted=True, channel=Channel.ONLINE, voted_hour=hour
        )


def _paper_meeting(rng: random.Random, demo: Demo, vote: Vote) -> None:
    """A meeting at local 34's stores: the teller strikes off members who had not voted
    online, two tellers count their ballots alike."""
    officer, team = demo.users["officer"], demo.users["team"]
    union = next(u for u in demo.orgs.unions if u.slug == "local-34")
    waiting = list(
        Voter.objects.filter(vote=vote, union=union, has_voted=False).order_by("pk")[:40]
    )
    for voter in waiting:
        paper.do_strike_off(officer, voter)
    yes = sum(rng.random() < 0.8 for _ in waiting)
    spoiled = 1 if yes < len(waiting) else 0  # one of the other ballots, when there is one
    counts = (yes, len(waiting) - yes - spoiled, spoiled)
    for teller in (officer, team):
        paper.do_enter_paper_count(teller, vote, union, counts)


def _move_to_the_past(vote: Vote, days: int) -> None:
    """The strike vote ran weeks ago: its window and its turnout hours moved back together."""
    back = timedelta(days=days)
    fields = ("opens_at", "closes_at", "opened_at", "closed_at", "tallied_at", "certified_at")
    vote = Vote.objects.get(pk=vote.pk)
    moved = {name: getattr(vote, name) - back for name in fields if getattr(vote, name)}
    Vote.objects.filter(pk=vote.pk).update(**moved)
    Voter.objects.filter(vote=vote, voted_hour__isnull=False).update(
        voted_hour=F("voted_hour") - back
    )


def demo_folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "demo"


def _write_demo_files(vote: Vote, key_file: str) -> None:
    """The open vote's trustee file, and voting links for a few members who have not voted
    (the demo member among them), for trying the vote out."""
    folder = demo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"vote-{vote.pk}-trustee-key.json").write_text(key_file, encoding="utf-8")
    waiting = Voter.objects.filter(vote=vote, has_voted=False).select_related("member")
    chosen = list(waiting.filter(member__user__isnull=False)[:1])
    for language in ("es", "en", "vi"):
        chosen += list(waiting.filter(member__language=language, member__user__isnull=True)[:1])
    issued = credentials.issue_credentials([v.pk for v in chosen])
    lines = [
        f"Voting links for the demo's open vote ({vote.title}). Trustee passphrase: "
        f"{DEMO_PASSPHRASE}",
        "",
    ]
    for voter in chosen:
        member = voter.member
        who = f"{member.full_name} ({member.language})" if member else voter.key
        lines.append(f"{who}: {credentials.ballot_link(vote, issued[voter.pk])}")
    (folder / f"vote-{vote.pk}-voting-links.txt").write_text("\n".join(lines) + "\n")
