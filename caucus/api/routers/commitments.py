"""caucus.commitments in the JSON API: the same access helpers and standing as its pages,
read-only (``commitments.view``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from caucus.api.access import require
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message
from caucus.commitments.access import access_commitment, commitments_negotiation
from caucus.commitments.board import Standing, standing
from caucus.commitments.models import Commitment

router = Router(tags=["commitments"])
ERRORS = {401: Message, 403: Message, 404: Message}


class CommitmentOut(Schema):
    id: int
    title: str
    kind: str
    measure: str
    unit: str
    baseline: float
    target: float
    starts_on: date
    due_on: date
    period: str
    standing: str = Field(description="on_track, behind, missed, met or no_figures")
    is_published: bool


class CommitmentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[CommitmentOut]


class LineOut(Schema):
    region: str | None = Field(description="None: the whole commitment.")
    target: float
    standing: str
    period_end: date | None = Field(description="The latest period with the employer's figure.")
    path: float | None = Field(description="The straight-line path at that period's end.")
    employer: float | None
    union: float | None


class FigureOut(Schema):
    period_end: date
    region: str | None
    source: str = Field(description="employer or union")
    value: float
    payout: dict[str, Any] | None = Field(description="Profit sharing: the payout check.")


class MissingOut(Schema):
    period_end: date
    region: str | None
    days_late: int


class CommitmentDetail(CommitmentOut):
    lines: list[LineOut]
    figures: list[FigureOut]
    missing: list[MissingOut]


def _out(commitment: Commitment, board: Standing) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "title": commitment.title,
        "kind": commitment.kind,
        "measure": commitment.measure,
        "unit": commitment.unit,
        "baseline": float(commitment.baseline),
        "target": float(commitment.target),
        "starts_on": commitment.starts_on,
        "due_on": commitment.due_on,
        "period": commitment.period,
        "standing": board.state,
        "is_published": commitment.is_published,
    }


@router.get("/negotiations/{slug}/commitments", response={200: CommitmentPage, **ERRORS})
def list_commitments(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """What the employer promised at this table, each with where it stands."""
    user = require(request, "commitments.view")
    negotiation = commitments_negotiation(user, slug)
    today = timezone.localdate()
    return page(
        Commitment.objects.filter(negotiation=negotiation).order_by("due_on", "title", "id"),
        paging,
        lambda c: _out(c, standing(c, today)),
    )


@router.get(
    "/negotiations/{slug}/commitments/{commitment_id}", response={200: CommitmentDetail, **ERRORS}
)
def get_commitment(request: HttpRequest, slug: NegotiationSlug, commitment_id: RowId) -> Any:
    """One commitment: each region's line against the path, every figure, the figures missing."""
    user = require(request, "commitments.view")
    commitment = access_commitment(user, commitments_negotiation(user, slug), commitment_id)
    board = standing(commitment, timezone.localdate())
    lines = []
    for line in board.lines_shown:
        latest = line.latest
        lines.append(
            {
                "region": None if line.region_id is None else line.label,
                "target": line.target,
                "standing": line.state,
                "period_end": latest.period_end if latest else None,
                "path": round(latest.path, 2) if latest else None,
                "employer": latest.actual if latest else None,
                "union": latest.union if latest else None,
            }
        )
    figures = [
        {
            "period_end": r.period_end,
            "region": r.region.name if r.region_id and r.region else None,
            "source": r.source,
            "value": float(r.value),
            "payout": r.payout,
        }
        for r in board.reports
    ]
    missing = [
        {"period_end": m.period_end, "region": m.region or None, "days_late": m.days_late}
        for m in board.missing
    ]
    return {**_out(commitment, board), "lines": lines, "figures": figures, "missing": missing}
