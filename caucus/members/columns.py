"""The roster's columns, written once: the Caucus fields a roster file fills (with a first guess
at which file column feeds each), and the Member columns an import writes.

The guess compares header names after folding case, spaces and punctuation
("Member ID", "member_no" and "MEMBER #" all land on ``member_id``); the person importing
checks and corrects it in the mapping step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RosterField:
    name: str
    label: str
    required: bool
    aliases: tuple[str, ...] = ()


FIELDS: tuple[RosterField, ...] = (
    RosterField(
        "member_id",
        "Member ID",
        True,
        ("member no", "member number", "member num", "member #", "mbr id", "member", "id"),
    ),
    RosterField("first_name", "First name", True, ("first", "given name", "fname", "forename")),
    RosterField("last_name", "Last name", True, ("last", "surname", "family name", "lname")),
    RosterField("unit", "Unit code", True, ("unit", "bargaining unit", "bu", "unit id")),
    RosterField(
        "worksite", "Worksite code", True, ("worksite", "work site", "site", "location", "store")
    ),
    RosterField(
        "classification",
        "Classification code",
        True,
        ("classification", "class", "job class", "job code", "class code", "title code"),
    ),
    RosterField("step", "Step", False, ("wage step", "pay step")),
    RosterField(
        "hourly_rate", "Hourly rate", True, ("rate", "wage", "hourly wage", "pay rate", "base rate")
    ),
    RosterField("fte", "FTE", False, ("full time equivalent", "fte percent")),
    RosterField(
        "hire_date", "Hire date", True, ("hired", "date hired", "date of hire", "doh", "start date")
    ),
    RosterField("language", "Language", False, ("preferred language", "lang", "language code")),
    RosterField(
        "email", "Personal e-mail", False, ("e mail", "email address", "personal email", "mail")
    ),
    RosterField("phone", "Phone", False, ("mobile", "cell", "phone number", "telephone", "tel")),
    RosterField(
        "standing",
        "Standing",
        False,
        ("member status", "membership status", "status", "good standing"),
    ),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}
REQUIRED = tuple(f.name for f in FIELDS if f.required)


def fold(header: str) -> str:
    """'Member_No.' -> 'memberno': case, spaces and punctuation do not matter."""
    return re.sub(r"[^a-z0-9#]", "", header.lower())


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Caucus field name -> file header for every field a header plausibly names.

    Each header feeds at most one field, and exact names win over aliases.
    """
    by_fold: dict[str, str] = {}
    for header in headers:
        by_fold.setdefault(fold(header), header)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field in FIELDS:
        for candidate in (field.name, field.label):
            found = by_fold.get(fold(candidate))
            if found and found not in used:
                mapping[field.name] = found
                used.add(found)
                break
    for field in FIELDS:
        if field.name in mapping:
            continue
        for alias in field.aliases:
            found = by_fold.get(fold(alias))
            if found and found not in used:
                mapping[field.name] = found
                used.add(found)
                break
    return mapping


@dataclass(frozen=True)
class MemberColumn:
    """A Member field that a roster import writes, and the column of the clean rows holding it.

    ``kind`` says how the value travels: ``text``; ``id`` (a foreign key's id); ``int``;
    ``cents`` and ``milli`` (a decimal as an exact integer of hundredths or thousandths);
    ``date``; ``flag`` (a boolean).
    """

    field: str
    row: str
    kind: str

    @property
    def attname(self) -> str:
        return f"{self.field}_id" if self.kind == "id" else self.field


# What an import sets on a member besides ``union``, ``member_id``, ``is_on_roster`` and
# ``updated_at``, in the Member model's order. The importer's comparison, its reads of the
# members on file and its bulk writes are all derived from this list.
IMPORTED: tuple[MemberColumn, ...] = (
    MemberColumn("first_name", "first_name", "text"),
    MemberColumn("last_name", "last_name", "text"),
    MemberColumn("unit", "unit_id", "id"),
    MemberColumn("worksite", "worksite_id", "id"),
    MemberColumn("classification", "classification_id", "id"),
    MemberColumn("step", "step", "int"),
    MemberColumn("hourly_rate", "rate_cents", "cents"),
    MemberColumn("fte", "fte_milli", "milli"),
    MemberColumn("hire_date", "hire_date", "date"),
    MemberColumn("language", "language", "text"),
    MemberColumn("email", "email", "text"),
    MemberColumn("phone", "phone", "text"),
    MemberColumn("standing", "standing", "text"),
    MemberColumn("email_is_employers", "email_is_employers", "flag"),
)
# The clean rows' columns, as validation hands them to the importer.
ROW_COLUMNS: tuple[str, ...] = ("member_id", *(c.row for c in IMPORTED))
# Every column of the member table but its id, in the model's order: for bulk inserts that
# write whole rows (tests check it against the model).
MEMBER_TABLE_COLUMNS: tuple[str, ...] = (
    "union_id",
    "member_id",
    *(c.attname for c in IMPORTED),
    "is_on_roster",
    "user_id",
    "updated_at",
)
