"""Where a commitment stands: on track, behind, missed or met, against the straight-line path
from its baseline at the start to its target on the due date; per region when the promise is
split by region; and which of the employer's figures are missing or late.

The path at day *d* is *baseline + (target − baseline) × (d − start) / (due − start)*, held at
the target after the due date. For a total (hires), the figure compared is the baseline plus
every period's count so far; for a level (registry hours), the latest level, where lower is
better; a floor must hold in every period. A commitment is judged on the employer's figures;
the union's counts are shown beside them. Periods are calendar months, quarters or years, each
named by its last day; a period's figure is late ``grace_days`` after it ends.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from caucus.commitments.models import Commitment, RegionTarget, Report

ON_TRACK, BEHIND, MISSED, MET, NO_FIGURES = "on_track", "behind", "missed", "met", "no_figures"
# Members read these words (gettext: a later issue translates them).
STATE_WORDS = {
    ON_TRACK: _("On track"),
    BEHIND: _("Behind"),
    MISSED: _("Missed"),
    MET: _("Met"),
    NO_FIGURES: _("No figures yet"),
}
STATE_TONES = {ON_TRACK: "ok", MET: "ok", BEHIND: "warn", MISSED: "bad", NO_FIGURES: "pending"}
MONTHS: dict[str, int] = {
    Commitment.Period.MONTH: 1,
    Commitment.Period.QUARTER: 3,
    Commitment.Period.YEAR: 12,
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_ends(period: str, starts_on: date, due_on: date) -> list[date]:
    """The last day of every calendar period from the one holding ``starts_on`` to the one
    holding ``due_on``."""
    step = MONTHS[period]
    month = ((starts_on.month - 1) // step + 1) * step
    year = starts_on.year
    ends = []
    while True:
        end = _month_end(year, month)
        ends.append(end)
        if end >= due_on:
            return ends
        month += step
        if month > 12:
            month -= 12
            year += 1


def period_start(end: date, period: str) -> date:
    """The first day of the calendar period that ends on ``end``."""
    month = end.month - MONTHS[period] + 1
    year = end.year
    if month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def path_at(baseline: float, target: float, starts_on: date, due_on: date, day: date) -> float:
    span = (due_on - starts_on).days
    done = min(max((day - starts_on).days / span, 0.0), 1.0) if span > 0 else 1.0
    return baseline + (target - baseline) * done


@dataclass
class Point:
    period_end: date
    path: float
    actual: float | None  # the employer's figure (or total so far)
    union: float | None  # the union's count


@dataclass
class Line:
    """One region's progress (``region_id`` None: the whole commitment)."""

    label: str
    region_id: int | None
    baseline: float
    target: float
    points: list[Point] = field(default_factory=list)
    state: str = NO_FIGURES

    @property
    def latest(self) -> Point | None:
        reported = [p for p in self.points if p.actual is not None]
        return reported[-1] if reported else None

    @property
    def gap(self) -> float | None:
        """The latest figure less the path then (negative: behind, for a total)."""
        latest = self.latest
        return None if latest is None or latest.actual is None else latest.actual - latest.path

    @property
    def words(self) -> str:
        return str(STATE_WORDS[self.state])

    @property
    def tone(self) -> str:
        return STATE_TONES[self.state]


@dataclass(frozen=True)
class Figure:
    source: str
    period_end: date
    value: float


def figures_of(reports: list[Report], region_id: int | None) -> list[Figure]:
    return [
        Figure(r.source, r.period_end, float(r.value)) for r in reports if r.region_id == region_id
    ]


def _line_points(commitment: Commitment, line: Line, figures: list[Figure], today: date) -> None:
    """The path and the figures at each period's end, up to today or the last figure given.
    A total shows the baseline plus every count so far, at the periods a count was given."""
    given = {
        source: {f.period_end: f.value for f in figures if f.source == source}
        for source in (Report.Source.EMPLOYER, Report.Source.UNION)
    }
    adds_up = commitment.kind == Commitment.Kind.CUMULATIVE
    totals = dict.fromkeys(given, line.baseline)
    for end in period_ends(commitment.period, commitment.starts_on, commitment.due_on):
        if end > today and not any(end in values for values in given.values()):
            break
        path = path_at(line.baseline, line.target, commitment.starts_on, commitment.due_on, end)
        shown: dict[str, float | None] = {}
        for source, values in given.items():
            if end not in values:
                shown[source] = None
            elif adds_up:
                totals[source] += values[end]
                shown[source] = totals[source]
            else:
                shown[source] = values[end]
        line.points.append(
            Point(end, path, shown[Report.Source.EMPLOYER], shown[Report.Source.UNION])
        )


def _judge(commitment: Commitment, line: Line, today: date) -> str:
    reported = [p for p in line.points if p.actual is not None]
    if not reported:
        return NO_FIGURES
    latest = reported[-1]
    value = latest.actual or 0.0
    if commitment.kind == Commitment.Kind.FLOOR:
        return MISSED if any((p.actual or 0.0) < line.target for p in reported) else ON_TRACK
    better = (lambda a, b: a >= b) if commitment.higher_is_better else (lambda a, b: a <= b)
    if better(value, line.target):
        return MET
    if today > commitment.due_on:
        return MISSED
    return ON_TRACK if better(value, latest.path) else BEHIND


def overall_figures(reports: list[Report]) -> list[Figure]:
    """Per period and source, the figure for every region: the one given for all regions, else
    the regions' figures added up."""
    given = {(f.source, f.period_end): f for f in figures_of(reports, None)}
    summed: dict[tuple[str, date], float] = defaultdict(float)
    for r in reports:
        if r.region_id is not None and (r.source, r.period_end) not in given:
            summed[(r.source, r.period_end)] += float(r.value)
    out = list(given.values()) + [Figure(s, end, v) for (s, end), v in summed.items()]
    return sorted(out, key=lambda f: f.period_end)


def lines(
    commitment: Commitment,
    reports: list[Report],
    targets: list[RegionTarget],
    region_names: dict[int, str],
    today: date,
) -> tuple[Line, list[Line]]:
    """The whole commitment's line, and one line per region with a target."""
    whole = Line("All regions", None, float(commitment.baseline), float(commitment.target))
    _line_points(commitment, whole, overall_figures(reports), today)
    whole.state = _judge(commitment, whole, today)
    by_region = []
    for target in targets:
        line = Line(
            region_names.get(target.region_id, "—"),
            target.region_id,
            float(target.baseline),
            float(target.target),
        )
        _line_points(commitment, line, figures_of(reports, target.region_id), today)
        line.state = _judge(commitment, line, today)
        by_region.append(line)
    return whole, by_region


@dataclass(frozen=True)
class Missing:
    period_end: date
    region_id: int | None
    region: str
    days_late: int

    def as_item(self, commitment: Commitment) -> str:
        where = f", {self.region}" if self.region_id else ""
        start = date_format(period_start(self.period_end, commitment.period), "DATE_FORMAT")
        end = date_format(self.period_end, "DATE_FORMAT")
        return f"{commitment.measure} ({commitment.unit}), {start} to {end}{where}"


def missing_figures(
    commitment: Commitment,
    reports: list[Report],
    targets: list[RegionTarget],
    region_names: dict[int, str],
    today: date,
) -> list[Missing]:
    """The employer's figures due (a period over, and its grace days past) and not in."""
    given = {(r.period_end, r.region_id) for r in reports if r.source == Report.Source.EMPLOYER}
    out = []
    grace = timedelta(days=commitment.grace_days)
    for end in period_ends(commitment.period, commitment.starts_on, commitment.due_on):
        if end + grace > today:
            break
        late = (today - end - grace).days
        if (end, None) in given:
            continue
        if targets:
            out += [
                Missing(end, t.region_id, region_names.get(t.region_id, "—"), late)
                for t in targets
                if (end, t.region_id) not in given
            ]
        elif not any(e == end for e, _ in given):
            out.append(Missing(end, None, "", late))
    return out


def chart(commitment: Commitment, line: Line) -> dict[str, Any]:
    """A line chart of the employer's figures and the union's against the straight-line path."""
    labels = [date_format(p.period_end, "SHORT_DATE_FORMAT") for p in line.points]
    datasets: list[dict[str, Any]] = [
        {
            "label": "Straight-line path to the target",
            "data": [round(p.path, 2) for p in line.points],
            "borderColor": "#4a4f57",
            "backgroundColor": "#4a4f57",
            "borderDash": [6, 4],
            "pointRadius": 0,
            "type": "line",
        },
        {
            "label": "Employer's figures",
            "data": [None if p.actual is None else round(p.actual, 2) for p in line.points],
            "borderColor": "#8a1538",
            "backgroundColor": "#8a1538",
            "type": "line",
        },
    ]
    if any(p.union is not None for p in line.points):
        datasets.append(
            {
                "label": "Union's count",
                "data": [None if p.union is None else round(p.union, 2) for p in line.points],
                "borderColor": "#0b4f9c",
                "backgroundColor": "#0b4f9c",
                "borderDash": [2, 3],
                "type": "line",
            }
        )
    return {"type": "line", "labels": labels, "datasets": datasets, "money": False}
