"""Importing a union's roster file: read, validate, compare with the members on file, write.

All or nothing: a file with any problem changes nothing. A valid file updates members by
member ID and reports how many were added, changed, unchanged and no longer on the roster
(those are kept, marked ``is_on_roster=False``, never deleted). A file that would drop more
than a set share of the union's members changes nothing either until that count is confirmed
(``caucus.members.drops``). Comparison with the members on file is one query and one polars
join; writes go in batches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.members.columns import IMPORTED
from caucus.members.drops import Drops
from caucus.members.models import RosterImport
from caucus.members.roster_files import RosterTable, read_table
from caucus.members.validation import (
    MAX_REPORTED_ERRORS,
    Progress,
    RosterCodes,
    Validation,
    validate,
)
from caucus.members.writing import insert_members, mark_dropped, members_on_file, update_members
from caucus.orgs.models import BargainingUnit, Classification, Employer, Union, Worksite

BATCH = 2000
# The columns compared to decide "changed" (a re-import that differs in none is "unchanged").
COMPARED = (*(c.row for c in IMPORTED), "is_on_roster")


@dataclass
class ImportOutcome:
    rows_total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    flagged_emails: int = 0
    dry_run: bool = False
    encoding: str = ""
    # Set when the file would drop more members than may go without a confirmation, and the
    # count was not confirmed: nothing was written.
    unconfirmed_drops: Drops | None = None

    @property
    def is_valid(self) -> bool:
        return self.errors_total == 0

    @property
    def is_applied(self) -> bool:
        return self.is_valid and not self.dry_run and self.unconfirmed_drops is None

    def summary(self) -> dict[str, int]:
        return {
            "rows": self.rows_total,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "flagged_emails": self.flagged_emails,
            "errors": self.errors_total,
        }


def employers_for(union: Union) -> list[Employer]:
    """The employers the union bargains with (through its units' negotiations), else all."""
    employers = list(Employer.objects.filter(negotiations__units__union=union).distinct())
    return employers or list(Employer.objects.all())


def load_codes(union: Union) -> RosterCodes:
    employers = employers_for(union)
    classifications = Classification.objects.filter(employer__in=employers)
    domains = {d for e in employers for d in e.email_domain_list()}
    domains |= {d.strip().lower().lstrip("@") for d in settings.CAUCUS_EMPLOYER_EMAIL_DOMAINS}
    return RosterCodes(
        union_label=str(union),
        units={
            code.upper(): pk
            for pk, code in BargainingUnit.objects.filter(union=union).values_list("pk", "code")
        },
        worksites={
            code.upper(): pk
            for pk, code in Worksite.objects.filter(employer__in=employers).values_list(
                "pk", "code"
            )
        },
        classifications={
            code.upper(): pk for pk, code in classifications.values_list("pk", "code")
        },
        max_steps=dict(classifications.values_list("pk", "max_step")),
        employer_domains=tuple(sorted(d for d in domains if d)),
        today=timezone.localdate(),
    )


@dataclass
class Plan:
    """What a valid file does to the roster: rows to add, rows to change, members to drop."""

    to_add: pl.DataFrame
    to_change: pl.DataFrame
    unchanged: int
    to_drop: list[int]


def plan_changes(rows: pl.DataFrame, existing: pl.DataFrame) -> Plan:
    incoming = rows.with_columns(pl.lit(True).alias("is_on_roster"))
    joined = incoming.join(existing, on="member_id", how="left", suffix="_old")
    is_new = pl.col("pk").is_null()
    differs = pl.any_horizontal(pl.col(c).ne_missing(pl.col(f"{c}_old")) for c in COMPARED)
    to_add = joined.filter(is_new)
    to_change = joined.filter(~is_new & differs)
    unchanged = joined.height - to_add.height - to_change.height
    dropped = existing.join(incoming.select("member_id"), on="member_id", how="anti").filter(
        pl.col("is_on_roster")
    )
    return Plan(to_add, to_change, unchanged, dropped["pk"].to_list())


def write_plan(union: Union, plan: Plan, then: Callable[[], object] | None = None) -> None:
    """Apply the plan in one transaction: new members, changed members, dropped members, and
    ``then`` (the audit row of the import), so the roster never changes without its record."""
    now = timezone.now()
    with transaction.atomic():
        insert_members(plan.to_add, union.pk, now)
        update_members(plan.to_change, union.pk, now)
        mark_dropped(plan.to_drop, now)
        if then is not None:
            then()


def import_roster(
    path: str | Path,
    union: Union,
    mapping: dict[str, str],
    *,
    name: str | None = None,
    dry_run: bool = False,
    confirm_drop: int | None = None,
    progress: Progress | None = None,
    table: RosterTable | None = None,
    then: Callable[[ImportOutcome], object] | None = None,
) -> ImportOutcome:
    """Read, validate and (unless ``dry_run``, any row has a problem, or the file would drop
    more members than may go unconfirmed and ``confirm_drop`` is not that count) apply a file."""
    if table is None:
        table = read_table(path, name=name)
    frame = table.frame
    outcome = ImportOutcome(rows_total=frame.height, dry_run=dry_run, encoding=table.encoding)
    checked: Validation = validate(frame, mapping, load_codes(union), progress=progress)
    if table.row_errors_total or not checked.is_valid or checked.rows is None:
        errors = sorted([*table.row_errors, *checked.errors], key=lambda e: e["row"])
        outcome.errors = errors[:MAX_REPORTED_ERRORS]
        outcome.errors_total = checked.errors_total + table.row_errors_total
        return outcome
    existing = members_on_file(union.pk)
    plan = plan_changes(checked.rows, existing)
    outcome.added, outcome.changed = plan.to_add.height, plan.to_change.height
    outcome.unchanged, outcome.removed = plan.unchanged, len(plan.to_drop)
    outcome.flagged_emails = int(checked.rows["email_is_employers"].sum())
    drops = Drops(str(union), len(plan.to_drop), int(existing["is_on_roster"].sum()))
    if not drops.is_confirmed_by(confirm_drop):
        outcome.unconfirmed_drops = drops
    elif not dry_run:
        write_plan(union, plan, (lambda: then(outcome)) if then is not None else None)
    return outcome


def do_import_roster(
    actor: Actor,
    union: Union,
    path: str | Path,
    mapping: dict[str, str],
    *,
    name: str,
    job: RosterImport | None = None,
    table: RosterTable | None = None,
    dry_run: bool = False,
    confirm_drop: int | None = None,
    progress: Progress | None = None,
    and_then: Callable[[ImportOutcome], object] | None = None,
    **detail: Any,
) -> ImportOutcome:
    """Import a roster file, all or nothing. An applied import's audit row (and ``and_then``:
    the job marked done) is written in the transaction that changes the members; a refused
    one's after (nothing changed to record)."""

    def audit(outcome: ImportOutcome) -> None:
        record(
            actor,
            "roster.import",
            job,
            union=union,
            file=name,
            **{
                "applied": outcome.is_applied,
                "encoding": outcome.encoding,
                **detail,
                **outcome.summary(),
            },
        )

    def then(outcome: ImportOutcome) -> None:
        audit(outcome)
        if and_then is not None:
            and_then(outcome)

    outcome = import_roster(
        path,
        union,
        mapping,
        name=name,
        table=table,
        dry_run=dry_run,
        confirm_drop=confirm_drop,
        progress=progress,
        then=then,
    )
    if not outcome.is_applied and not dry_run:
        audit(outcome)
    return outcome
