"""Who gains and who loses: the distribution of each worker's change over the term, by local,
unit, region and classification (and for everyone).

Percentiles interpolate linearly between the two nearest workers (numpy's default method).
A worker "loses" when their change over the term is below minus half a cent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.results import ProposalCost
from caucus.engines.costing.roster import GROUPS, Roster

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
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


def summaries(
    roster: Roster, change: Floats, *, group: Ints | None = None
) -> dict[str, list[GroupSummary]]:
    """``change`` is each worker's change over the term, or with ``group`` (each worker's
    group, as ``ProposalCost.group``) each group's: the same figures, found over the groups with
    their sizes as weights (each group lies in one local, unit, region and classification).
    Keys are "all" and GROUPS."""
    if group is None:
        one = np.arange(change.shape[0], dtype=np.int64)
        count = np.ones(change.shape[0], dtype=np.int64)
    else:
        one = np.zeros(change.shape[0], dtype=np.int64)
        one[group] = np.arange(group.shape[0], dtype=np.int64)
        count = np.bincount(group, minlength=change.shape[0])
        # groups no worker is in (none from a costing run) count for nothing
    order = np.argsort(change, kind="stable")
    ranked, counts = change[order], count[order]
    out = {"all": [_summary("all", ranked, counts)]}
    for name in GROUPS:
        coded = roster.coded(name)
        codes = coded.codes[one[order]]
        # a stable sort by group keeps each group's changes in ascending order
        by_group = np.argsort(codes, kind="stable")
        values, weights, grouped = ranked[by_group], counts[by_group], codes[by_group]
        edges = np.searchsorted(grouped, np.arange(len(coded.names) + 1))
        out[name] = [
            _summary(
                coded.names[g], values[edges[g] : edges[g + 1]], weights[edges[g] : edges[g + 1]]
            )
            for g in range(len(coded.names))
            if weights[edges[g] : edges[g + 1]].sum() > 0
        ]
    return out


def proposal_summaries(roster: Roster, proposal: ProposalCost) -> dict[str, list[GroupSummary]]:
    """``summaries`` of each worker's change over the term under ``proposal``."""
    return summaries(roster, proposal.change_by_group.sum(axis=0), group=proposal.group)


def _summary(key: str, ranked: Floats, counts: Ints) -> GroupSummary:
    """Figures of the workers whose changes are ``ranked`` (ascending), ``counts`` of each."""
    n = int(counts.sum())
    if n == 0:
        return GroupSummary(key, 0, 0, 0.0, 0.0, tuple(0.0 for _ in PERCENTILES))
    losers = int(counts[: np.searchsorted(ranked, -0.005, side="left")].sum())
    # numpy's linear percentile over the workers' sorted changes, each value repeated count
    # times: the value at rank h interpolates between ranks floor(h) and floor(h) + 1
    ends = np.cumsum(counts)
    points = []
    for q in PERCENTILES:
        h = (n - 1) * q / 100.0
        low = int(np.floor(h))
        high = min(low + 1, n - 1)
        below = ranked[np.searchsorted(ends, low, side="right")]
        above = ranked[np.searchsorted(ends, high, side="right")]
        points.append(_lerp(float(below), float(above), h - low))
    total = float(np.einsum("i,i->", ranked, counts.astype(np.float64)))
    return GroupSummary(key, n, losers, total, total / n, tuple(points))


def _lerp(a: float, b: float, t: float) -> float:
    """As numpy's percentile interpolates (from the nearer end, for the same last bits)."""
    return b - (b - a) * (1.0 - t) if t >= 0.5 else a + (b - a) * t
