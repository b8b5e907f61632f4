"""Who reads an update, and who may address it to whom.

The rule, written once:
- an update to the whole coalition is public: anyone may read it, and it is in the Atom feed;
- an update to some unions is for those unions only: their signed-in members and staff of
  those unions (or coalition-wide staff) read it; it is never in the public feed;
- communications staff may address an update only to unions for which they hold
  ``updates.publish``; only coalition-wide holders may address the whole coalition.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from caucus.accounts.permissions import is_coalition_wide, unions_with
from caucus.members.signed_in import roster_row


def member_union_id(user: Any) -> int | None:
    """The union of the roster row linked to a signed-in member, if they are still on it."""
    row = roster_row(user)
    return row.union_id if row is not None and row.is_on_roster else None


def reader_union_ids(user: Any) -> set[int]:
    """Unions whose targeted updates ``user`` may read: their own as a member, and as staff."""
    ids: set[int] = set(unions_with(user, "staff.enter").values_list("pk", flat=True))
    own = member_union_id(user)
    if own is not None:
        ids.add(own)
    return ids


def targetable_union_ids(user: Any) -> set[int]:
    return set(unions_with(user, "updates.publish").values_list("pk", flat=True))


def may_address(user: Any, *, to_whole_coalition: bool, union_ids: Iterable[int]) -> bool:
    """True if ``user`` may send an update to this audience."""
    if to_whole_coalition:
        return is_coalition_wide(user, "updates.publish")
    chosen = set(union_ids)
    return bool(chosen) and chosen <= targetable_union_ids(user)
