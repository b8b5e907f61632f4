"""The roster row linked to a signed-in member, read once a request: the language their pages
are read in (caucus.site.languages) and the union whose own updates they read
(caucus.updates.audience) come from the same row, in one query."""

from __future__ import annotations

from typing import Any, NamedTuple

from caucus.members.models import Member


class RosterRow(NamedTuple):
    union_id: int
    is_on_roster: bool
    language: str


def roster_row(user: Any) -> RosterRow | None:
    """The signed-in user's roster row, or None (not signed in, or no member of any roster)."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached: RosterRow | bool | None = getattr(user, "_caucus_roster_row", False)
    if not isinstance(cached, bool):
        return cached
    # One row at most (``Member.user`` is one-to-one), so no ordering to build or run.
    found = list(
        Member.objects.filter(user=user)
        .order_by()
        .values_list("union_id", "is_on_roster", "language")[:1]
    )
    row = RosterRow(*found[0]) if found else None
    setattr(user, "_caucus_roster_row", row)  # noqa: B010 - a per-request cache on the object
    return row
