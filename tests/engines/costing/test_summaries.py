"""Distributions of the change by group."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.floats(min_value=-500.0, max_value=500.0, allow_nan=False), min_size=1, max_size=12
    ),
    data=st.data(),
)
def test_summaries_over_groups_of_workers_equal_those_over_the_workers(
    changes: list[float], data: st.DataObject
) -> None:
    # each group lies in one local (as costing groups do); the workers of a group share a change
    locals_ = data.draw(
        st.lists(
            st.sampled_from(["Local 1", "Local 2"]), min_size=len(changes), max_size=len(changes)
        )
    )
    group = np.array(
        data.draw(st.lists(st.integers(0, len(changes) - 1), min_size=1, max_size=40)),
        dtype=np.int64,
    )
    group = np.unique(group, return_inverse=True)[1].astype(np.int64)  # every group has workers
    by_group = np.array(changes[: int(group.max()) + 1])
    roster = roster_of(*(worker(local=locals_[g]) for g in group.tolist()))
    grouped = summaries(roster, by_group, group=group)
    per_worker = summaries(roster, by_group[group])
    for name, figures in per_worker.items():
        for a, b in zip(figures, grouped[name], strict=True):
            assert (a.key, a.workers, a.losers) == (b.key, b.workers, b.losers)
            assert a.percentiles == b.percentiles
            assert a.total == pytest.approx(b.total, rel=1e-12, abs=1e-9)
