"""A commitment's standing, as the staff page, the member page and the API show it: its lines
(the whole commitment and each region) against the straight-line path, its figures, the
employer's figures missing or late, and, for profit sharing, each year's payout check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caucus.commitments.models import Commitment, Report
from caucus.commitments.progress import (
    MET,
    MISSED,
    NO_FIGURES,
    ON_TRACK,
    STATE_TONES,
    STATE_WORDS,
    Line,
    Missing,
    chart,
    lines,
    missing_figures,
)

# The charts' series as members read them (``progress.chart`` names them in English).
SERIES: dict[str, Any] = {
    "Straight-line path to the target": gettext_lazy("Straight-line path to the target"),
    "Employer's figures": gettext_lazy("Employer's figures"),
    "Union's count": gettext_lazy("Union's count"),
}


def _said(spec: dict[str, Any]) -> dict[str, Any]:
    datasets = [
        {**d, "label": str(SERIES.get(d.get("label", ""), d.get("label", "")))}
        for d in spec.get("datasets", [])
    ]
    return {**spec, "datasets": datasets}


@dataclass
class Standing:
    commitment: Commitment
    whole: Line
    regions: list[Line]
    reports: list[Report]
    missing: list[Missing]
    payouts: list[Report] = field(default_factory=list)
    state: str = NO_FIGURES

    @property
    def words(self) -> str:
        return str(STATE_WORDS[self.state])

    @property
    def tone(self) -> str:
        return STATE_TONES[self.state]

    @property
    def lines_shown(self) -> list[Line]:
        return [self.whole, *self.regions]

    @property
    def behind(self) -> list[Line]:
        """The regions behind their path (or past it, missed)."""
        return [line for line in self.regions if line.state in ("behind", MISSED)]

    def charts(self) -> list[tuple[Line, dict[str, Any]]]:
        if self.commitment.is_profit_sharing:
            return []
        return [(line, _said(chart(self.commitment, line))) for line in [self.whole, *self.regions]]

    def payout_chart(self) -> dict[str, Any]:
        checked = [
            (r.period_end.year, r.payout) for r in self.payouts if r.payout and "mean" in r.payout
        ]
        minimum = float(self.commitment.target)
        return {
            "type": "bar",
            "money": True,
            "labels": [str(year) for year, _ in checked],
            "datasets": [
                {
                    "label": _("Average payout per worker"),
                    "data": [payout["mean"] for _, payout in checked],
                    "backgroundColor": "#8a1538",
                },
                {
                    "label": _("Lowest payout"),
                    "data": [payout["lowest"] for _, payout in checked],
                    "backgroundColor": "#0b4f9c",
                },
                {
                    "type": "line",
                    "label": _("Guaranteed minimum (%(minimum)s)")
                    % {"minimum": f"${minimum:,.0f}"},
                    "data": [minimum] * len(checked),
                    "borderColor": "#1b1b1f",
                    "borderDash": [8, 4],
                    "pointRadius": 0,
                },
            ],
        }


def _payout_state(payouts: list[Report], today: date, due_on: date) -> str:
    checked = [r.payout for r in payouts if r.payout and "shortfall" in r.payout]
    if not checked:
        return NO_FIGURES
    if any(p["shortfall"] > 0 for p in checked):
        return MISSED
    return MET if today > due_on else ON_TRACK


def standing(commitment: Commitment, today: date) -> Standing:
    """Three queries: the reports (with their regions and documents), the region targets and
    the regions' names."""
    reports = list(
        commitment.reports.select_related("region", "document").order_by(
            "period_end", "region__name", "source"
        )
    )
    targets = list(commitment.region_targets.select_related("region"))
    names = {t.region_id: t.region.name for t in targets}
    names.update({r.region_id: r.region.name for r in reports if r.region_id and r.region})
    whole, regions = lines(commitment, reports, targets, names, today)
    whole.label = _("All regions")
    missing = missing_figures(commitment, reports, targets, names, today)
    result = Standing(commitment, whole, regions, reports, missing, state=whole.state)
    if commitment.is_profit_sharing:
        result.payouts = [
            r for r in reports if r.source == Report.Source.EMPLOYER and r.region_id is None
        ]
        result.state = _payout_state(result.payouts, today, commitment.due_on)
    return result
