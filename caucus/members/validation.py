"""Validating every row of a roster file at once, with polars expressions.

:func:`validate` takes the file's text columns and the column mapping and returns either the
clean rows (typed, codes resolved to ids, ready to compare and write) or the problems, each
named by row (as in the file: the header is row 1), column (the file's own header) and reason.
Each check is one vectorized expression over the whole column; no Python runs per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from caucus.members.columns import FIELDS, FIELDS_BY_NAME, REQUIRED

# A file with every row wrong still gives a readable report; the total is always counted.
MAX_REPORTED_ERRORS = 1000
CHUNK_ROWS = 20_000

MAX_LENGTHS = {"member_id": 40, "first_name": 100, "last_name": 100, "phone": 40, "email": 254}
STANDING_WORDS = {
    "good": "good",
    "in good standing": "good",
    "good standing": "good",
    "member": "good",
    "yes": "good",
    "not_good": "not_good",
    "not good": "not_good",
    "not in good standing": "not_good",
    "no": "not_good",
    "non_member": "non_member",
    "non-member": "non_member",
    "non member": "non_member",
    "fee payer": "non_member",
    "fee payer / non-member": "non_member",
}
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"
LANGUAGE = r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$"
# Amounts: optional "$" and thousands commas are tolerated; spreadsheets may add zeros.
RATE = r"^\d{1,6}(\.\d{1,2}0*)?$"
FTE = r"^(\d(\.\d{0,3}0*)?|\.\d{1,3}0*)$"


@dataclass(frozen=True)
class RosterCodes:
    """What a union's file may refer to: its unit codes, the employer's worksites and
    classifications (codes upper-cased), top steps, and the employer's e-mail domains."""

    union_label: str
    units: dict[str, int]
    worksites: dict[str, int]
    classifications: dict[str, int]
    max_steps: dict[int, int]
    employer_domains: tuple[str, ...]
    today: date


@dataclass
class Validation:
    rows: pl.DataFrame | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0

    @property
    def is_valid(self) -> bool:
        return self.errors_total == 0


Progress = Callable[[int], None]


def _text(frame: pl.DataFrame, mapping: dict[str, str], name: str) -> pl.Expr:
    """The mapped column trimmed, with empty cells as null (or all null when unmapped)."""
    column = mapping.get(name)
    if not column:
        return pl.lit(None, dtype=pl.String).alias(name)
    value = pl.col(column).str.strip_chars()
    return pl.when(value.str.len_chars() > 0).then(value).alias(name)


def _lookup(name: str, table: dict[str, int]) -> pl.Expr:
    return (
        pl.col(name)
        .str.to_uppercase()
        .replace_strict(table, default=None, return_dtype=pl.Int64)
        .alias(f"{name}_id")
    )


def _scaled(name: str, digits: int) -> pl.Expr:
    """'21.5' -> 2150 for digits=2: exact integers, never binary floats."""
    whole = pl.col(name).str.extract(r"^(\d*)", 1).replace("", "0").cast(pl.Int64, strict=False)
    frac = (
        pl.col(name)
        .str.extract(r"\.(\d*)", 1)
        .fill_null("")
        .str.slice(0, digits)
        .str.pad_end(digits, "0")
        .cast(pl.Int64, strict=False)
    )
    return whole * 10**digits + frac


def _derive(data: pl.DataFrame, codes: RosterCodes) -> pl.DataFrame:
    """Typed companions of the text columns; null where the text does not parse."""
    rate = pl.col("hourly_rate").str.replace_all(r"[$,\s]", "")
    hire = pl.col("hire_date").str.replace(r"[ T]00:00:00(\.0+)?$", "")
    domain = pl.col("email").str.extract(r"@([^@]+)$", 1).str.to_lowercase()
    on_employer_domain = pl.lit(False)
    for d in codes.employer_domains:
        on_employer_domain = on_employer_domain | (domain == d) | domain.str.ends_with(f".{d}")
    derived = data.with_columns(
        _lookup("unit", codes.units),
        _lookup("worksite", codes.worksites),
        _lookup("classification", codes.classifications),
        pl.col("step").cast(pl.Int64, strict=False).alias("step_int"),
        rate.alias("rate_text"),
        pl.coalesce(
            hire.str.to_date("%Y-%m-%d", strict=False), hire.str.to_date("%m/%d/%Y", strict=False)
        ).alias("hire"),
        pl.col("language").str.to_lowercase().str.replace_all("_", "-").alias("lang"),
        pl.col("standing")
        .str.to_lowercase()
        .replace_strict(STANDING_WORDS, default=None, return_dtype=pl.String)
        .alias("standing_code"),
        on_employer_domain.fill_null(False).alias("email_is_employers"),
        pl.col("_row").min().over("member_id").alias("first_row"),
    )
    return derived.with_columns(
        pl.col("classification_id")
        .replace_strict(codes.max_steps, default=None, return_dtype=pl.Int64)
        .alias("max_step"),
        pl.when(pl.col("rate_text").str.contains(RATE))
        .then(_scaled("rate_text", 2))
        .alias("rate_cents"),
        pl.when(pl.col("fte").str.contains(FTE)).then(_scaled("fte", 3)).alias("fte_milli"),
    )


Check = tuple[str, pl.Expr]  # (field, expression giving the problem's text or null)


def _checks(codes: RosterCodes) -> list[Check]:
    """Every check, in the order the report lists a row's problems."""
    return [
        *_presence_checks(),
        *_code_checks(codes),
        *_number_checks(),
        *_text_checks(codes),
    ]


def _presence_checks() -> list[Check]:
    """Required fields, lengths the table holds, and member IDs given twice."""
    c = pl.col
    checks: list[Check] = [
        (name, pl.when(c(name).is_null()).then(pl.lit("is required"))) for name in REQUIRED
    ]
    checks += [
        (
            name,
            pl.when(c(name).str.len_chars() > limit).then(
                pl.lit(f"is longer than {limit} characters")
            ),
        )
        for name, limit in MAX_LENGTHS.items()
    ]
    checks.append(
        (
            "member_id",
            pl.when(c("member_id").is_not_null() & (c("first_row") != c("_row"))).then(
                pl.format(
                    "duplicate member ID “{}”, first on row {}", c("member_id"), c("first_row")
                )
            ),
        )
    )
    return checks


def _code_checks(codes: RosterCodes) -> list[Check]:
    """Unit, worksite and classification codes the union's employer has."""
    c = pl.col
    checks: list[Check] = []
    for name in ("unit", "worksite", "classification"):
        scope = f" for {codes.union_label}" if name == "unit" else ""
        checks.append(
            (
                name,
                pl.when(c(name).is_not_null() & c(f"{name}_id").is_null()).then(
                    pl.format(f"unknown {name} code “{{}}”{scope}", c(name))
                ),
            )
        )
    return checks


def _number_checks() -> list[Check]:
    """Step, rate and FTE: numbers, and in their ranges."""
    c = pl.col
    return [
        (
            "step",
            pl.when(c("step").is_not_null() & c("step_int").is_null()).then(
                pl.format("“{}” is not a whole number", c("step"))
            ),
        ),
        ("step", pl.when(c("step_int") < 1).then(pl.lit("must be 1 or more"))),
        (
            "step",
            pl.when(c("step_int") > c("max_step")).then(
                pl.format(
                    "step {} is above the classification's top step {}",
                    c("step_int"),
                    c("max_step"),
                )
            ),
        ),
        (
            "hourly_rate",
            pl.when(c("hourly_rate").is_not_null() & c("rate_cents").is_null()).then(
                pl.format("“{}” is not a rate like 21.50", c("hourly_rate"))
            ),
        ),
        (
            "fte",
            pl.when(c("fte").is_not_null() & c("fte_milli").is_null()).then(
                pl.format("“{}” is not an FTE like 0.75", c("fte"))
            ),
        ),
        (
            "fte",
            pl.when((c("fte_milli") <= 0) | (c("fte_milli") > 1500)).then(
                pl.lit("must be more than 0 and at most 1.5")
            ),
        ),
    ]


def _text_checks(codes: RosterCodes) -> list[Check]:
    """Hire date, e-mail, language and standing, each in a form Caucus reads."""
    c = pl.col
    return [
        (
            "hire_date",
            pl.when(c("hire_date").is_not_null() & c("hire").is_null()).then(
                pl.format("“{}” is not a date (YYYY-MM-DD or MM/DD/YYYY)", c("hire_date"))
            ),
        ),
        ("hire_date", pl.when(c("hire") > pl.lit(codes.today)).then(pl.lit("is in the future"))),
        (
            "email",
            pl.when(c("email").is_not_null() & ~c("email").str.contains(EMAIL)).then(
                pl.format("“{}” is not an e-mail address", c("email"))
            ),
        ),
        (
            "language",
            pl.when(c("lang").is_not_null() & ~c("lang").str.contains(LANGUAGE)).then(
                pl.format("“{}” is not a language code like en or es", c("language"))
            ),
        ),
        (
            "standing",
            pl.when(c("standing").is_not_null() & c("standing_code").is_null()).then(
                pl.format("“{}” is not a standing (good, not good, non-member)", c("standing"))
            ),
        ),
    ]


def _mapping_errors(frame: pl.DataFrame, mapping: dict[str, str]) -> list[dict[str, Any]]:
    errors = []
    for f in FIELDS:
        column = mapping.get(f.name)
        if column and column not in frame.columns:
            errors.append({"row": 1, "column": column, "message": f"no such column for {f.label}"})
        elif f.required and not column:
            errors.append({"row": 1, "column": f.label, "message": "no column is mapped to it"})
    return errors


def clean_rows(derived: pl.DataFrame) -> pl.DataFrame:
    """The typed rows to write, with the model's defaults for optional fields left empty."""
    c = pl.col
    return derived.select(
        c("_row"),
        c("member_id"),
        c("first_name"),
        c("last_name"),
        c("unit_id"),
        c("worksite_id"),
        c("classification_id"),
        c("step_int").fill_null(1).alias("step"),
        c("rate_cents"),
        c("fte_milli").fill_null(1000),
        c("hire").alias("hire_date"),
        c("lang").fill_null("en").alias("language"),
        c("email").fill_null(""),
        c("phone").fill_null(""),
        c("standing_code").fill_null("good").alias("standing"),
        c("email_is_employers"),
    )


def validate(
    frame: pl.DataFrame,
    mapping: dict[str, str],
    codes: RosterCodes,
    *,
    progress: Progress | None = None,
) -> Validation:
    """Check every row; the clean rows only when no row has a problem (all or nothing)."""
    mapping = {k: v for k, v in mapping.items() if k in FIELDS_BY_NAME and v}
    problems = _mapping_errors(frame, mapping)
    if problems:
        return Validation(rows=None, errors=problems, errors_total=len(problems))
    data = frame.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("_row"),
        *(_text(frame, mapping, f.name) for f in FIELDS),
    )
    derived = _derive(data, codes)
    checks = _checks(codes)
    labels = pl.Series([mapping.get(name) or FIELDS_BY_NAME[name].label for name, _ in checks])
    errors: list[dict[str, Any]] = []
    total = 0
    for offset in range(0, max(derived.height, 1), CHUNK_ROWS):
        chunk = derived.slice(offset, CHUNK_ROWS).select(
            "_row", *(expr.alias(str(i)) for i, (_, expr) in enumerate(checks))
        )
        found = (
            chunk.unpivot(index="_row", variable_name="check", value_name="message")
            .drop_nulls("message")
            .with_columns(pl.col("check").cast(pl.Int64))
            .sort("_row", "check")
        )
        total += found.height
        room = MAX_REPORTED_ERRORS - len(errors)
        if room > 0 and found.height:
            found = found.head(room).with_columns(column=labels.gather(found["check"].head(room)))
            errors += [
                {"row": r, "column": col, "message": m}
                for r, col, m in found.select("_row", "column", "message").iter_rows()
            ]
        if progress is not None:
            progress(min(offset + CHUNK_ROWS, derived.height))
    if total:
        return Validation(rows=None, errors=errors, errors_total=total)
    return Validation(rows=clean_rows(derived))
