"""Writing a checked sign-in sheet: each row's moment and the state it leaves, then one
assessment per row and each member's latest state, below the ORM.

As the roster import does (``caucus.members.writing``): building 85,000 model instances, or
binding 85,000 rows of parameters one by one, costs more than the database's own work, so the
rows are prepared with polars expressions in the database's own text forms and handed over
whole: as one JSON parameter expanded by ``json_each`` on SQLite, by ``COPY`` on PostgreSQL (for
the members' state into a temporary table, then one ``INSERT … ON CONFLICT``). Everything runs
in one transaction: a failure part-way leaves every member's readiness as it was.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import polars as pl
from django.db import connection, transaction
from django.utils import timezone

from caucus.readiness.models import Assessment, MemberReadiness


def plan_rows(rows: pl.DataFrame, now: datetime, actor_id: int | None) -> pl.DataFrame:
    """Each row's moment (noon of its day, never later than now), whether it replaces the
    member's latest assessment, and the state to write."""
    zone = timezone.get_current_timezone_name()
    noon = (
        (pl.col("day").cast(pl.Datetime("us")) + pl.duration(hours=12))
        .dt.replace_time_zone(zone)
        .dt.convert_time_zone("UTC")
    )
    planned = rows.with_columns(
        pl.when(pl.col("day").is_null())
        .then(pl.lit(now))
        .otherwise(pl.min_horizontal(noon, pl.lit(now)))
        .alias("at")
    )
    replaces = pl.col("old_at").is_null() | (pl.col("at") >= pl.col("old_at"))
    return planned.with_columns(
        pl.when(replaces)
        .then(pl.col("old_level"))
        .otherwise(pl.col("level_int"))
        .alias("previous"),
        pl.when(replaces)
        .then(pl.col("level_int"))
        .otherwise(pl.col("old_level"))
        .alias("new_level"),
        pl.when(replaces).then(pl.col("at")).otherwise(pl.col("old_at")).alias("new_at"),
        pl.when(replaces)
        .then(pl.lit(actor_id, dtype=pl.Int64))
        .otherwise(pl.col("old_by"))
        .alias("new_by"),
        pl.min_horizontal("old_first", "at").alias("new_first"),
        pl.coalesce("shift_code", "old_shift", pl.lit("")).alias("new_shift"),
        pl.col("note").fill_null("").alias("note_text"),
    )


def _quoted(model: Any, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _table(model: Any) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# On a member already known, these change; is_leader stays as it was.
READINESS_UPDATED = (
    "level",
    "assessed_at",
    "assessed_by",
    "first_assessed_at",
    "shift",
    "updated_at",
)


def _stamp(expr: pl.Expr) -> pl.Expr:
    """A UTC timestamp as the database reads it: SQLite as Django writes it (no fraction when it
    is zero), PostgreSQL with its offset."""
    text = expr.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%d %H:%M:%S%.6f")
    if connection.vendor == "sqlite":
        return text.str.replace(r"\.000000$", "")
    return text + "+00:00"


def _rows(
    planned: pl.DataFrame, *, union_id: int, actor_id: int | None, job_id: int | None, now: datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The assessments and the members' states to write, columns named by their fields."""
    c, lit = pl.col, pl.lit
    history = planned.select(
        c("pk").alias("member"),
        lit(union_id, dtype=pl.Int64).alias("union"),
        c("level_int").alias("level"),
        c("previous").alias("previous_level"),
        _stamp(c("at")).alias("assessed_at"),
        lit(actor_id, dtype=pl.Int64).alias("assessed_by"),
        c("note_text").alias("note"),
        lit(str(Assessment.Source.IMPORT)).alias("source"),
        lit(job_id, dtype=pl.Int64).alias("import_job"),
    )
    states = planned.select(
        c("pk").alias("member"),
        lit(union_id, dtype=pl.Int64).alias("union"),
        c("new_level").alias("level"),
        _stamp(c("new_at")).alias("assessed_at"),
        c("new_by").alias("assessed_by"),
        _stamp(c("new_first")).alias("first_assessed_at"),
        c("new_shift").alias("shift"),
        lit(False).alias("is_leader"),
        _stamp(lit(now).cast(pl.Datetime("us", "UTC"))).alias("updated_at"),
    )
    return history, states


def _upsert_clause() -> str:
    member = _quoted(MemberReadiness, "member")
    sets = ", ".join(
        f"{_quoted(MemberReadiness, n)} = excluded.{_quoted(MemberReadiness, n)}"
        for n in READINESS_UPDATED
    )
    return f" ON CONFLICT ({member}) DO UPDATE SET {sets}"


def _sqlite_insert(cursor: Any, model: Any, rows: pl.DataFrame, upsert: str = "") -> None:
    """One statement, one parameter: the rows as JSON, expanded in SQLite itself."""
    columns = ", ".join(_quoted(model, n) for n in rows.columns)
    values = ", ".join(f"json_extract(value, '$.{n}')" for n in rows.columns)
    # "WHERE true" lets SQLite read the ON CONFLICT after a SELECT as the upsert it is.
    sql = f"INSERT INTO {_table(model)} ({columns}) SELECT {values} FROM json_each(%s) WHERE true{upsert}"  # noqa: S608 - names from the model
    cursor.execute(sql, [rows.write_json()])


def _copy(cursor: Any, target: str, rows: pl.DataFrame) -> None:
    text = rows.write_csv(include_header=False, null_value="\\N")
    with cursor.cursor.copy(f"COPY {target} FROM STDIN WITH (FORMAT csv, NULL '\\N')") as copy:
        copy.write(text.encode())


def _postgres_insert(cursor: Any, model: Any, rows: pl.DataFrame, upsert: str = "") -> None:
    columns = ", ".join(_quoted(model, n) for n in rows.columns)
    if not upsert:
        _copy(cursor, f"{_table(model)} ({columns})", rows)
        return
    select = f"SELECT {columns} FROM {_table(model)} WITH NO DATA"  # noqa: S608 - names from the model
    cursor.execute(f"CREATE TEMPORARY TABLE readiness_rows ON COMMIT DROP AS {select}")
    _copy(cursor, f"readiness_rows ({columns})", rows)
    cursor.execute(
        f"INSERT INTO {_table(model)} ({columns}) SELECT {columns} FROM readiness_rows{upsert}"  # noqa: S608 - names from the model
    )
    cursor.execute("DROP TABLE readiness_rows")


def write_rows(
    planned: pl.DataFrame, *, union_id: int, actor_id: int | None, job_id: int | None, now: datetime
) -> int:
    """Write the planned rows, in one transaction: one assessment each, and each member's
    state (made, or updated but for ``is_leader``)."""
    if planned.is_empty():
        return 0
    history, states = _rows(planned, union_id=union_id, actor_id=actor_id, job_id=job_id, now=now)
    insert = _sqlite_insert if connection.vendor == "sqlite" else _postgres_insert
    with transaction.atomic(), connection.cursor() as cursor:
        insert(cursor, Assessment, history)
        insert(cursor, MemberReadiness, states, _upsert_clause())
    return history.height
