"""Members an import would mark as no longer on the roster, and when that needs a yes first.

A roster file that lacks most of a union's members is almost always the wrong file (a header
with four rows, yesterday's export of one worksite), not thirteen thousand people leaving. An
import that would drop more than ``CAUCUS_ROSTER_DROP_CONFIRM_SHARE`` percent of the members
on a union's roster therefore changes nothing until someone types the number it would drop:
the mapping page and ``caucus import-roster --confirm-drop N`` ask, and the import itself
refuses an unconfirmed count, so nothing can change before the question was answered.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.conf import settings

from caucus.members.models import Member
from caucus.orgs.models import Union


@dataclass(frozen=True)
class Drops:
    """How many of the members on a union's roster a file would mark as no longer on it."""

    union: str
    dropping: int
    on_roster: int

    @property
    def needs_confirmation(self) -> bool:
        share = settings.CAUCUS_ROSTER_DROP_CONFIRM_SHARE
        return self.dropping > 0 and self.dropping * 100 > share * self.on_roster

    def is_confirmed_by(self, typed: int | None) -> bool:
        """True when no confirmation is needed, or ``typed`` is the count it needs."""
        return not self.needs_confirmation or typed == self.dropping

    def sentence(self) -> str:
        return (
            f"This file would mark {self.dropping:,} of {self.on_roster:,} members of "
            f"{self.union} as no longer on the roster."
        )

    def question(self) -> str:
        return f"{self.sentence()} Type {self.dropping} to confirm."


def count_drops(frame: pl.DataFrame, mapping: dict[str, str], union: Union) -> Drops:
    """The drops a file would make, from its member IDs alone (trimmed, as the import reads
    them), without checking its other columns."""
    column = mapping.get("member_id")
    ids = pl.Series([], dtype=pl.String)
    if column and column in frame.columns:
        ids = frame[column].str.strip_chars().drop_nulls()
    members = Member.objects.filter(union=union, is_on_roster=True)
    on_roster = pl.Series(list(members.values_list("member_id", flat=True)), dtype=pl.String)
    return Drops(str(union), int((~on_roster.is_in(ids.implode())).sum()), on_roster.len())
