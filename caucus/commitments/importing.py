"""Reading the employer's report file (CSV or XLSX) into figures: all or nothing.

As the roster import does (``caucus.members.roster_files``): polars reads every cell as text,
each check is one expression over a column, and a problem names its row (the header is row 1),
its column (the file's own header) and its reason. Columns are found by their header: the
period (a date inside it, its last day, "2024-Q3", "Q3 2024" or a year), the value, and
optionally the region (its code or name; empty for every region). A date is read as the
calendar period holding it, so "2024-09-30" and "2024-08-15" are both the third quarter of 2024.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import polars as pl

from caucus.commitments.models import Commitment
from caucus.members.columns import fold
from caucus.members.roster_files import read_table

MAX_REPORTED_ERRORS = 200
COLUMNS = {
    "period": (
        "period",
        "period end",
        "quarter",
        "month",
        "year",
        "date",
        "as of",
        "period ending",
        "period ended",
        "quarter ending",
        "quarter ended",
        "quarter end",
        "month ending",
        "year ending",
    ),
    "value": (
        "value",
        "figure",
        "count",
        "total",
        "amount",
        "hires",
        "new hires",
        "number",
        "pool",
        "hours",
    ),
    "region": ("region", "region code", "area", "division"),
}
REQUIRED = ("period", "value")
NUMBER = r"^-?\d{1,12}(\.\d{1,2}0*)?$"
MONTHS: dict[str, int] = {
    Commitment.Period.MONTH: 1,
    Commitment.Period.QUARTER: 3,
    Commitment.Period.YEAR: 12,
}


def find_columns(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    by_fold: dict[str, str] = {}
    for header in headers:
        by_fold.setdefault(fold(header), header)
    found: dict[str, str] = {}
    for name, aliases in COLUMNS.items():
        for alias in (name, *aliases):
            match = by_fold.get(fold(alias))
            if match and match not in found.values():
                found[name] = match
                break
    missing = [
        f"no {name} column (a header such as “{COLUMNS[name][0]}”)"
        for name in REQUIRED
        if name not in found
    ]
    return found, missing


@dataclass
class Read:
    rows: list[tuple[date, int | None, float]] = field(
        default_factory=list
    )  # period end, region, value
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0


def _text(name: str, mapping: dict[str, str]) -> pl.Expr:
    column = mapping.get(name)
    if not column:
        return pl.lit(None, dtype=pl.String).alias(name)
    value = pl.col(column).str.strip_chars()
    return pl.when(value.str.len_chars() > 0).then(value).alias(name)


def _period_end(period: str) -> pl.Expr:
    """The last day of the calendar period holding the cell's date, quarter or year."""
    text = pl.col("period").str.replace(r"[ T]00:00:00(\.0+)?$", "")
    day = pl.coalesce(
        text.str.to_date("%Y-%m-%d", strict=False), text.str.to_date("%m/%d/%Y", strict=False)
    )
    quarter = pl.coalesce(
        text.str.extract(r"^(\d{4})\s*-?\s*[Qq]([1-4])$", 2),
        text.str.extract(r"^[Qq]([1-4])\s+(\d{4})$", 1),
    ).cast(pl.Int32, strict=False)
    quarter_year = pl.coalesce(
        text.str.extract(r"^(\d{4})\s*-?\s*[Qq][1-4]$", 1),
        text.str.extract(r"^[Qq][1-4]\s+(\d{4})$", 1),
    ).cast(pl.Int32, strict=False)
    year_only = text.str.extract(r"^(\d{4})$", 1).cast(pl.Int32, strict=False)
    step = MONTHS[period]
    month_of_day = ((day.dt.month() - 1) // step + 1) * step
    from_day = pl.date(day.dt.year(), month_of_day, 1).dt.month_end()
    from_quarter = pl.date(quarter_year, quarter * 3, 1).dt.month_end()
    from_year = pl.date(year_only, 12, 31)
    return pl.coalesce(
        from_day,
        from_quarter if step == 3 else pl.lit(None, dtype=pl.Date),
        from_year if step == 12 else pl.lit(None, dtype=pl.Date),
    )


def _checks(commitment: Commitment) -> list[tuple[str, pl.Expr]]:
    """(column, expression giving the problem's text or null) for every check, in report order."""
    c = pl.col
    first, last = commitment.starts_on, date(commitment.due_on.year, 12, 31)
    outside = f"is outside the commitment ({first:%Y-%m-%d} to {commitment.due_on:%Y-%m-%d})"
    return [
        ("period", pl.when(c("period").is_null()).then(pl.lit("is required"))),
        (
            "period",
            pl.when(c("period").is_not_null() & c("end").is_null()).then(
                pl.format("“{}” is not a date or a period like 2024-Q3", c("period"))
            ),
        ),
        (
            "period",
            pl.when((c("end") < pl.lit(first)) | (c("end") > pl.lit(last))).then(pl.lit(outside)),
        ),
        (
            "region",
            pl.when(c("region").is_not_null() & c("region_id").is_null()).then(
                pl.format("no region “{}”", c("region"))
            ),
        ),
        ("value", pl.when(c("value").is_null()).then(pl.lit("is required"))),
        (
            "value",
            pl.when(c("value").is_not_null() & ~c("number").str.contains(NUMBER)).then(
                pl.format("“{}” is not a number like 1250 or 1,250.50", c("value"))
            ),
        ),
        (
            "period",
            pl.when(c("end").is_not_null() & (c("first_row") != c("_row"))).then(
                pl.format("the same period and region as row {}", c("first_row"))
            ),
        ),
    ]


def _typed(
    frame: pl.DataFrame, mapping: dict[str, str], commitment: Commitment, regions: dict[str, int]
) -> pl.DataFrame:
    c = pl.col
    data = frame.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("_row"),
        *(_text(n, mapping) for n in COLUMNS),
    ).with_columns(
        _period_end(commitment.period).alias("end"),
        c("region")
        .str.to_uppercase()
        .replace_strict(regions, default=None, return_dtype=pl.Int64)
        .alias("region_id"),
        c("value").str.replace_all(r"[$,\s]", "").alias("number"),
    )
    return data.with_columns(pl.col("_row").min().over("end", "region_id").alias("first_row"))


def read_report_file(
    source: str | Path | IO[bytes], *, name: str, commitment: Commitment, regions: dict[str, int]
) -> Read:
    """The file's figures for ``commitment``, or every problem found (then no figure at all).
    ``regions`` maps each region's code and name (upper-cased) to its id."""
    table = read_table(source, name=name)
    mapping, missing = find_columns(table.frame.columns)
    if missing:
        header = [{"row": 1, "column": "", "message": m} for m in missing]
        return Read(errors=header, errors_total=len(missing))
    data = _typed(table.frame, mapping, commitment, regions)
    checks = _checks(commitment)
    found = (
        data.select("_row", *(expr.alias(str(i)) for i, (_, expr) in enumerate(checks)))
        .unpivot(index="_row", variable_name="check", value_name="message")
        .drop_nulls("message")
        .with_columns(pl.col("check").cast(pl.Int64))
        .sort("_row", "check")
    )
    if found.height or table.row_errors_total:
        labels = [mapping.get(n) or n for n, _ in checks]
        shown = found.head(MAX_REPORTED_ERRORS).select("_row", "check", "message")
        errors: list[dict[str, Any]] = [
            {"row": r, "column": labels[k], "message": m} for r, k, m in shown.iter_rows()
        ]
        errors = sorted([*table.row_errors, *errors], key=lambda e: e["row"])
        total = found.height + table.row_errors_total
        return Read(errors=errors[:MAX_REPORTED_ERRORS], errors_total=total)
    rows = data.select("end", "region_id", "number").iter_rows()
    return Read(rows=[(end, region, float(number)) for end, region, number in rows])
