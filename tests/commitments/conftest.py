"""Commitments at the world's table, dated around today so they are always current: a hiring
promise of 10,000 over three years (North 6,000, South 4,000), reported quarterly, counted from
the start of the quarter a year before this one."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from caucus.commitments.actions import do_create_commitment
from caucus.commitments.models import Commitment, Report


def quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def quarters_back(start: date, n: int) -> date:
    month = start.month - 3 * n
    year = start.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


class Hiring:
    """Four past quarters: the first three reported for both regions (North 300 a quarter,
    South 400); the last one (ended before today) for the South only."""

    def __init__(self, cast: Any) -> None:
        world = cast.world
        this_quarter = quarter_start(timezone.localdate())
        self.start = quarters_back(this_quarter, 4)
        self.due = date(self.start.year + 3, self.start.month, 1) - timedelta(days=1)
        self.commitment = do_create_commitment(
            cast["team"],
            world.negotiation,
            title="10,000 new hires into coalition positions",
            measure="new hires into coalition positions",
            unit="hires",
            kind=Commitment.Kind.CUMULATIVE,
            target=Decimal(10_000),
            starts_on=self.start,
            due_on=self.due,
            period=Commitment.Period.QUARTER,
            grace_days=0,
            region_targets=[
                (world.region, Decimal(6000), Decimal(0)),
                (world.region_south, Decimal(4000), Decimal(0)),
            ],
        )
        self.ends = [quarters_back(this_quarter, k) - timedelta(days=1) for k in (3, 2, 1, 0)]
        for end in self.ends[:3]:
            Report.objects.create(
                commitment=self.commitment, region=world.region, period_end=end, value=300
            )
        for end in self.ends:
            Report.objects.create(
                commitment=self.commitment, region=world.region_south, period_end=end, value=400
            )


@pytest.fixture
def hiring(cast: Any) -> Hiring:
    return Hiring(cast)
