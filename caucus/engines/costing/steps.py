"""Wage scales as grids: one row per classification, one column per step.

Rows are padded with their top rate, so a worker who moves past the top stays at the top (step
creep stops there). Classifications without a scale get a row of ones: their workers' own rate
times one, never moving.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.terms import Scale

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


def grid_width(scales: Iterable[Scale], top_step: int) -> int:
    return max([top_step, 1, *(len(s.rates) for s in scales)])


def scale_grid(
    classifications: tuple[str, ...], scales: Iterable[Scale], width: int
) -> tuple[Floats, Bools]:
    """(rates by classification and step, which classifications have a scale)."""
    grid = np.ones((len(classifications), width))
    has = np.zeros(len(classifications), dtype=bool)
    for scale in scales:
        if scale.classification in classifications:
            row = classifications.index(scale.classification)
            grid[row] = _padded(scale.rates, width)
            has[row] = True
    return grid, has


def grid_versions(
    classifications: tuple[str, ...],
    start: date,
    base: Iterable[Scale],
    changes: Iterable[Scale],
    width: int,
) -> list[tuple[date, Floats]]:
    """The scale in force from each date on: the base at ``start``, then each change in turn."""
    grid, _ = scale_grid(classifications, base, width)
    versions = [(start, grid)]
    for scale in sorted(changes, key=lambda s: s.effective or start):
        when = scale.effective or start
        grid = grid.copy()
        if scale.classification in classifications:
            grid[classifications.index(scale.classification)] = _padded(scale.rates, width)
        if when == versions[-1][0]:
            versions[-1] = (when, grid)
        else:
            versions.append((when, grid))
    return versions


def _padded(rates: tuple[float, ...], width: int) -> Floats:
    row = np.full(width, rates[-1])
    row[: len(rates)] = rates
    return row
