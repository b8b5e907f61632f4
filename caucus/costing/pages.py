"""A finished run's summary turned into what the result page shows: rows for the tables and the
data the charts draw (each chart has a table with the same numbers next to it)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# Side colours, checked against white at 3:1 for chart marks; the status quo is grey.
COLOURS = {"union": "#1f5fbf", "employer": "#b3261e", "status_quo": "#5f6368"}
EXTRA = ["#7a4fbf", "#00796b", "#8d6e00"]


@dataclass(frozen=True)
class Cell:
    workers: int
    losers: int
    mean: float
    background: str


def colour_of(side: str, index: int) -> str:
    return COLOURS.get(side) or EXTRA[index % len(EXTRA)]


def year_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per contract year (and one for the term): the status quo and each proposal."""
    proposals = summary["proposals"]
    if not proposals:
        return []
    rows = []
    first = proposals[0]
    for k, year in enumerate(first["years"]):
        rows.append(
            {
                "label": f"Year {year['year']}",
                "start": year["start"],
                "status_quo": year["status_quo_total"],
                "cells": [p["years"][k] if k < len(p["years"]) else None for p in proposals],
            }
        )
    rows.append(
        {
            "label": "Whole term",
            "start": None,
            "is_term": True,
            "status_quo": first["term_total"]["status_quo_total"],
            "cells": [p["term_total"] for p in proposals],
        }
    )
    return rows


def rollup_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per roll-up component (base year, then each proposal above the status quo over
    the term); [] when every roll-up is a single rate."""
    base = {c["name"]: c for c in summary.get("base_year", {}).get("rollup_components", [])}
    proposals = summary.get("proposals", [])
    found: dict[str, dict[str, Any]] = dict(base)
    for p in proposals:
        for c in p["term_total"].get("rollup_components", []):
            found.setdefault(c["name"], c)
    rows = []
    for name, first in found.items():
        cells = []
        for p in proposals:
            mine = {c["name"]: c for c in p["term_total"].get("rollup_components", [])}
            cells.append(mine[name]["above_status_quo"] if name in mine else None)
        rows.append(
            {
                "name": name,
                "rate": first["rate"] * 100,
                "base_only": first["base_only"],
                "base_year": base[name]["amount"] if name in base else None,
                "cells": cells,
            }
        )
    return rows


def years_chart(summary: dict[str, Any]) -> dict[str, Any]:
    proposals = summary["proposals"]
    first = proposals[0]
    labels = [f"Year {y['year']} (from {y['start']})" for y in first["years"]]
    datasets = [
        {
            "label": "Status quo",
            "data": [y["status_quo_total"] for y in first["years"]],
            "backgroundColor": COLOURS["status_quo"],
        }
    ]
    for i, p in enumerate(proposals):
        datasets.append(
            {
                "label": p["name"],
                "data": [y["total"] for y in p["years"]],
                "backgroundColor": colour_of(p["side"], i),
            }
        )
    return {"type": "bar", "labels": labels, "datasets": datasets, "money": True}


def histogram_chart(summary: dict[str, Any]) -> dict[str, Any]:
    proposals = summary["proposals"]
    edges = proposals[0]["histogram"]["edges"]
    labels = [f"{_money(a)} to {_money(b)}" for a, b in pairwise(edges)]
    datasets = [
        {
            "label": p["name"],
            "data": p["histogram"]["counts"],
            "backgroundColor": colour_of(p["side"], i),
        }
        for i, p in enumerate(proposals)
    ]
    return {"type": "bar", "labels": labels, "datasets": datasets, "money": False}


def histogram_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    proposals = summary["proposals"]
    edges = proposals[0]["histogram"]["edges"]
    return [
        {
            "low": a,
            "high": b,
            "counts": [p["histogram"]["counts"][i] for p in proposals],
        }
        for i, (a, b) in enumerate(pairwise(edges))
    ]


def matrix(
    summary: dict[str, Any], proposal: dict[str, Any]
) -> list[tuple[str, list[Cell | None]]]:
    """Rows of (region, cells by local) with a background tint proportional to the mean change:
    red for a loss, green for a gain; the numbers are always printed too."""
    cells = proposal["matrix"]
    biggest = (
        max((abs(c["mean"]) for row in cells for c in row if c is not None), default=0.0) or 1.0
    )
    rows = []
    for region, row in zip(summary["regions"], cells, strict=True):
        out: list[Cell | None] = []
        for c in row:
            if c is None:
                out.append(None)
                continue
            strength = min(1.0, abs(c["mean"]) / biggest)
            hue = 0 if c["mean"] < 0 else 130
            lightness = 96 - round(strength * 20)  # 96% to 76%: dark text stays above 7:1
            out.append(Cell(c["workers"], c["losers"], c["mean"], f"hsl({hue} 70% {lightness}%)"))
        rows.append((region or "(no region)", out))
    return rows


def losers_by(proposal: dict[str, Any], group: str) -> list[dict[str, Any]]:
    """Groups with at least one loser, most losers first."""
    rows = [g for g in proposal["groups"].get(group, []) if g["losers"]]
    return sorted(rows, key=lambda g: (-g["losers"], g["key"]))


def _money(value: float) -> str:
    sign = "−" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"
