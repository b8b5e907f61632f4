"""Weighted sums computed in the calling thread.

numpy's matrix products call OpenBLAS, whose worker threads spin while they wait: on a busy
machine with two cores that tripled the CPU time of a costing run. ``einsum`` sums without BLAS.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


def total(values: npt.NDArray[np.float64] | npt.NDArray[np.int64], weights: Floats) -> float:
    """Sum of values times weights, over one axis of workers."""
    return float(np.einsum("i,i->", values, weights))


def totals(values: Floats, weights: Floats) -> Floats:
    """For each row of ``values`` (years x workers), its sum times the weights."""
    summed: Floats = np.einsum("ki,i->k", values, weights)
    return summed
