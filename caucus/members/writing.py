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
from django.db.models import F, Field, IntegerField
from django.db.models.functions import Cast, Round

from caucus.members.columns import IMPORTED, MemberColumn
from caucus.members.models import Member

# Member fields written by an import, in this order (``union`` and ``member_id`` on insert only).
DATA_FIELDS = [*(c.field for c in IMPORTED), "is_on_roster", "updated_at"]
INSERT_FIELDS = ["union", "member_id", *DATA_FIELDS]
# How each kind of column is read from the database: its type in the frame of members on file.
READ_TYPES: dict[str, type[pl.DataType]] = {
    "text": pl.String,
    "id": pl.Int64,
    "int": pl.Int64,
    "cents": pl.Int64,
    "milli": pl.Int64,
    "date": pl.String,
    "flag": pl.Int64,
}
EXISTING_SCHEMA: dict[str, type[pl.DataType]] = {
    "pk": pl.Int64,
    "member_id": pl.String,
    **{c.row: READ_TYPES[c.kind] for c in IMPORTED},
    "is_on_roster": pl.Int64,
}


def _column(name: str) -> str:
    field = Member._meta.get_field(name)
    if not isinstance(field, Field) or field.column is None:
        raise TypeError(f"{name} is not a column of the members table")
    return connection.ops.quote_name(field.column)


def _table() -> str:
    return connection.ops.quote_name(Member._meta.db_table)


def _read(column: MemberColumn) -> Any:
    """The expression reading a column in the clean rows' terms (None: the field as stored)."""
    if column.kind == "cents":
        return Cast(Round(F(column.field) * 100), IntegerField())
    if column.kind == "milli":
        return Cast(Round(F(column.field) * 1000), IntegerField())
    if column.kind == "date":
        return Cast(column.field, output_field=Member._meta.get_field("member_id"))
    if column.kind == "flag":
        return Cast(column.field, IntegerField())
    return None


def members_on_file(union_id: int) -> pl.DataFrame:
    """The union's members in the clean rows' terms, in one query without per-value converters."""
    reads = {c.row: _read(c) for c in IMPORTED}
    annotations = {f"read_{name}": value for name, value in reads.items() if value is not None}
    names = [c.attname if reads[c.row] is None else f"read_{c.row}" for c in IMPORTED]
    query = (
        Member.objects.filter(union_id=union_id)
        .annotate(**annotations, listed=Cast("is_on_roster", IntegerField()))
        .values_list("pk", "member_id", *names, "listed")
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    frame = pl.DataFrame(rows, schema=EXISTING_SCHEMA, orient="row")
    return frame.with_columns(
        *(
            pl.col(c.row).str.slice(0, 10).str.to_date("%Y-%m-%d")
            for c in IMPORTED
            if c.kind == "date"
        ),
        *(pl.col(c.row).cast(pl.Boolean) for c in IMPORTED if c.kind == "flag"),
        pl.col("is_on_roster").cast(pl.Boolean),
    )


def _decimal_text(cents: str, digits: int) -> pl.Expr:
    value = pl.col(cents)
    return (
        (value // 10**digits).cast(pl.String)
        + "."
        + (value % 10**digits).cast(pl.String).str.pad_start(digits, "0")
    )


def _written(column: MemberColumn) -> pl.Expr:
    """A clean rows' column in the database's own text form, named for its model field."""
    if column.kind == "cents":
        value = _decimal_text(column.row, 2)
    elif column.kind == "milli":
        value = _decimal_text(column.row, 3)
    elif column.kind == "date":
        value = pl.col(column.row).dt.to_string("%Y-%m-%d")
    else:
        value = pl.col(column.row)
    return value.alias(column.field)


def _db_rows(rows: pl.DataFrame, union_id: int, now: datetime, *, with_pk: bool) -> pl.DataFrame:
    """Clean rows as the table's columns, in ``INSERT_FIELDS`` order (plus pk when updating)."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    columns = [
        pl.lit(union_id, dtype=pl.Int64).alias("union"),
        pl.col("member_id"),
        *(_written(c) for c in IMPORTED),
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
        cursor.executemany(sql, list(data.iter_rows()))


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
        cursor.executemany(sql, list(data.iter_rows()))


def mark_dropped(pks: list[int], now: datetime) -> None:
    for start in range(0, len(pks), 500):
        Member.objects.filter(pk__in=pks[start : start + 500]).update(
            is_on_roster=False, updated_at=now
        )
