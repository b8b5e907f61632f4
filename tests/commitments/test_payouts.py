"""Profit sharing against the guaranteed minimum: each year's payout per worker and the
shortfall across the roster, computed by the costing engine."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from caucus.commitments.actions import do_create_commitment, do_record_report
from caucus.commitments.models import Commitment, Report
from caucus.commitments.payouts import payout_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def sharing(cast: Any) -> Commitment:
    """Three workers at the table: Mara (1.0 FTE, 2,080 hours), A-1 (0.5, 1,040) and B-1 (1.0)."""
    world = cast.world
    world.member(member_id="A-1", fte=Decimal("0.5"))
    world.member(world.union_b, member_id="B-1")
    return do_create_commitment(
        cast["team"],
        world.negotiation,
        title="Profit-sharing payout at least $300 every year",
        measure="profit-sharing payout per worker",
        unit="dollars per worker",
        kind=Commitment.Kind.PROFIT_SHARING,
        target=Decimal(300),
        starts_on=date(2023, 1, 1),
        due_on=date(2025, 12, 31),
        period=Commitment.Period.YEAR,
        sharing_formula=Commitment.Formula.HOURS,
    )


def test_a_pool_shared_by_hours_leaves_the_part_timer_under_the_minimum(
    sharing: Commitment,
) -> None:
    # $1,000 over 5,200 hours: 400, 200 and 400. The minimum of 300 needs 100 more for one worker.
    check = payout_check(sharing, 1000.0, date(2024, 12, 31))
    assert check == {
        "year_end": "2024-12-31",
        "pool": 1000.0,
        "minimum": 300.0,
        "formula": "hours",
        "workers": 3,
        "mean": 333.33,
        "lowest": 200.0,
        "under": 1,
        "shortfall": 100.0,
    }


def test_a_pool_big_enough_for_everyone_has_no_shortfall(sharing: Commitment) -> None:
    check = payout_check(sharing, 1600.0, date(2024, 12, 31))  # 640, 320, 640
    assert (check["under"], check["shortfall"], check["lowest"]) == (0, 0.0, 320.0)


def test_staff_enter_a_years_pool_and_see_the_year_missed_by_its_shortfall(
    sharing: Commitment, cast: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        do_record_report(
            cast["team"],
            sharing,
            source="employer",
            region=None,
            period_end=date(2024, 12, 31),
            value=Decimal(1000),
        )
    assert Report.objects.get().payout["shortfall"] == 100.0
    page = html.unescape(
        cast.client("team").get(f"/staff/commitments/national-2026/{sharing.pk}/").content.decode()
    )
    assert '<span class="status status-bad">Missed</span>' in page
    assert "$100.00 short" in page
    assert "$333.33" in page


def test_a_changed_pool_is_checked_again(
    sharing: Commitment, cast: Any, django_capture_on_commit_callbacks: Any
) -> None:
    for pool in (1000, 1600):
        with django_capture_on_commit_callbacks(execute=True):
            do_record_report(
                cast["team"],
                sharing,
                source="employer",
                region=None,
                period_end=date(2024, 12, 31),
                value=Decimal(pool),
            )
    report = Report.objects.get()
    assert (report.value, report.payout["shortfall"]) == (1600, 0.0)
