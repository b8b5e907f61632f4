"""The roster as columns of numpy arrays, loaded from CSV, XLSX or Parquet and checked row by row.

Columns (header names, any case): ``classification``, ``step``, ``rate`` (hourly), ``fte`` or
``hours`` (annual hours paid), ``hire_date``, and optionally ``id``, ``region``, ``unit``,
``local``, ``anniversary`` (a date; its month and day move the worker up a step; defaults to
the hire date). Text columns become integer codes plus a tuple of names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt
import polars as pl

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Days = npt.NDArray[np.datetime64]
REQUIRED = ("classification", "rate", "hire_date")
KNOWN = (
    "id",
    "classification",
    "step",
    "rate",
    "fte",
    "hours",
    "region",
    "unit",
    "local",
    "hire_date",
    "anniversary",
)
GROUPS = ("local", "unit", "region", "classification")


class RosterError(ValueError):
    """The roster cannot be costed; ``messages`` name the line and column of each problem."""

    def __init__(self, messages: list[str]) -> None:
        shown = messages[:20] + (
            [f"... and {len(messages) - 20} more"] if len(messages) > 20 else []
        )
        super().__init__("; ".join(shown))
        self.messages = messages


@dataclass(frozen=True, eq=False)
class Coded:
    """A text column as integer codes into ``names``."""

    codes: Ints
    names: tuple[str, ...]

    def code_of(self, name: str) -> int | None:
        return self.names.index(name) if name in self.names else None


@dataclass(frozen=True, eq=False)
class Roster:
    ids: tuple[str, ...]
    classification: Coded
    region: Coded
    unit: Coded
    local: Coded
    step: Ints
    rate: Floats
    fte: Floats
    hours: Floats  # annual hours paid; NaN where the roster gave FTE only
    hire_date: Days
    anniversary_month: Ints
    anniversary_day: Ints

    def __len__(self) -> int:
        return int(self.rate.shape[0])

    def coded(self, name: str) -> Coded:
        coded: Coded = getattr(self, name)
        return coded

    def annual_hours(self, hours_per_fte: float) -> Floats:
        return np.where(np.isnan(self.hours), self.fte * hours_per_fte, self.hours)

    @cached_property
    def slots(self) -> tuple[Ints, Ints]:
        """(one worker of each group, group of each worker) for groups alike in every way a
        scope can name; a replacement hire is costed once per group, not once per worker."""
        key = self.classification.codes
        for name in ("region", "unit", "local"):
            coded = self.coded(name)
            key = key * max(len(coded.names), 1) + coded.codes
        return factorize(key)

    @cached_property
    def profiles(self) -> tuple[Ints, Ints]:
        """(one worker of each profile, profile of each worker) for workers alike in every column
        the costing reads but the hire date: same classification, step, rate, FTE, hours, local,
        unit, region and anniversary. Computed once per roster; a costing run splits profiles
        further by where hire dates fall against the terms' cut-offs."""
        columns = [
            self.pay_points,
            self.region.codes,
            self.unit.codes,
            self.local.codes,
            self.anniversary_month * 32 + self.anniversary_day,
            _value_codes(self.fte),
            _value_codes(self.hours),
        ]
        return factorize(combined(columns)[0])

    @cached_property
    def hire_days(self) -> tuple[Days, Ints]:
        """(the distinct hire dates in order, the index of each worker's among them): a run
        places the few distinct dates against its cut-offs, not every worker's."""
        days = self.hire_date.astype(np.int64)
        one, code = factorize(days)
        distinct: Days = self.hire_date[one]
        return distinct, code

    @cached_property
    def profile_roster(self) -> Roster:
        """One row per profile (in profile order), with its replacement-hire slots."""
        self.slots  # noqa: B018 - found here, on the whole roster, and carried over
        self.hire_days  # noqa: B018 - and the hire dates, used by every run
        return self.take(self.profiles[0])

    @cached_property
    def pay_points(self) -> Ints:
        """A code per worker, equal where classification, step and rate all are."""
        columns = [self.classification.codes, self.step, _value_codes(self.rate)]
        return factorize(combined(columns)[0])[1]

    def take(self, index: Ints, hire_date: Days | None = None) -> Roster:
        """The workers at ``index`` as a roster with the same names and codes (ids left out: it
        is costed, never shown), hired on ``hire_date`` if given. Replacement-hire slots and pay
        points carry over when already found."""
        taken = Roster(
            ids=(),
            classification=Coded(self.classification.codes[index], self.classification.names),
            region=Coded(self.region.codes[index], self.region.names),
            unit=Coded(self.unit.codes[index], self.unit.names),
            local=Coded(self.local.codes[index], self.local.names),
            step=self.step[index],
            rate=self.rate[index],
            fte=self.fte[index],
            hours=self.hours[index],
            hire_date=self.hire_date[index] if hire_date is None else hire_date,
            anniversary_month=self.anniversary_month[index],
            anniversary_day=self.anniversary_day[index],
        )
        if "pay_points" in self.__dict__:
            taken.__dict__["pay_points"] = self.pay_points[index]
        if "slots" in self.__dict__:
            first, group = self.slots
            taken_group = group[index]
            taken_first = np.zeros_like(first)
            taken_first[taken_group] = np.arange(index.shape[0])
            taken.__dict__["slots"] = (taken_first, taken_group)
        return taken


def factorize(key: Ints) -> tuple[Ints, Ints]:
    """(one position of each distinct value, code of each position), codes in value order.

    Sorting the values and searching them is several times faster than ``np.unique`` with
    ``return_inverse``, which sorts indices."""
    n = key.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    values = np.sort(key)
    distinct = values[np.concatenate(([True], values[1:] != values[:-1]))]
    codes = np.searchsorted(distinct, key).astype(np.int64)
    one = np.empty(distinct.shape[0], dtype=np.int64)
    one[codes] = np.arange(n, dtype=np.int64)
    return one, codes


def _value_codes(values: Floats) -> Ints:
    """Integer codes of float values, equal where the values are (NaN equal to NaN)."""
    known = np.where(np.isnan(values), -1.0, values)
    distinct = np.unique(known)
    return np.searchsorted(distinct, known).astype(np.int64)


def combined(columns: list[Ints]) -> tuple[Ints, int]:
    """(one integer per row, equal exactly where every column is; an upper bound of them),
    re-coded densely whenever the mixed-radix key would overflow 62 bits."""
    key = columns[0].astype(np.int64)
    size = int(key.max()) + 1 if key.shape[0] else 1
    for column in columns[1:]:
        radix = int(column.max()) + 1 if column.shape[0] else 1
        if size * radix >= 2**62:
            one, key = factorize(key)
            size = one.shape[0]
        key = key * radix + column
        size *= radix
    return key, size


def dense_codes(key: Ints, size: int) -> tuple[Ints, Ints]:
    """``factorize`` for keys below ``size``: by counting when that is small enough."""
    n = key.shape[0]
    if size > 8 * n + 4096:
        return factorize(key)
    present = np.bincount(key, minlength=size) > 0
    codes = (np.cumsum(present) - 1)[key]
    one = np.empty(int(present.sum()), dtype=np.int64)
    one[codes] = np.arange(n, dtype=np.int64)
    return one, codes


def load_roster(path: str | Path) -> Roster:
    """Read a CSV, XLSX or Parquet roster."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pl.read_csv(path, infer_schema_length=10000, try_parse_dates=True)
    elif suffix in (".xlsx", ".xlsm", ".xls"):
        frame = pl.read_excel(path)
    elif suffix == ".parquet":
        frame = pl.read_parquet(path)
    else:
        raise RosterError([f"{path.name}: a roster is a .csv, .xlsx or .parquet file"])
    return roster_from_frame(frame)


def roster_from_frame(frame: pl.DataFrame) -> Roster:
    """A roster from a frame of the roster columns; RosterError naming every problem found."""
    frame = frame.rename({c: c.strip().lower().replace(" ", "_") for c in frame.columns})
    _check_columns(frame)
    n = frame.height
    errors: list[str] = []
    rate = _numbers(frame, "rate", errors, low=0.0)
    given_fte = (
        _numbers(frame, "fte", errors, low=0.0, default=np.nan) if "fte" in frame.columns else None
    )
    hours = _numbers(frame, "hours", errors, low=0.0, default=np.nan)
    step = _numbers(frame, "step", errors, low=1.0, default=1.0)
    fte = _fte(given_fte, hours, errors)
    hire = _days(frame, "hire_date", errors)
    anniversary = _days(frame, "anniversary", errors) if "anniversary" in frame.columns else hire
    if errors:
        raise RosterError(errors)
    months = anniversary.astype("datetime64[M]")
    ids = (
        tuple(str(v) for v in frame["id"].to_list())
        if "id" in frame.columns
        else tuple(str(i + 1) for i in range(n))
    )
    return Roster(
        ids=ids,
        classification=_coded(frame, "classification"),
        region=_coded(frame, "region"),
        unit=_coded(frame, "unit"),
        local=_coded(frame, "local"),
        step=step.astype(np.int64),
        rate=rate,
        fte=np.nan_to_num(fte, nan=1.0),
        hours=hours,
        hire_date=hire,
        anniversary_month=months.astype(np.int64) % 12 + 1,
        anniversary_day=(anniversary - months.astype("datetime64[D]")).astype(np.int64) + 1,
    )


def _check_columns(frame: pl.DataFrame) -> None:
    """Refuse unknown columns, missing required ones, and a roster with neither FTE nor hours."""
    unknown = [c for c in frame.columns if c not in KNOWN]
    missing = [c for c in REQUIRED if c not in frame.columns]
    errors = [f"roster: unknown column {c!r}" for c in unknown]
    errors += [f"roster: column {c!r} is required" for c in missing]
    if "fte" not in frame.columns and "hours" not in frame.columns:
        errors.append("roster: give an 'fte' or an 'hours' column")
    if errors:
        raise RosterError(errors)


def _fte(fte: Floats | None, hours: Floats, errors: list[str]) -> Floats:
    """Each worker's FTE, checked (NaN where the roster gives hours only), or their hours over
    2,080 when the roster has no FTE column (``fte`` None)."""
    if fte is None:
        from_hours: Floats = hours / 2080.0
        return from_hours
    bad = np.flatnonzero((fte == 0) | (fte > 1.5))
    errors += [
        f"roster line {i + 2}, fte: {fte[i]:g} is not above 0 and at most 1.5" for i in bad[:50]
    ]
    both_missing = np.flatnonzero(np.isnan(fte) & np.isnan(hours))
    errors += [f"roster line {i + 2}: give fte or hours" for i in both_missing[:50]]
    return fte


def roster_from_rows(rows: Sequence[Mapping[str, object]]) -> Roster:
    """A roster from a list of dicts (tests, small scripts)."""
    return roster_from_frame(pl.DataFrame(list(rows)))


def _numbers(
    frame: pl.DataFrame, name: str, errors: list[str], *, low: float, default: float | None = None
) -> Floats:
    if name not in frame.columns:
        return np.full(frame.height, np.nan if default is None else default)
    column = frame[name]
    numbers = column.cast(pl.Float64, strict=False)
    bad = (numbers.is_null() & column.is_not_null()).to_numpy()
    for i in np.flatnonzero(bad)[:50]:
        errors.append(f"roster line {i + 2}, {name}: {column[int(i)]!r} is not a number")
    values = numbers.to_numpy().astype(np.float64)
    absent = np.isnan(values)
    if default is None:
        for i in np.flatnonzero(absent & ~bad)[:50]:
            errors.append(f"roster line {i + 2}, {name}: is empty")
    else:
        values[absent & ~bad] = default
    below = np.flatnonzero(values < low)
    word = "negative" if low == 0.0 else f"below {low:g}"
    errors += [f"roster line {i + 2}, {name}: {values[i]:g} is {word}" for i in below[:50]]
    return values


def _days(frame: pl.DataFrame, name: str, errors: list[str]) -> Days:
    column = frame[name]
    if column.dtype == pl.Date:
        parsed = column
    elif column.dtype == pl.Datetime:
        parsed = column.dt.date()
    else:
        parsed = column.cast(pl.String).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    bad = parsed.is_null().to_numpy()
    for i in np.flatnonzero(bad)[:50]:
        errors.append(f"roster line {i + 2}, {name}: {column[int(i)]!r} is not a date")
    return parsed.fill_null(date(1970, 1, 1)).to_numpy().astype("datetime64[D]")


def _coded(frame: pl.DataFrame, name: str) -> Coded:
    if name not in frame.columns:
        return Coded(np.zeros(frame.height, dtype=np.int64), ("",))
    column = frame[name].cast(pl.String).fill_null("")
    names = tuple(column.unique().sort().to_list())
    codes = column.rank("dense").to_numpy().astype(np.int64) - 1
    return Coded(codes, names)
