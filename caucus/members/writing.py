"""Fast reads and writes of roster rows, below the ORM for the bulk paths.

Building 85,000 model instances costs more than the database's own work, so the importer
passes plain rows: one ``executemany`` on SQLite, ``COPY`` on PostgreSQL (into the table for
new members, into a temporary table then one ``UPDATE … FROM`` for changed ones). Rows are
prepared with polars expressions in the database's own text forms. Everything runs on the
caller's connection, inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import polars as pl
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.functions import Cast, Round

from caucus.members.models import Member

# Member fields written by an import, in this order (``union`` and ``member_id`` on insert only).
DATA_FIELDS = [
    "first_name",
    "last_name",
    "unit",
    "worksite",
    "classification",
    "step",
    "hourly_rate",
    "fte",
    "hire_date",
    "language",
    "email",
    "phone",
    "standing",
    "email_is_employers",
    "is_on_roster",
    "updated_at",
]
INSERT_FIELDS = ["union", "member_id", *DATA_FIELDS]
EXISTING_SCHEMA = {
    "pk": pl.Int64,
    "member_id": pl.String,
    "first_name": pl.String,
    "last_name": pl.String,
    "unit_id": pl.Int64,
    "worksite_id": pl.Int64,
    "classification_id": pl.Int64,
    "step": pl.Int64,
    "rate_cents": pl.Int64,
    "fte_milli": pl.Int64,
    "hire_date": pl.String,
    "language": pl.String,
    "email": pl.String,
    "phone": pl.String,
    "standing": pl.String,
    "email_is_employers": pl.Int64,
    "is_on_roster": pl.Int64,
}


def _column(name: str) -> str:
    return connection.ops.quote_name(Member._meta.get_field(name).column)


def _table() -> str:
    return connection.ops.quote_name(Member._meta.db_table)


def members_on_file(union_id: int) -> pl.DataFrame:
    """The union's members in the clean rows' terms, in one query without per-value converters."""
    query = (
        Member.objects.filter(union_id=union_id)
        .annotate(
            rate_cents=Cast(Round(F("hourly_rate") * 100), IntegerField()),
            fte_milli=Cast(Round(F("fte") * 1000), IntegerField()),
            hire_text=Cast("hire_date", output_field=Member._meta.get_field("member_id")),
            flag=Cast("email_is_employers", IntegerField()),
            listed=Cast("is_on_roster", IntegerField()),
        )
        .values_list(
            "pk",
            "member_id",
            "first_name",
            "last_name",
            "unit_id",
            "worksite_id",
            "classification_id",
            "step",
            "rate_cents",
            "fte_milli",
            "hire_text",
            "language",
            "email",
            "phone",
            "standing",
            "flag",
            "listed",
        )  # fmt: skip
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    frame = pl.DataFrame(rows, schema=EXISTING_SCHEMA, orient="row")
    return frame.with_columns(
        pl.col("hire_date").str.slice(0, 10).str.to_date("%Y-%m-%d"),
        pl.col("email_is_employers").cast(pl.Boolean),
        pl.col("is_on_roster").cast(pl.Boolean),
    )


def _decimal_text(cents: str, digits: int) -> pl.Expr:
    value = pl.col(cents)
    return (
        (value // 10**digits).cast(pl.String)
        + "."
        + (value % 10**digits).cast(pl.String).str.pad_start(digits, "0")
    )


def _db_rows(rows: pl.DataFrame, union_id: int, now: datetime, *, with_pk: bool) -> pl.DataFrame:
    """Clean rows as the table's columns, in ``INSERT_FIELDS`` order (plus pk when updating)."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    columns = [
        pl.lit(union_id, dtype=pl.Int64).alias("union"),
        pl.col("member_id"),
        pl.col("first_name"),
        pl.col("last_name"),
        pl.col("unit_id"),
        pl.col("worksite_id"),
        pl.col("classification_id"),
        pl.col("step"),
        _decimal_text("rate_cents", 2).alias("hourly_rate"),
        _decimal_text("fte_milli", 3).alias("fte"),
        pl.col("hire_date").dt.to_string("%Y-%m-%d"),
        pl.col("language"),
        pl.col("email"),
        pl.col("phone"),
        pl.col("standing"),
        pl.col("email_is_employers"),
        pl.lit(True).alias("is_on_roster"),
        pl.lit(str(stamp)).alias("updated_at"),
    ]
    if with_pk:
        columns.append(pl.col("pk"))
    return rows.select(columns)


def _copy(cursor: Any, target: str, data: pl.DataFrame) -> None:
    """PostgreSQL COPY of the whole frame as one CSV text (every value quoted: no NULLs)."""
    text = data.write_csv(include_header=False, quote_style="always")
    with cursor.cursor.copy(f"COPY {target} FROM STDIN WITH (FORMAT csv)") as copy:
        copy.write(text.encode())


def insert_members(rows: pl.DataFrame, union_id: int, now: datetime) -> None:
    if rows.is_empty():
        return
    data = _db_rows(rows, union_id, now, with_pk=False)
    names = ", ".join(_column(f) for f in INSERT_FIELDS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, f"{_table()} ({names})", data)
            return
        marks = ", ".join(["%s"] * len(INSERT_FIELDS))
        sql = f"INSERT INTO {_table()} ({names}) VALUES ({marks})"  # noqa: S608 - names from the model
        cursor.executemany(sql, data.iter_rows())


def update_members(rows: pl.DataFrame, union_id: int, now: datetime) -> None:
    if rows.is_empty():
        return
    data = _db_rows(rows, union_id, now, with_pk=True).drop("union", "member_id")
    pk = _column("id")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = ", ".join(_column(f) for f in DATA_FIELDS)
            select = f"SELECT {pk}, {names} FROM {_table()} WITH NO DATA"  # noqa: S608
            cursor.execute(f"CREATE TEMPORARY TABLE roster_changes ON COMMIT DROP AS {select}")
            _copy(cursor, f"roster_changes ({names}, {pk})", data)
            sets = ", ".join(f"{_column(f)} = c.{_column(f)}" for f in DATA_FIELDS)
            cursor.execute(
                f"UPDATE {_table()} AS m SET {sets} FROM roster_changes AS c WHERE m.{pk} = c.{pk}"  # noqa: S608
            )
            cursor.execute("DROP TABLE roster_changes")
            return
        sets = ", ".join(f"{_column(f)} = %s" for f in DATA_FIELDS)
        sql = f"UPDATE {_table()} SET {sets} WHERE {pk} = %s"  # noqa: S608 - names from the model
        cursor.executemany(sql, data.iter_rows())


def mark_dropped(pks: list[int], now: datetime) -> None:
    for start in range(0, len(pks), 500):
        Member.objects.filter(pk__in=pks[start : start + 500]).update(
            is_on_roster=False, updated_at=now
        )
