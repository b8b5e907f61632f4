"""The Caucus fields a roster file fills, and a first guess at which file column feeds each.

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
            header = by_fold.get(fold(candidate))
            if header and header not in used:
                mapping[field.name] = header
                used.add(header)
                break
    for field in FIELDS:
        if field.name in mapping:
            continue
        for alias in field.aliases:
            header = by_fold.get(fold(alias))
            if header and header not in used:
                mapping[field.name] = header
                used.add(header)
                break
    return mapping
