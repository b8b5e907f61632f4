"""Turnout for organizers: how many on the roll have voted (online or struck off on paper), by
local, unit and worksite, and hour by hour; and, for an organizer's own local, who has not
voted yet. Nothing here reads a ballot: turnout comes from the roll alone, so no choice and no
count of choices can show before the tally.

``union_ids`` scopes every figure: None for all locals, else only those locals' voters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from caucus.votes.models import Channel, Vote, Voter

GROUPS = {
    "local": ("union_id", "union__short_name"),
    "unit": ("unit_id", "unit__name"),
    "worksite": ("worksite_id", "worksite__name"),
}


@dataclass(frozen=True)
class TurnoutRow:
    name: str
    eligible: int
    online: int
    paper: int

    @property
    def voted(self) -> int:
        return self.online + self.paper

    @property
    def percent(self) -> float:
        return round(100 * self.voted / self.eligible, 1) if self.eligible else 0.0


def scoped(vote: Vote, union_ids: Iterable[int] | None) -> QuerySet[Voter]:
    voters = Voter.objects.filter(vote=vote)
    return voters if union_ids is None else voters.filter(union_id__in=list(union_ids))


def turnout_by(vote: Vote, group: str, union_ids: Iterable[int] | None) -> list[TurnoutRow]:
    """Turnout per local, unit or worksite, largest groups first."""
    pk, name = GROUPS[group]
    keys = (pk, name, "union__short_name") if group == "unit" else (pk, name)
    rows = (
        scoped(vote, union_ids)
        .values(*keys)
        .annotate(
            eligible=Count("id"),
            online=Count("id", filter=Q(channel=Channel.ONLINE)),
            paper=Count("id", filter=Q(channel=Channel.PAPER)),
        )
        .order_by("-eligible", name)
    )
    out = []
    for row in rows:
        label = row[name] if group != "unit" else f"{row['union__short_name']} – {row[name]}"
        out.append(TurnoutRow(label, row["eligible"], row["online"], row["paper"]))
    return out


def total(vote: Vote, union_ids: Iterable[int] | None) -> TurnoutRow:
    counts = scoped(vote, union_ids).aggregate(
        eligible=Count("id"),
        online=Count("id", filter=Q(channel=Channel.ONLINE)),
        paper=Count("id", filter=Q(channel=Channel.PAPER)),
    )
    return TurnoutRow("All", counts["eligible"], counts["online"], counts["paper"])


def hourly(vote: Vote, union_ids: Iterable[int] | None) -> list[tuple[datetime, int, int]]:
    """(hour in the vote's time zone, voted in that hour, voted by its end) from the opening
    to now or the close, every hour present."""
    counts = dict(
        scoped(vote, union_ids)
        .filter(has_voted=True, voted_hour__isnull=False)
        .values_list("voted_hour")
        .annotate(n=Count("id"))
    )
    if vote.opens_at is None:
        return []
    hour = vote.opens_at.replace(minute=0, second=0, microsecond=0)
    end = min(vote.closes_at or timezone.now(), timezone.now())
    zone = ZoneInfo(vote.time_zone)
    series: list[tuple[datetime, int, int]] = []
    running = 0
    while hour <= end and len(series) < 24 * 62:
        running += counts.get(hour, 0)
        series.append((timezone.localtime(hour, zone), counts.get(hour, 0), running))
        hour += timedelta(hours=1)
    return series


def chart(vote: Vote, union_ids: Iterable[int] | None) -> dict[str, Any]:
    """The hourly series as the chart script reads it (the page shows the same as a table)."""
    series = hourly(vote, union_ids)
    return {
        "type": "line",
        "labels": [date_format(hour, "SHORT_DATETIME_FORMAT") for hour, _, _ in series],
        "datasets": [{"label": "Voted so far", "data": [running for _, _, running in series]}],
    }


def not_voted(vote: Vote, union_ids: Iterable[int] | None, worksite: int | None = None) -> Any:
    """Who on the roll has not voted yet (for organizers to call), by worksite and name."""
    voters = scoped(vote, union_ids).filter(has_voted=False, member__isnull=False)
    if worksite is not None:
        voters = voters.filter(worksite_id=worksite)
    return voters.select_related("member", "worksite", "union").order_by(
        "worksite__name", "member__last_name", "member__first_name"
    )
