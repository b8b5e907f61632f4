"""Importing a sign-in sheet of assessments (CSV or XLSX) for one local: read, check every row,
write; all or nothing.

The roster import's approach (``caucus.members.roster_files``, ``caucus.members.validation``):
the file is read as text columns by polars, every check is one expression over a whole column,
and a problem is named by its row (as in the file: the header is row 1), its column (the file's
own header) and its reason. A sheet with any problem changes nothing.

Columns are found by their header (case, spaces and punctuation do not matter): member ID and
level (1–5) are required; date (YYYY-MM-DD or MM/DD/YYYY; today when empty), shift and note
are optional. A dated row counts from noon that day. As on the phone, the latest assessment
counts: a row dated before the member's latest joins the history and changes nothing else.
Writes are one transaction (``caucus.readiness.writing``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl
from django.db import connection
from django.utils import timezone

from caucus.members.columns import fold
from caucus.members.models import Member
from caucus.members.roster_files import read_table
from caucus.readiness.writing import plan_rows, write_rows

MAX_REPORTED_ERRORS = 1000
MAX_NOTE = 500
LEVEL = r"^[1-5](\.0*)?$"
# progress(rows done, rows in all, what it is doing)
Progress = Callable[[int, int, str], None]
STATE_SCHEMA: dict[str, Any] = {
    "key": pl.String,
    "pk": pl.Int64,
    "old_level": pl.Int64,
    "old_at": pl.Datetime("us", "UTC"),
    "old_by": pl.Int64,
    "old_first": pl.Datetime("us", "UTC"),
    "old_shift": pl.String,
}


@dataclass(frozen=True)
class SheetColumn:
    name: str
    label: str
    required: bool
    aliases: tuple[str, ...]


COLUMNS = (
    SheetColumn(
        "member_id",
        "Member ID",
        True,
        ("member id", "member no", "member number", "member #", "mbr id", "member", "id"),
    ),
    SheetColumn(
        "level", "Level", True, ("level", "assessment", "rating", "score", "1-5", "1 to 5")
    ),
    SheetColumn(
        "date", "Date", False, ("date", "assessed on", "date assessed", "talked on", "when")
    ),
    SheetColumn("shift", "Shift", False, ("shift", "work shift")),
    SheetColumn("note", "Note", False, ("note", "notes", "comment", "comments")),
)
SHIFT_WORDS = {
    "day": "day",
    "days": "day",
    "morning": "day",
    "am": "day",
    "evening": "evening",
    "evenings": "evening",
    "swing": "evening",
    "pm": "evening",
    "night": "night",
    "nights": "night",
    "overnight": "night",
    "graveyard": "night",
    "weekend": "weekend",
    "weekends": "weekend",
    "rotating": "rotating",
}


def find_columns(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """Field name -> the file's header for each column found, and what is missing, in words."""
    by_fold: dict[str, str] = {}
    for header in headers:
        by_fold.setdefault(fold(header), header)
    found: dict[str, str] = {}
    for column in COLUMNS:
        for candidate in (column.name, column.label, *column.aliases):
            match = by_fold.get(fold(candidate))
            if match and match not in found.values():
                found[column.name] = match
                break
    missing = [
        f"no column for {c.label} (a header such as “{c.label}” or “{c.aliases[0]}”)"
        for c in COLUMNS
        if c.required and c.name not in found
    ]
    return found, missing


@dataclass
class Checked:
    rows: pl.DataFrame | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0


def _text(frame: pl.DataFrame, mapping: dict[str, str], name: str) -> pl.Expr:
    column = mapping.get(name)
    if not column:
        return pl.lit(None, dtype=pl.String).alias(name)
    value = pl.col(column).str.strip_chars()
    return pl.when(value.str.len_chars() > 0).then(value).alias(name)


STATE_COLUMNS = (
    "member_id",
    "pk",
    "readiness__level",
    "readiness__assessed_at",
    "readiness__assessed_by_id",
    "readiness__first_assessed_at",
    "readiness__shift",
)
STAMPS = ("old_at", "old_first")


def _stamps_from_database(column: pl.Series) -> pl.Series:
    """A timestamp column as the database driver gave it: SQLite's UTC text, or PostgreSQL's
    datetimes (or all empty)."""
    if column.dtype == pl.String:
        return column.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_zone="UTC")
    return column.cast(pl.Datetime("us", "UTC"))


def members_state(union_id: int) -> pl.DataFrame:
    """The local's members on the roster, by member ID (upper-cased), with what readiness
    holds about each now: one query, its rows read by the driver alone (no Django field
    conversion per row, which costs more than the rest of the import)."""
    query = (
        Member.objects.on_roster()
        .filter(union_id=union_id)
        .values_list(*STATE_COLUMNS)
        .order_by()
        .query
    )
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    names = list(STATE_SCHEMA)
    frame = pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None)
    return frame.with_columns(
        pl.col("key").cast(pl.String).str.to_uppercase(),
        *(_stamps_from_database(frame[name]).alias(name) for name in STAMPS),
    ).cast({n: t for n, t in STATE_SCHEMA.items() if n not in STAMPS})


def _derive(data: pl.DataFrame, state: pl.DataFrame) -> pl.DataFrame:
    raw_date = pl.col("date").str.replace(r"[ T]00:00:00(\.0+)?$", "")
    derived = data.with_columns(
        pl.col("member_id").str.to_uppercase().alias("key"),
        pl.when(pl.col("level").str.contains(LEVEL))
        .then(pl.col("level").str.slice(0, 1).cast(pl.Int64))
        .alias("level_int"),
        pl.coalesce(
            raw_date.str.to_date("%Y-%m-%d", strict=False),
            raw_date.str.to_date("%m/%d/%Y", strict=False),
        ).alias("day"),
        pl.col("shift")
        .str.to_lowercase()
        .replace_strict(SHIFT_WORDS, default=None, return_dtype=pl.String)
        .alias("shift_code"),
    )
    derived = derived.with_columns(pl.col("_row").min().over("key").alias("first_row"))
    return derived.join(state, on="key", how="left")


def _checks(today: date, union_label: str) -> list[tuple[str, pl.Expr]]:
    c = pl.col
    return [
        ("member_id", pl.when(c("member_id").is_null()).then(pl.lit("is required"))),
        (
            "member_id",
            pl.when(c("member_id").is_not_null() & c("pk").is_null()).then(
                pl.format(f"no member “{{}}” on {union_label}'s roster", c("member_id"))
            ),
        ),
        (
            "member_id",
            pl.when(c("key").is_not_null() & (c("first_row") != c("_row"))).then(
                pl.format(
                    "member “{}” is on row {} too: one row per member",
                    c("member_id"),
                    c("first_row"),
                )
            ),
        ),
        ("level", pl.when(c("level").is_null()).then(pl.lit("is required"))),
        (
            "level",
            pl.when(c("level").is_not_null() & c("level_int").is_null()).then(
                pl.format("“{}” is not a level from 1 to 5", c("level"))
            ),
        ),
        (
            "date",
            pl.when(c("date").is_not_null() & c("day").is_null()).then(
                pl.format("“{}” is not a date (YYYY-MM-DD or MM/DD/YYYY)", c("date"))
            ),
        ),
        ("date", pl.when(c("day") > pl.lit(today)).then(pl.lit("is in the future"))),
        (
            "shift",
            pl.when(c("shift").is_not_null() & c("shift_code").is_null()).then(
                pl.format(
                    "“{}” is not a shift (day, evening, night, weekend, rotating)", c("shift")
                )
            ),
        ),
        (
            "note",
            pl.when(c("note").str.len_chars() > MAX_NOTE).then(
                pl.lit(f"is longer than {MAX_NOTE} characters")
            ),
        ),
    ]


def check_sheet(
    frame: pl.DataFrame,
    mapping: dict[str, str],
    state: pl.DataFrame,
    *,
    today: date,
    union_label: str,
) -> Checked:
    """Every row checked at once; the typed rows only when no row has a problem."""
    data = frame.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("_row"),
        *(_text(frame, mapping, c.name) for c in COLUMNS),
    )
    derived = _derive(data, state)
    checks = _checks(today, union_label)
    labels = pl.Series([mapping.get(name) or name for name, _ in checks])
    found = (
        derived.select("_row", *(expr.alias(str(i)) for i, (_, expr) in enumerate(checks)))
        .unpivot(index="_row", variable_name="check", value_name="message")
        .drop_nulls("message")
        .with_columns(pl.col("check").cast(pl.Int64))
        .sort("_row", "check")
    )
    if found.height:
        shown = found.head(MAX_REPORTED_ERRORS)
        shown = shown.with_columns(column=labels.gather(shown["check"]))
        errors = [
            {"row": r, "column": col, "message": m}
            for r, col, m in shown.select("_row", "column", "message").iter_rows()
        ]
        return Checked(None, errors, found.height)
    return Checked(derived)


@dataclass
class Outcome:
    rows_total: int
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0
    written: int = 0
    encoding: str = ""

    @property
    def is_applied(self) -> bool:
        return self.errors_total == 0


def import_sheet(
    path: Any,
    *,
    name: str,
    union: Any,
    actor_id: int | None,
    job_id: int | None = None,
    progress: Progress | None = None,
) -> Outcome:
    """Read, check and (when no row has a problem) write a sign-in sheet for ``union``."""
    table = read_table(path, name=name)
    frame = table.frame
    outcome = Outcome(rows_total=frame.height, encoding=table.encoding)
    mapping, missing = find_columns(frame.columns)
    if missing:
        outcome.errors = [{"row": 1, "column": "", "message": m} for m in missing]
        outcome.errors_total = len(missing)
        return outcome
    if progress is not None:
        progress(0, frame.height, "Checking every row")
    checked = check_sheet(
        frame, mapping, members_state(union.pk), today=timezone.localdate(), union_label=str(union)
    )
    if table.row_errors_total or checked.rows is None:
        errors = sorted([*table.row_errors, *checked.errors], key=lambda e: e["row"])
        outcome.errors = errors[:MAX_REPORTED_ERRORS]
        outcome.errors_total = checked.errors_total + table.row_errors_total
        return outcome
    if progress is not None:
        progress(frame.height // 2, frame.height, "Writing the assessments")
    now = timezone.now()
    planned = plan_rows(checked.rows, now, actor_id)
    outcome.written = write_rows(
        planned, union_id=union.pk, actor_id=actor_id, job_id=job_id, now=now
    )
    return outcome
