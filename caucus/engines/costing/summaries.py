"""Who gains and who loses: the distribution of each worker's change over the term, by local,
unit, region and classification (and for everyone).

Percentiles interpolate linearly between the two nearest workers (numpy's default method).
A worker "loses" when their change over the term is below minus half a cent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.roster import GROUPS, Roster

Floats = npt.NDArray[np.float64]
PERCENTILES = (10, 25, 50, 75, 90)


@dataclass(frozen=True)
class GroupSummary:
    key: str
    workers: int
    losers: int
    total: float
    mean: float
    percentiles: tuple[float, ...]  # at PERCENTILES; the median is the middle one

    @property
    def median(self) -> float:
        return self.percentiles[PERCENTILES.index(50)]


def summaries(roster: Roster, change: Floats) -> dict[str, list[GroupSummary]]:
    """``change`` is each worker's change over the term; keys are "all" and GROUPS."""
    order = np.argsort(change, kind="stable")
    ranked = change[order]
    out = {"all": [_summary("all", ranked)]}
    for name in GROUPS:
        coded = roster.coded(name)
        codes = coded.codes[order]
        # a stable sort by group keeps each group's changes in ascending order
        by_group = np.argsort(codes, kind="stable")
        values, grouped = ranked[by_group], codes[by_group]
        edges = np.searchsorted(grouped, np.arange(len(coded.names) + 1))
        out[name] = [
            _summary(coded.names[g], values[edges[g] : edges[g + 1]])
            for g in range(len(coded.names))
            if edges[g + 1] > edges[g]
        ]
    return out


def _summary(key: str, ranked: Floats) -> GroupSummary:
    n = int(ranked.shape[0])
    if n == 0:
        return GroupSummary(key, 0, 0, 0.0, 0.0, tuple(0.0 for _ in PERCENTILES))
    losers = int(np.searchsorted(ranked, -0.005, side="left"))
    points = np.percentile(ranked, PERCENTILES)
    total = float(ranked.sum())
    return GroupSummary(key, n, losers, total, total / n, tuple(float(p) for p in points))
