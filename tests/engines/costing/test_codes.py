"""Integer codes for grouping rows: equal exactly where the rows are."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.costing.roster import combined, dense_codes, factorize

keys = st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=60)


def _same_partition(codes: np.ndarray, values: list[object]) -> bool:
    return all(
        (codes[i] == codes[j]) == (values[i] == values[j])
        for i in range(len(values))
        for j in range(len(values))
    )


@settings(max_examples=60, deadline=None)
@given(values=keys)
def test_factorize_gives_equal_codes_exactly_to_equal_values(values: list[int]) -> None:
    key = np.array(values, dtype=np.int64)
    one, codes = factorize(key)
    assert _same_partition(codes, values)
    assert sorted(set(codes.tolist())) == list(range(one.shape[0]))
    assert (key[one][codes] == key).all()  # each code's worker has that code's value


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=60))
def test_dense_codes_agree_whether_found_by_counting_or_by_sorting(values: list[int]) -> None:
    key = np.array(values, dtype=np.int64)
    _, counted = dense_codes(key, 51)  # small range: counted
    _, sorted_ = dense_codes(key, 2**40)  # said to be wide: sorted
    assert counted.tolist() == sorted_.tolist()
    assert _same_partition(counted, values)


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(*(st.integers(min_value=0, max_value=2**30) for _ in range(4))),
        min_size=1,
        max_size=30,
    )
)
def test_combined_columns_too_wide_for_62_bits_still_tell_rows_apart(
    rows: list[tuple[int, ...]],
) -> None:
    # four columns of up to 2**30 values overflow a 62-bit mixed radix: re-coded on the way
    columns = [np.array([r[c] for r in rows], dtype=np.int64) for c in range(4)]
    for column in columns:
        column[0] = 2**30  # every column wide
    key, size = combined(columns)
    assert (key < size).all()
    assert size < 2**62
    values = [tuple(int(col[i]) for col in columns) for i in range(len(rows))]
    assert _same_partition(key, values)
