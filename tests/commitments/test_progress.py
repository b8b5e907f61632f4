"""Where a commitment stands against its straight-line path, worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from caucus.commitments.board import standing
from caucus.commitments.models import Commitment, RegionTarget, Report
from caucus.commitments.progress import (
    BEHIND,
    MET,
    MISSED,
    ON_TRACK,
    lines,
    missing_figures,
    path_at,
    period_ends,
    period_start,
)

pytestmark = pytest.mark.django_db


def test_quarters_are_named_by_their_last_day_from_the_start_to_the_due_date() -> None:
    assert period_ends("quarter", date(2022, 2, 15), date(2022, 12, 31)) == [
        date(2022, 3, 31),
        date(2022, 6, 30),
        date(2022, 9, 30),
        date(2022, 12, 31),
    ]
    assert period_ends("year", date(2022, 1, 1), date(2024, 12, 31))[-1] == date(2024, 12, 31)
    assert period_start(date(2022, 12, 31), "quarter") == date(2022, 10, 1)
    assert period_start(date(2022, 2, 28), "month") == date(2022, 2, 1)


def test_the_path_runs_straight_from_the_baseline_to_the_target_and_stays_there() -> None:
    start, due = date(2022, 1, 1), date(2023, 1, 1)  # 365 days
    assert path_at(0, 10_000, start, due, date(2022, 7, 2)) == pytest.approx(10_000 * 182 / 365)
    assert path_at(100, 40, start, due, due) == 40
    assert path_at(0, 10_000, start, due, date(2024, 1, 1)) == 10_000


def _hires(world: Any) -> tuple[Commitment, list[RegionTarget]]:
    """10,000 hires over 2022–2023 (730 days): North 6,000, South 4,000."""
    commitment = Commitment.objects.create(
        negotiation=world.negotiation,
        title="Hire 10,000",
        measure="new hires",
        unit="hires",
        target=10_000,
        starts_on=date(2022, 1, 1),
        due_on=date(2023, 12, 31),
        grace_days=30,
    )
    targets = [
        RegionTarget.objects.create(commitment=commitment, region=world.region, target=6000),
        RegionTarget.objects.create(commitment=commitment, region=world.region_south, target=4000),
    ]
    return commitment, targets


def _report(
    commitment: Commitment, region: Any, end: date, value: float, source: str = "employer"
) -> Report:
    return Report.objects.create(
        commitment=commitment, region=region, period_end=end, value=Decimal(value), source=source
    )


def test_a_region_whose_total_falls_below_its_path_is_behind(world: Any) -> None:
    commitment, targets = _hires(world)
    for end, north, south in ((date(2022, 3, 31), 500, 600), (date(2022, 6, 30), 600, 600)):
        _report(commitment, world.region, end, north)
        _report(commitment, world.region_south, end, south)
    _report(commitment, world.region, date(2022, 6, 30), 1300, source="union")
    names = {world.region.pk: "North", world.region_south.pk: "South"}
    reports = list(commitment.reports.all())
    whole, (north, south) = lines(commitment, reports, targets, names, date(2022, 8, 1))
    # 30 June 2022 is 180 days into 729: North's path 6000 × 180/729 = 1481.5; it has 1,100.
    assert north.latest.path == pytest.approx(6000 * 180 / 729)
    assert (north.latest.actual, north.latest.union, north.state) == (1100, 1300, BEHIND)
    # South's path 4000 × 180/729 = 987.7; it has 1,200.
    assert (south.latest.actual, south.state) == (1200, ON_TRACK)
    # All: 2,300 against 2,469.1.
    assert (whole.latest.actual, whole.state) == (2300, BEHIND)


def test_the_employers_figures_due_and_not_in_are_missing_per_region(world: Any) -> None:
    commitment, targets = _hires(world)
    _report(commitment, world.region, date(2022, 3, 31), 500)
    _report(commitment, world.region_south, date(2022, 3, 31), 600)
    _report(commitment, world.region_south, date(2022, 6, 30), 600)
    _report(commitment, world.region, date(2022, 6, 30), 700, source="union")  # ours, not theirs
    names = {world.region.pk: "North", world.region_south.pk: "South"}
    # 15 October: Q2 (30 June + 30 days) is late, Q3 (30 September + 30) not yet.
    missing = missing_figures(
        commitment, list(commitment.reports.all()), targets, names, date(2022, 10, 15)
    )
    assert [(m.period_end, m.region, m.days_late) for m in missing] == [
        (date(2022, 6, 30), "North", 77)
    ]
    assert (
        missing[0].as_item(commitment) == "new hires (hires), April 1, 2022 to June 30, 2022, North"
    )


def test_a_total_reached_is_met_and_one_short_after_the_due_date_is_missed(world: Any) -> None:
    commitment, _ = _hires(world)
    commitment.region_targets.all().delete()
    _report(commitment, None, date(2022, 12, 31), 9_000)
    assert standing(commitment, date(2023, 6, 1)).state == ON_TRACK  # ahead of 5,000
    assert standing(commitment, date(2024, 2, 1)).state == MISSED
    _report(commitment, None, date(2023, 12, 31), 1_000)
    assert standing(commitment, date(2024, 2, 1)).state == MET


def test_a_figure_to_bring_down_is_behind_while_above_its_path(world: Any) -> None:
    commitment = Commitment.objects.create(
        negotiation=world.negotiation,
        title="Registry hours down 40%",
        measure="registry hours",
        unit="hours a quarter",
        kind=Commitment.Kind.REDUCTION,
        baseline=50_000,
        target=30_000,
        starts_on=date(2022, 1, 1),
        due_on=date(2022, 12, 31),
    )
    _report(commitment, None, date(2022, 6, 30), 45_000)
    # The path on 30 June (180 of 364 days): 50,000 − 20,000 × 180/364 = 40,110.
    board = standing(commitment, date(2022, 7, 15))
    assert board.whole.latest.path == pytest.approx(50_000 - 20_000 * 180 / 364)
    assert board.state == BEHIND
    _report(commitment, None, date(2022, 9, 30), 29_000)
    assert standing(commitment, date(2022, 10, 15)).state == MET


def test_a_floor_is_missed_by_any_period_below_it(world: Any) -> None:
    commitment = Commitment.objects.create(
        negotiation=world.negotiation,
        title="New sites covered",
        measure="new sites covered by the partnership",
        unit="percent",
        kind=Commitment.Kind.FLOOR,
        target=100,
        starts_on=date(2022, 1, 1),
        due_on=date(2022, 12, 31),
    )
    _report(commitment, None, date(2022, 3, 31), 100)
    assert standing(commitment, date(2022, 4, 1)).state == ON_TRACK
    _report(commitment, None, date(2022, 6, 30), 80)
    assert standing(commitment, date(2022, 7, 1)).state == MISSED
