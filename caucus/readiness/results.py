"""A campaign action's results against its goal, by local, worksite, unit and shift, and the
time each group took to reach the goal (a structure test's point: how fast the structure moves).

Two queries answer every grouping: the members the action is for, counted by (local, worksite,
unit, shift), and the pledges' times with the same four keys. A group's goal is the action's
share of its members, rounded up; it was reached when its goal-th pledge came in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from caucus.members.models import MemberQuerySet
from caucus.orgs.models import BargainingUnit, Union, Worksite
from caucus.readiness.models import CampaignAction, Pledge, Shift

# (name, label, position of the key in each row)
GROUPINGS = (
    ("local", "Local", 0),
    ("worksite", "Worksite", 1),
    ("unit", "Unit", 2),
    ("shift", "Shift", 3),
)
Key = tuple[int, int, int, str]


@dataclass
class GroupResult:
    label: str
    members: int
    goal: int
    times: list[datetime] = field(default_factory=list)

    @property
    def pledged(self) -> int:
        return len(self.times)

    @property
    def share(self) -> float:
        return self.pledged / self.members if self.members else 0.0

    @property
    def is_met(self) -> bool:
        return self.members > 0 and self.pledged >= self.goal

    @property
    def to_go(self) -> int:
        return max(self.goal - self.pledged, 0)

    @property
    def reached_at(self) -> datetime | None:
        """When the goal-th pledge came in (None until it has)."""
        return self.times[self.goal - 1] if self.goal and self.is_met else None


@dataclass
class ActionResults:
    action: CampaignAction
    now: datetime
    total: GroupResult
    groups: dict[str, list[GroupResult]]

    def time_to_goal(self, group: GroupResult) -> timedelta | None:
        reached = group.reached_at
        return None if reached is None else reached - self.action.opens_at

    def projected_at(self, group: GroupResult) -> datetime | None:
        """When the group would reach its goal at its pace so far (None if it has, or has no
        pace yet)."""
        if group.is_met or not group.pledged:
            return None
        elapsed = (min(self.now, self.action.closes_at) - self.action.opens_at).total_seconds()
        if elapsed <= 0:
            return None
        per_second = group.pledged / elapsed
        return self.now + timedelta(seconds=group.to_go / per_second)

    def behind(self, name: str) -> list[GroupResult]:
        """The groups of a grouping that have not reached the goal."""
        return [g for g in self.groups[name] if not g.is_met]


def members_for(action: CampaignAction, members: MemberQuerySet) -> MemberQuerySet:
    """Of ``members`` (already scoped to the user and the table), those the action is for."""
    return members.filter(union_id=action.union_id) if action.union_id else members


def _labels(keys: set[Key]) -> list[dict[Any, str]]:
    unions = dict(Union.objects.filter(pk__in={k[0] for k in keys}).values_list("pk", "short_name"))
    worksites = dict(Worksite.objects.filter(pk__in={k[1] for k in keys}).values_list("pk", "name"))
    units = {
        pk: f"{short} {name}"
        for pk, short, name in BargainingUnit.objects.filter(
            pk__in={k[2] for k in keys}
        ).values_list("pk", "union__short_name", "name")
    }
    shifts = {value: str(label) for value, label in Shift.choices}
    return [unions, worksites, units, shifts]


def action_results(
    action: CampaignAction, members: MemberQuerySet, now: datetime | None = None
) -> ActionResults:
    """The action's results among ``members`` (the people it is for that the user may see)."""
    now = now or timezone.now()
    scoped = members_for(action, members)
    counts: dict[Key, int] = {
        (u, w, b, s or ""): n
        for u, w, b, s, n in scoped.values_list(
            "union_id", "worksite_id", "unit_id", "readiness__shift"
        )
        .annotate(n=Count("pk"))
        .order_by()
    }
    times: dict[Key, list[datetime]] = defaultdict(list)
    pledges = (
        Pledge.objects.filter(action=action, member__in=scoped)
        .order_by("signed_at", "pk")
        .values_list(
            "member__union_id",
            "member__worksite_id",
            "member__unit_id",
            "member__readiness__shift",
            "signed_at",
        )
    )
    for u, w, b, s, at in pledges.iterator(chunk_size=5000):
        times[(u, w, b, s or "")].append(at)
    labels = _labels(set(counts) | set(times))
    every_time = sorted(at for group in times.values() for at in group)
    total_members = sum(counts.values())
    total = GroupResult("All", total_members, action.goal_count(total_members), every_time)
    groups = {
        name: _grouped(position, counts, times, labels[position], action)
        for name, _, position in GROUPINGS
    }
    return ActionResults(action, now, total, groups)


def _grouped(
    position: int,
    counts: dict[Key, int],
    times: dict[Key, list[datetime]],
    labels: dict[Any, str],
    action: CampaignAction,
) -> list[GroupResult]:
    members: dict[Any, int] = defaultdict(int)
    pledged: dict[Any, list[datetime]] = defaultdict(list)
    for key, n in counts.items():
        members[key[position]] += n
    for key, at in times.items():
        pledged[key[position]].extend(at)
    out = [
        GroupResult(labels.get(value, "—"), n, action.goal_count(n), sorted(pledged[value]))
        for value, n in members.items()
    ]
    return sorted(out, key=lambda g: (g.share, g.label))
