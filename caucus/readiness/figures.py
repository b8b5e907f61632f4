"""The readiness dashboard's figures: per local and for all the locals the user sees, the share
of members assessed 1–2, pledged and reached (talked to at least once); the same over time; the
bargaining team's threshold, met or not; and the plain words the team can use.

A fixed number of queries whatever the size of the roster (pinned in the tests): one aggregate
of members by local, one of pledges by local and one of the last week's pledges, and one per
line of the chart, each a sum of moves by day (an assessment that moves a member into or out of
1–2, a first conversation, a pledge), added up day by day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format

from caucus.members.models import MemberQuerySet
from caucus.orgs.models import Union
from caucus.readiness.models import (
    Assessment,
    CampaignAction,
    MemberReadiness,
    Pledge,
    Threshold,
)

CHART_WEEKS = 12
PACE_DAYS = 7


@dataclass
class LocalFigures:
    union_id: int
    name: str
    members: int = 0
    ones_twos: int = 0
    reached: int = 0
    pledged: int = 0
    pledged_this_week: int = 0

    def count(self, measure: str) -> int:
        return {"pledged": self.pledged, "assessed": self.ones_twos, "reached": self.reached}[
            measure
        ]

    def share(self, measure: str) -> float:
        return self.count(measure) / self.members if self.members else 0.0

    def needed(self, measure: str, percent: int) -> int:
        """Members still to move for ``percent`` of them to count."""
        goal = math.ceil(self.members * percent / 100 - 1e-9)
        return max(goal - self.count(measure), 0)

    @property
    def pledged_share(self) -> float:
        return self.share("pledged")

    @property
    def ones_twos_share(self) -> float:
        return self.share("assessed")

    @property
    def reached_share(self) -> float:
        return self.share("reached")


@dataclass
class Point:
    day: date
    ones_twos: int
    reached: int
    pledged: int


@dataclass
class Figures:
    today: date
    locals: list[LocalFigures]
    total: LocalFigures
    pledge: CampaignAction | None
    threshold: Threshold | None
    points: list[Point] = field(default_factory=list)

    def is_met(self, local: LocalFigures) -> bool:
        t = self.threshold
        return t is not None and local.members > 0 and local.needed(t.measure, t.percent) == 0

    @property
    def met(self) -> list[LocalFigures]:
        return [local for local in self.locals if self.is_met(local)]

    @property
    def short(self) -> list[LocalFigures]:
        """Locals short of the threshold, furthest first."""
        t = self.threshold
        if t is None:
            return []
        behind = [local for local in self.locals if not self.is_met(local)]
        return sorted(behind, key=lambda local: (local.share(t.measure), local.name))

    @property
    def is_ready(self) -> bool:
        if self.threshold is None:
            return False
        if self.threshold.scope == Threshold.Scope.COALITION:
            return self.is_met(self.total)
        return bool(self.locals) and len(self.met) == len(self.locals)


def counted_pledge(negotiation: Any, threshold: Threshold | None) -> CampaignAction | None:
    """The pledge the dashboard counts: the threshold's, else the table's latest strike pledge
    (one for every local before one for a single local)."""
    if threshold is not None and threshold.action_id is not None:
        return threshold.action
    return (
        CampaignAction.objects.filter(negotiation=negotiation, kind=CampaignAction.Kind.PLEDGE)
        .order_by(F("union").asc(nulls_first=True), "-opens_at", "-pk")
        .first()
    )


def _locals(members: MemberQuerySet, unions: Iterable[Union]) -> dict[int, LocalFigures]:
    figures = {u.pk: LocalFigures(u.pk, u.short_name or u.name) for u in unions}
    for union_id, n, ones_twos, reached in (
        members.values_list("union_id")
        .annotate(
            n=Count("pk"),
            ones_twos=Count("pk", filter=Q(readiness__level__lte=2)),
            reached=Count("readiness__first_assessed_at"),
        )
        .order_by()
    ):
        local = figures[union_id]
        local.members, local.ones_twos, local.reached = n, ones_twos, reached
    return figures


def _pledges(
    figures: dict[int, LocalFigures], members: MemberQuerySet, pledge: CampaignAction, now: datetime
) -> None:
    pledges = Pledge.objects.filter(action=pledge, member__in=members)
    for union_id, n, recent in (
        pledges.values_list("union_id")
        .annotate(
            n=Count("pk"),
            recent=Count("pk", filter=Q(signed_at__gte=now - timedelta(days=PACE_DAYS))),
        )
        .order_by()
    ):
        if union_id in figures:
            figures[union_id].pledged, figures[union_id].pledged_this_week = n, recent


def _ends_of_days(days: list[date]) -> list[datetime]:
    """The first moment after each day, in the site's time zone: "as of the day" is before it."""
    zone = timezone.get_current_timezone()
    return [datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone) for day in days]


def _as_of_counts(queryset: Any, stamp: str, ends: list[datetime], **filters: Q) -> list[int]:
    """For each moment in ``ends``, the rows of ``queryset`` stamped before it, counted once
    per name in ``filters`` (the first filter's counts less the second's, when there are two).
    One query, comparisons only: no per-row date conversion, so a roster of any size is one
    scan."""
    counts = queryset.aggregate(
        **{
            f"{name}_{k}": Count("pk", filter=condition & Q(**{f"{stamp}__lt": end}))
            for name, condition in filters.items()
            for k, end in enumerate(ends)
        }
    )
    names = list(filters)
    return [
        counts[f"{names[0]}_{k}"] - (counts[f"{names[1]}_{k}"] if len(names) > 1 else 0)
        for k in range(len(ends))
    ]


def chart_points(
    members: MemberQuerySet, pledge: CampaignAction | None, today: date, weeks: int = CHART_WEEKS
) -> list[Point]:
    """Weekly points, ending today: members at 1–2, reached and pledged as of each day (the
    moves into and out of 1–2, first conversations and pledges made before the day ended)."""
    days = [today - timedelta(weeks=weeks - k) for k in range(1, weeks + 1)]
    ends = _ends_of_days(days)
    up = Q(level__lte=2) & (Q(previous_level__isnull=True) | Q(previous_level__gt=2))
    down = Q(previous_level__lte=2, level__gt=2)
    ones_twos = _as_of_counts(
        Assessment.objects.filter(up | down, member__in=members),
        "assessed_at",
        ends,
        up=up,
        down=down,
    )
    reached = _as_of_counts(
        MemberReadiness.objects.filter(member__in=members, first_assessed_at__isnull=False),
        "first_assessed_at",
        ends,
        n=Q(),
    )
    pledged = [0] * len(days)
    if pledge is not None:
        pledged = _as_of_counts(
            Pledge.objects.filter(action=pledge, member__in=members), "signed_at", ends, n=Q()
        )
    return [Point(*point) for point in zip(days, ones_twos, reached, pledged, strict=True)]


def readiness_figures(
    negotiation: Any, members: MemberQuerySet, unions: Iterable[Union], now: datetime | None = None
) -> Figures:
    """The dashboard's figures among ``members`` (the user's, at the table), by local."""
    now = now or timezone.now()
    threshold = (
        Threshold.objects.filter(negotiation=negotiation).select_related("action", "set_by").first()
    )
    pledge = counted_pledge(negotiation, threshold)
    figures = _locals(members, unions)
    if pledge is not None:
        _pledges(figures, members, pledge, now)
    rows = sorted(figures.values(), key=lambda f: f.name)
    total = LocalFigures(0, "All")
    for local in rows:
        total.members += local.members
        total.ones_twos += local.ones_twos
        total.reached += local.reached
        total.pledged += local.pledged
        total.pledged_this_week += local.pledged_this_week
    today = timezone.localdate(now)
    return Figures(today, rows, total, pledge, threshold, chart_points(members, pledge, today))


def _day(day: date) -> str:
    return date_format(day, "DATE_FORMAT")


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%"


def summary(figures: Figures, *, scope: str) -> list[str]:
    """The readiness in plain words, a few sentences the bargaining team can read out."""
    t, threshold = figures.total, figures.threshold
    day = _day(figures.today)
    sentences = []
    signed = (
        f"{_pct(t.pledged_share)} have signed “{figures.pledge.title}” ({t.pledged:,})"
        if figures.pledge
        else "no strike pledge has been started"
    )
    sentences.append(
        f"As of {day}, of the {t.members:,} members of {scope}, {signed}; "
        f"{_pct(t.ones_twos_share)} are assessed 1 or 2 and {_pct(t.reached_share)} have been "
        "talked to."
    )
    if threshold is None:
        sentences.append("The bargaining team has not set a readiness threshold yet.")
        return sentences
    sentences.append(_threshold_sentence(figures, threshold))
    short = figures.short
    if short and threshold.scope == Threshold.Scope.EVERY_LOCAL:
        measure, percent = threshold.measure, threshold.percent
        named = [
            f"{local.name} ({_pct(local.share(measure))}, {local.needed(measure, percent):,} more)"
            for local in short[:3]
        ]
        sentences.append("Furthest from it: " + "; ".join(named) + ".")
    pace = _pace_sentence(figures, threshold)
    if pace:
        sentences.append(pace)
    return sentences


def _threshold_sentence(figures: Figures, threshold: Threshold) -> str:
    words = threshold.words()
    if threshold.scope == Threshold.Scope.COALITION:
        state = "met" if figures.is_ready else "not met yet"
        return (
            f"The bargaining team's threshold, {words}, is {state}: "
            f"{_pct(figures.total.share(threshold.measure))} against {threshold.percent}%."
        )
    met, n = len(figures.met), len(figures.locals)
    if figures.is_ready:
        return f"The bargaining team's threshold, {words}, is met in every local ({n} of {n})."
    if not met:
        return f"The bargaining team's threshold, {words}, is not met in any local yet."
    names = ", ".join(local.name for local in figures.met)
    return f"The bargaining team's threshold, {words}, is met in {met} of {n} locals: {names}."


def _pace_sentence(figures: Figures, threshold: Threshold) -> str:
    """When the pledges of the last week, kept up, would meet the threshold everywhere."""
    if threshold.measure != Threshold.Measure.PLEDGED or figures.is_ready or figures.pledge is None:
        return ""
    week = figures.total.pledged_this_week
    if not week:
        return f"No one signed in the last {PACE_DAYS} days."
    locals_ = figures.short if threshold.scope == Threshold.Scope.EVERY_LOCAL else [figures.total]
    days = 0.0
    for local in locals_:
        needed = local.needed(threshold.measure, threshold.percent)
        rate = local.pledged_this_week / PACE_DAYS
        if rate == 0:
            return (
                f"{week:,} members signed in the last {PACE_DAYS} days, none of them in {local.name}: "
                "at this pace the threshold is not met."
            )
        days = max(days, needed / rate)
    when = figures.today + timedelta(days=math.ceil(days))
    return (
        f"{week:,} members signed in the last {PACE_DAYS} days; at that pace the threshold "
        f"would be met by {_day(when)}."
    )
