"""What a finished run keeps for its pages: the engine's JSON (docs/costing.md) without the
per-worker rows, and for each proposal a histogram of each worker's change over the term, the
mean change and losers by region and local, and the largest losses (no names: the bargaining
team costs proposals without seeing the roster).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.json_format import run_to_dict
from caucus.engines.costing.model import base_hours_per_fte
from caucus.engines.costing.results import CostingRun

Floats = npt.NDArray[np.float64]
BINS = 24
WORST = 20
LOSS = -0.005  # the engine's line: a worker loses when the change is below minus half a cent


def build_summary(run: CostingRun, sides: list[str]) -> dict[str, Any]:
    out = run_to_dict(run, workers=False)
    changes = [p.change.sum(axis=0) for p in run.proposals]
    edges = histogram_edges(np.concatenate(changes) if changes else np.zeros(0))
    roster = run.roster
    out["regions"] = list(roster.region.names)
    out["locals"] = list(roster.local.names)
    # the hours the base year is paid, whatever order the proposals were listed in
    out["hours_per_fte"] = base_hours_per_fte(run.status_quo, [p.terms for p in run.proposals])
    for data, cost, change, side in zip(
        out["proposals"], run.proposals, changes, sides, strict=True
    ):
        data["side"] = side
        data["losers"] = int((change < LOSS).sum())
        data["workers"] = int(change.shape[0])
        counts, _ = np.histogram(change, bins=edges)
        data["histogram"] = {
            "edges": [round(e, 2) for e in edges.tolist()],
            "counts": counts.tolist(),
        }
        data["matrix"] = _matrix(run, change)
        data["worst"] = _worst(run, change, out["hours_per_fte"])
        data["status_quo_years"] = [round(y.total, 2) for y in cost.status_quo_years]
    return out


def histogram_edges(values: Floats) -> Floats:
    """Bin edges on round numbers, with zero on an edge so losers and gainers never share a bar."""
    if values.size == 0:
        return np.array([0.0, 1.0])
    low, high = float(values.min()), float(values.max())
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low < 0.01:
        return np.array([low - 0.5, high + 0.5])
    step = _nice((high - low) / BINS)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    if last <= high:
        last += step
    count = round((last - first) / step)
    return np.array([first + i * step for i in range(count + 1)], dtype=np.float64)


def _nice(raw: float) -> float:
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw:
            return factor * power
    return 10.0 * power


def _matrix(run: CostingRun, change: Floats) -> list[list[dict[str, Any] | None]]:
    """Rows: regions; columns: locals; each cell workers, losers and mean change, or None."""
    roster = run.roster
    n_regions, n_locals = len(roster.region.names), len(roster.local.names)
    cell = roster.region.codes * n_locals + roster.local.codes
    size = n_regions * n_locals
    workers = np.bincount(cell, minlength=size)
    total = np.bincount(cell, weights=change, minlength=size)
    losers = np.bincount(cell, weights=(change < LOSS).astype(np.float64), minlength=size)
    rows = []
    for r in range(n_regions):
        row: list[dict[str, Any] | None] = []
        for c in range(n_locals):
            i = r * n_locals + c
            if workers[i] == 0:
                row.append(None)
            else:
                row.append(
                    {
                        "workers": int(workers[i]),
                        "losers": int(losers[i]),
                        "mean": round(float(total[i] / workers[i]), 2),
                    }
                )
        rows.append(row)
    return rows


def _worst(run: CostingRun, change: Floats, hours_per_fte: float) -> list[dict[str, Any]]:
    roster = run.roster
    order = np.argsort(change, kind="stable")[:WORST]
    hours = roster.annual_hours(hours_per_fte)
    out = []
    for i in order.tolist():
        if change[i] >= LOSS:
            break
        out.append(
            {
                "local": roster.local.names[roster.local.codes[i]],
                "unit": roster.unit.names[roster.unit.codes[i]],
                "region": roster.region.names[roster.region.codes[i]],
                "classification": roster.classification.names[roster.classification.codes[i]],
                "step": int(roster.step[i]),
                "hours": round(float(hours[i]), 1),
                "change": round(float(change[i]), 2),
            }
        )
    return out
