"""The wall chart: per worksite and unit, each member's latest assessment and the actions they
took part in, the group's designated leaders and its ratio of leaders to members, and who has
not been talked to in N days.

A fixed number of queries whatever the size of the local: one aggregate for every group, one
for the pledges of the latest actions by group, one page of members and their pledges.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from caucus.members.models import Member, MemberQuerySet
from caucus.readiness.models import CampaignAction, Pledge

# One leader for every this many members: the organizing rule of thumb the chart flags against.
MEMBERS_PER_LEADER = 10
DEFAULT_DAYS = 30
PAGE_SIZE = 200
ACTION_COLUMNS = 3


def not_talked_to_since(cutoff: datetime) -> Q:
    """Members with no assessment, or whose latest is older than ``cutoff``."""
    return Q(readiness__assessed_at__isnull=True) | Q(readiness__assessed_at__lt=cutoff)


@dataclass
class Group:
    worksite: str
    unit: str
    worksite_id: int
    unit_id: int
    members: int
    leaders: int
    ones_twos: int
    threes: int
    fours_fives: int
    stale: int
    pledged: int = 0

    @property
    def not_assessed(self) -> int:
        return self.members - self.ones_twos - self.threes - self.fours_fives

    @property
    def members_per_leader(self) -> int | None:
        return math.ceil(self.members / self.leaders) if self.leaders else None

    @property
    def needs_leaders(self) -> int:
        """Leaders still to find for one in every ``MEMBERS_PER_LEADER`` members."""
        return max(math.ceil(self.members / MEMBERS_PER_LEADER) - self.leaders, 0)


def groups(
    members: MemberQuerySet,
    cutoff: datetime,
    names: tuple[dict[int, str], dict[int, str]],
    action: CampaignAction | None,
) -> list[Group]:
    """Every (worksite, unit) group of ``members``, by worksite then unit: one query (and one
    more for the pledges to ``action``)."""
    level = "readiness__level"
    rows = (
        members.values_list("worksite_id", "unit_id")
        .annotate(
            members=Count("pk"),
            leaders=Count("pk", filter=Q(readiness__is_leader=True)),
            ones_twos=Count("pk", filter=Q(**{f"{level}__lte": 2})),
            threes=Count("pk", filter=Q(**{level: 3})),
            fours_fives=Count("pk", filter=Q(**{f"{level}__gte": 4})),
            stale=Count("pk", filter=not_talked_to_since(cutoff)),
        )
        .order_by()
    )
    pledged: dict[tuple[int, int], int] = {}
    if action is not None:
        pledged = {
            (w, u): n
            for w, u, n in Pledge.objects.filter(action=action, member__in=members)
            .values_list("member__worksite_id", "member__unit_id")
            .annotate(n=Count("pk"))
            .order_by()
        }
    worksites, units = names
    out = [
        Group(
            worksite=worksites.get(w, "—"),
            unit=units.get(u, "—"),
            worksite_id=w,
            unit_id=u,
            members=n,
            leaders=leaders,
            ones_twos=ones_twos,
            threes=threes,
            fours_fives=fours_fives,
            stale=stale,
            pledged=pledged.get((w, u), 0),
        )
        for w, u, n, leaders, ones_twos, threes, fours_fives, stale in rows
    ]
    return sorted(out, key=lambda g: (g.worksite, g.unit))


@dataclass
class Row:
    member: Member
    took_part: list[bool]


def member_rows(page: list[Member], actions: list[CampaignAction]) -> list[Row]:
    """Each member of the page with a mark for each action: one query for the pledges."""
    taken: dict[int, set[int]] = defaultdict(set)
    for member_id, action_id in Pledge.objects.filter(
        member__in=[m.pk for m in page], action__in=actions
    ).values_list("member_id", "action_id"):
        taken[member_id].add(action_id)
    return [Row(m, [a.pk in taken[m.pk] for a in actions]) for m in page]


def listed_members(
    members: MemberQuerySet, *, days: int, now: datetime | None = None
) -> MemberQuerySet:
    """The members the chart lists (not talked to in ``days``, when given), leaders first."""
    now = now or timezone.now()
    if days:
        members = members.filter(not_talked_to_since(now - timedelta(days=days)))
    return members.select_related("unit", "worksite", "readiness").order_by(
        "worksite__name", "unit__name", "-readiness__is_leader", "last_name", "first_name", "pk"
    )


def current_pledge(actions: list[CampaignAction], now: datetime) -> CampaignAction | None:
    """The strike pledge the chart counts: the latest one open now, else the latest one."""
    pledges = [a for a in actions if a.kind == CampaignAction.Kind.PLEDGE]
    open_now = [a for a in pledges if a.is_open(now)]
    chosen = open_now or pledges
    return max(chosen, key=lambda a: (a.opens_at, a.pk)) if chosen else None


def totals(rows: list[Group]) -> dict[str, Any]:
    return {
        "members": sum(g.members for g in rows),
        "leaders": sum(g.leaders for g in rows),
        "stale": sum(g.stale for g in rows),
        "pledged": sum(g.pledged for g in rows),
        "without_leader": sum(1 for g in rows if not g.leaders),
    }
