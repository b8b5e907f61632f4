"""The demo's commitments: what Harborline promised in the partnership, tracked against its
own quarterly reports. The hiring promise is behind its straight-line path in two regions (the
South and the Southeast), and the latest quarter has not come in from two others; one year's
profit-sharing payout fell under the guaranteed minimum; new stores are covered; registry
hours are coming down on pace. Dates are placed around today. Entered through the tracker's
actions; each year's payout is checked by the costing engine as the worker would.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from caucus.commitments.actions import do_create_commitment, do_publish, do_record_report
from caucus.commitments.models import Commitment, Report
from caucus.commitments.payouts import roster_members
from caucus.commitments.progress import period_ends
from caucus.commitments.tasks import run_payout_check

if TYPE_CHECKING:
    from caucus.demo.build import Demo

# Hires promised by region over four years, and the share of its straight-line pace each
# region has kept (two below it).
HIRES = {"CAL": 3000, "MID": 1800, "NE": 1500, "PNW": 1000, "SOU": 1200, "MTN": 700, "SE": 800}
PACE = {"SOU": 0.62, "SE": 0.7}
LATE = ("PNW", "NE")  # their latest quarter has not come in
# The guaranteed profit-sharing minimum per worker, and each year's pool per worker: the
# middle year paid under it.
MINIMUM = 600
POOL_PER_WORKER = (910.0, 455.0, 1020.0)
GRACE_DAYS = 30


def build_commitments(demo: Demo) -> None:
    rng = random.Random(f"{demo.seed}:commitments")
    team = demo.users["team"]
    hiring = _hiring(demo, team, rng)
    sharing = _profit_sharing(demo, team)
    _coverage(demo, team)
    _registry(demo, team)
    for commitment in (hiring, sharing):
        do_publish(team, commitment, True)


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _hiring(demo: Demo, team: Any, rng: random.Random) -> Commitment:
    today = demo.today
    start = date(today.year - 2, 1, 1)
    due = date(today.year + 1, 12, 31)
    regions = demo.orgs.regions
    commitment = do_create_commitment(
        team,
        demo.round.negotiation,
        title=f"10,000 new hires into coalition positions by {due:%B} {due.day}, {due.year}",
        measure="new hires into coalition positions",
        unit="hires",
        kind=Commitment.Kind.CUMULATIVE,
        target=Decimal(10_000),
        starts_on=start,
        due_on=due,
        period=Commitment.Period.QUARTER,
        grace_days=GRACE_DAYS,
        member_summary=(
            "Harborline promised **10,000 new hires into coalition positions**, region by region. "
            "We check its quarterly hiring reports against a straight line to the target."
        ),
        region_targets=[(regions[code], Decimal(n), Decimal(0)) for code, n in HIRES.items()],
    )
    quarters = period_ends(Commitment.Period.QUARTER, start, due)
    due_now = [end for end in quarters if end + timedelta(days=GRACE_DAYS) <= today]
    span = (due - start).days
    for code, target in HIRES.items():
        per_day = target / span * PACE.get(code, 1.04)
        ends = due_now[:-1] if code in LATE else due_now
        for end in ends:
            days = (end - _quarter_start(end)).days + 1
            hires = round(per_day * days * rng.uniform(0.9, 1.1))
            do_record_report(
                team,
                commitment,
                source=Report.Source.EMPLOYER,
                region=regions[code],
                period_end=end,
                value=Decimal(hires),
            )
            if code in PACE:  # the union counts fewer than the employer reports
                do_record_report(
                    team,
                    commitment,
                    source=Report.Source.UNION,
                    region=regions[code],
                    period_end=end,
                    value=Decimal(round(hires * 0.92)),
                )
    return commitment


def _profit_sharing(demo: Demo, team: Any) -> Commitment:
    today = demo.today
    first = today.year - 3
    commitment = do_create_commitment(
        team,
        demo.round.negotiation,
        title=f"Profit-sharing payout of at least ${MINIMUM} a worker every year",
        measure="profit-sharing payout per worker",
        unit="dollars per worker",
        kind=Commitment.Kind.PROFIT_SHARING,
        target=Decimal(MINIMUM),
        starts_on=date(first, 1, 1),
        due_on=date(today.year + 1, 12, 31),
        period=Commitment.Period.YEAR,
        sharing_formula=Commitment.Formula.EQUAL,
        member_summary=(
            f"Every worker is guaranteed at least **${MINIMUM}** from profit sharing each year, "
            "whatever the pool. We check each year's payout against it."
        ),
    )
    workers = roster_members(commitment).count()
    for k, per_worker in enumerate(POOL_PER_WORKER):
        report = do_record_report(
            team,
            commitment,
            source=Report.Source.EMPLOYER,
            region=None,
            period_end=date(first + k, 12, 31),
            value=Decimal(round(per_worker * workers)),
        )
        run_payout_check(report.pk)
    return commitment


def _coverage(demo: Demo, team: Any) -> Commitment:
    today = demo.today
    agreement = demo.round.negotiation.tentative_agreements.filter(article__number="1").first()
    commitment = do_create_commitment(
        team,
        demo.round.negotiation,
        tentative_agreement=agreement,
        title="Stores opened during the term are covered by the partnership",
        measure="new stores covered by the agreement",
        unit="percent of new stores",
        kind=Commitment.Kind.FLOOR,
        target=Decimal(100),
        starts_on=date(today.year - 2, 1, 1),
        due_on=date(today.year + 1, 12, 31),
        period=Commitment.Period.YEAR,
        grace_days=GRACE_DAYS,
    )
    for year in (today.year - 2, today.year - 1):
        do_record_report(
            team,
            commitment,
            source=Report.Source.EMPLOYER,
            region=None,
            period_end=date(year, 12, 31),
            value=Decimal(100),
        )
    return commitment


def _registry(demo: Demo, team: Any) -> Commitment:
    """Registry hours down 30% by the due date, from 120,000 a quarter: on pace so far."""
    today = demo.today
    start, due = date(today.year - 1, 1, 1), date(today.year + 1, 12, 31)
    commitment = do_create_commitment(
        team,
        demo.round.negotiation,
        title="Registry hours reduced by 30%",
        measure="registry (agency) hours worked in coalition positions",
        unit="hours a quarter",
        kind=Commitment.Kind.REDUCTION,
        baseline=Decimal(120_000),
        target=Decimal(84_000),
        starts_on=start,
        due_on=due,
        period=Commitment.Period.QUARTER,
        grace_days=GRACE_DAYS,
    )
    span = (due - start).days
    for end in period_ends(Commitment.Period.QUARTER, start, due):
        if end + timedelta(days=GRACE_DAYS) > today:
            break
        hours = 120_000 - 36_000 * (end - start).days / span * 1.05
        do_record_report(
            team,
            commitment,
            source=Report.Source.EMPLOYER,
            region=None,
            period_end=end,
            value=Decimal(round(hours)),
        )
    return commitment
