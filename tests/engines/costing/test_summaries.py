"""Distributions of the change by group."""

from __future__ import annotations

import numpy as np
import pytest

from caucus.engines.costing.summaries import summaries
from tests.engines.costing.cases import roster_of, worker


def test_summary_counts_losers_and_gives_the_median_change_by_local() -> None:
    roster = roster_of(
        worker(local="Local 1"),
        worker(local="Local 1"),
        worker(local="Local 1"),
        worker(local="Local 2"),
    )
    result = summaries(roster, np.array([-10.0, 5.0, 20.0, -1.0]))
    local_1, local_2 = result["local"]
    assert (local_1.key, local_1.workers, local_1.losers, local_1.median) == ("Local 1", 3, 1, 5.0)
    assert (local_2.key, local_2.losers, local_2.median) == ("Local 2", 1, -1.0)
    assert result["all"][0].percentiles[0] == pytest.approx(np.percentile([-10, 5, 20, -1], 10))


def test_a_change_of_less_than_half_a_cent_is_not_a_loss() -> None:
    result = summaries(roster_of(worker(), worker()), np.array([-0.004, -0.006]))
    assert result["all"][0].losers == 1
