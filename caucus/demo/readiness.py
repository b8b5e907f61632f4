"""The demo's strike readiness: organizers' assessments across the coalition over ten weeks
(through the sign-in sheet import's own writer), worksite leaders, and a strike pledge drive in
progress that every worksite has carried past its goal but two, the largest stores of Local 34.

Deterministic for a seed. The drive and the threshold are set through readiness's actions;
the thousands of assessments and pledges are written in bulk, as an import writes them.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import polars as pl
from django.utils import timezone

from caucus.members.models import Member
from caucus.readiness.actions import do_create_action, do_set_threshold
from caucus.readiness.importing import members_state
from caucus.readiness.models import CampaignAction, MemberReadiness, Pledge
from caucus.readiness.writing import plan_rows, write_rows

if TYPE_CHECKING:
    from caucus.demo.build import Demo

# Share of members assessed, and the levels given (1 to 5), as a campaign some weeks in.
ASSESSED = 0.66
LEVELS = (1, 2, 3, 4, 5)
LEVEL_WEIGHTS = (12, 38, 28, 14, 8)
WEEKS = 10
# The pledge drive: open three weeks, two to go; each worksite past its goal of two thirds,
# but the two behind.
DRIVE_OPENED_DAYS_AGO, DRIVE_CLOSES_IN_DAYS = 21, 14
GOAL = 67
ON_PACE, BEHIND = 0.78, 0.34
MEMBERS_PER_LEADER = 12
NOTES = (
    "Staffing on weekends",
    "Worried about rent",
    "Wants a raise for shift leads",
    "New hire",
    "",
)


def build_readiness(demo: Demo) -> None:
    rng = random.Random(f"{demo.seed}:readiness")
    negotiation = demo.round.negotiation
    organizer = demo.users["organizer"]
    members = list(
        Member.objects.on_roster()
        .filter(unit__negotiations=negotiation)
        .order_by("union_id", "worksite_id", "pk")
        .values_list("pk", "union_id", "worksite_id")
    )
    local_34 = next(u.pk for u in demo.orgs.unions if u.slug == "local-34")
    _assessments(rng, members, {local_34: organizer}, demo.today)
    _leaders(members)
    drive = _drive(demo)
    _pledges(rng, drive, members, organizer, behind=_behind_worksites(demo, members))
    do_set_threshold(
        demo.users["team"],
        negotiation,
        percent=GOAL,
        measure="pledged",
        scope="every_local",
        action=drive,
    )


def _assessments(
    rng: random.Random, members: list[tuple[int, int, int]], organizers: dict[int, Any], today: Any
) -> None:
    """Two waves per local: first conversations over ten weeks, then a fifth of them again in
    the last fortnight, most moving one step toward 1. Local 34's are its organizer's; the
    others' came in by sign-in sheets (no user of theirs is in the demo)."""
    by_union: dict[int, list[int]] = defaultdict(list)
    for pk, union_id, _ in members:
        if rng.random() < ASSESSED:
            by_union[union_id].append(pk)
    now = timezone.now()
    for union_id, pks in by_union.items():
        first = [
            (
                pk,
                rng.choices(LEVELS, LEVEL_WEIGHTS)[0],
                today - timedelta(days=rng.randint(15, WEEKS * 7)),
            )
            for pk in pks
        ]
        organizer = organizers.get(union_id)
        _write(union_id, first, rng, organizer, now)
        again = [
            (
                pk,
                max(1, level - (1 if rng.random() < 0.7 else 0)),
                today - timedelta(days=rng.randint(0, 13)),
            )
            for pk, level, _ in first
            if rng.random() < 0.2
        ]
        _write(union_id, again, rng, organizer, now)


def _write(
    union_id: int,
    rows: list[tuple[int, int, Any]],
    rng: random.Random,
    organizer: Any,
    now: datetime,
) -> None:
    if not rows:
        return
    actor_id = organizer.pk if organizer is not None else None
    state = members_state(union_id).drop("key")
    frame = pl.DataFrame(
        {
            "pk": [pk for pk, _, _ in rows],
            "level_int": [level for _, level, _ in rows],
            "day": [day for _, _, day in rows],
            "shift_code": [rng.choice(("day", "day", "evening", "night", None)) for _ in rows],
            "note": [rng.choice(NOTES) or None for _ in rows],
        },
        schema={
            "pk": pl.Int64,
            "level_int": pl.Int64,
            "day": pl.Date,
            "shift_code": pl.String,
            "note": pl.String,
        },
    ).join(state, on="pk", how="left")
    write_rows(
        plan_rows(frame, now, actor_id), union_id=union_id, actor_id=actor_id, job_id=None, now=now
    )


def _leaders(members: list[tuple[int, int, int]]) -> None:
    """In each worksite and local, the first level-1 members designated leaders: one for every
    dozen members where there are enough of them."""
    size: dict[tuple[int, int], int] = defaultdict(int)
    for _, union_id, worksite_id in members:
        size[(union_id, worksite_id)] += 1
    ones = (
        MemberReadiness.objects.filter(level=1)
        .order_by("member__union_id", "member__worksite_id", "member_id")
        .values_list("pk", "member__union_id", "member__worksite_id")
    )
    chosen: list[int] = []
    taken: dict[tuple[int, int], int] = defaultdict(int)
    for pk, union_id, worksite_id in ones:
        key = (union_id, worksite_id)
        if taken[key] < math.ceil(size[key] / MEMBERS_PER_LEADER):
            taken[key] += 1
            chosen.append(pk)
    MemberReadiness.objects.filter(pk__in=chosen).update(is_leader=True)


def _drive(demo: Demo) -> CampaignAction:
    now = timezone.now()
    return do_create_action(
        demo.users["team"],
        demo.round.negotiation,
        kind=CampaignAction.Kind.PLEDGE,
        title="Strike authorization pledge",
        text=(
            "I will strike if we have to, to win a fair national agreement: wages we can live on, "
            "stores staffed to do the job, and a fair share of the profits we make."
        ),
        opens_at=now - timedelta(days=DRIVE_OPENED_DAYS_AGO),
        closes_at=now + timedelta(days=DRIVE_CLOSES_IN_DAYS),
        goal_percent=GOAL,
    )


def _behind_worksites(demo: Demo, members: list[tuple[int, int, int]]) -> set[int]:
    """The two largest worksites of Local 34's members: the drive's two behind its goal."""
    local_34 = next(u.pk for u in demo.orgs.unions if u.slug == "local-34")
    size: dict[int, int] = defaultdict(int)
    for _, union_id, worksite_id in members:
        if union_id == local_34:
            size[worksite_id] += 1
    return set(sorted(size, key=lambda w: (-size[w], w))[:2])


def _pledges(
    rng: random.Random,
    drive: CampaignAction,
    members: list[tuple[int, int, int]],
    organizer: Any,
    *,
    behind: set[int],
) -> None:
    """In every worksite and local, the first members by id have signed (a share of them), at
    times spread over the three weeks so far; at the two behind, every local's members."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pk, union_id, worksite_id in members:
        groups[(union_id, worksite_id)].append(pk)
    elapsed = (timezone.now() - drive.opens_at).total_seconds()
    rows = []
    for (union_id, worksite_id), pks in groups.items():
        # Rounded up on pace and down behind, so every view of a worksite (the coalition's, a
        # local's) is past the goal or short of it alike.
        signed = (
            math.floor(BEHIND * len(pks))
            if worksite_id in behind
            else math.ceil(ON_PACE * len(pks))
        )
        for pk in pks[:signed]:
            channel = rng.choices(
                (Pledge.Channel.LINK, Pledge.Channel.ONLINE, Pledge.Channel.CARD), (5, 2, 3)
            )[0]
            rows.append(
                Pledge(
                    action=drive,
                    member_id=pk,
                    union_id=union_id,
                    channel=channel,
                    signed_at=drive.opens_at + timedelta(seconds=elapsed * rng.random() ** 1.3),
                    recorded_by=organizer if channel == Pledge.Channel.CARD else None,
                    card_number=f"{rng.randint(1, 99999):05d}"
                    if channel == Pledge.Channel.CARD
                    else "",
                )
            )
    Pledge.objects.bulk_create(rows, batch_size=5000)
