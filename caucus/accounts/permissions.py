"""Who may do what, written once.

A permission is a name (``"table.view_internal"``) mapped to the roles that hold it. A role
grant is coalition-wide (no union) or for one union; a union-scoped grant gives the permission
for that union's objects only. Every view and API call asks :func:`has_perm` or
:func:`unions_with` — never a role directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from caucus.accounts.models import Person, Role
from caucus.orgs.models import Union

if TYPE_CHECKING:
    from django.db.models import QuerySet

R = Role

PERMISSIONS: dict[str, frozenset[str]] = {
    # The staff area at all (any role).
    "staff.enter": frozenset(Role.values),
    # The bargaining table: strategy, internal notes, drafts, unpublished proposals.
    "table.view_internal": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    "table.edit": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    # What the public side shows, but inside the staff area (published proposals, sessions).
    "table.view": frozenset(Role.values),
    # Direct-dealing reports from members: review and log.
    "directdealing.review": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM, R.COMMUNICATIONS}),
    # The roster (union-scoped grants see only their union's members).
    "members.view": frozenset({R.COALITION_ADMIN, R.LOCAL_OFFICER, R.ORGANIZER}),
    "members.export": frozenset({R.COALITION_ADMIN, R.LOCAL_OFFICER}),
    "members.import": frozenset({R.COALITION_ADMIN, R.LOCAL_OFFICER}),
    # Bargaining updates: communications staff, and the team reporting on its own table.
    "updates.edit": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM, R.COMMUNICATIONS}),
    "updates.publish": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM, R.COMMUNICATIONS}),
    # Comparison sheets: building and publishing them (published sheets are public).
    "sheets.edit": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    # Costing runs are bargaining strategy; a run's member page is public once published.
    "costing.run": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    # People and their roles; the audit log.
    "accounts.manage": frozenset({R.COALITION_ADMIN}),
    "audit.view": frozenset({R.COALITION_ADMIN, R.OBSERVER}),
    # Votes (caucus.votes): setting one up; turnout (never choices) for organizers of their own
    # local; watching every step read-only. Committees and tellers are granted per vote.
    "votes.manage": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    "votes.turnout": frozenset({R.COALITION_ADMIN, R.ORGANIZER, R.LOCAL_OFFICER}),
    "votes.observe": frozenset({R.COALITION_ADMIN, R.OBSERVER}),
    # Delivery (caucus.delivery): sending updates by e-mail and text; the suppression list.
    "delivery.send": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM, R.COMMUNICATIONS}),
    "delivery.suppressions": frozenset({R.COALITION_ADMIN, R.COMMUNICATIONS}),
    # Translating updates' bodies (people, never a machine, and reviewed before sending).
    "updates.translate": frozenset(
        {R.COALITION_ADMIN, R.COMMUNICATIONS, R.BARGAINING_TEAM, R.TRANSLATOR}
    ),
    # Readiness (caucus.readiness): organizers assess their local's members; the team and
    # officers read readiness; the strike notice is the team's.
    "readiness.assess": frozenset({R.COALITION_ADMIN, R.ORGANIZER}),
    "readiness.view": frozenset(
        {R.COALITION_ADMIN, R.BARGAINING_TEAM, R.ORGANIZER, R.LOCAL_OFFICER}
    ),
    "readiness.notice": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    # Commitments (caucus.commitments): the employer's promises and the reports against them.
    "commitments.edit": frozenset({R.COALITION_ADMIN, R.BARGAINING_TEAM}),
    "commitments.view": frozenset(
        {R.COALITION_ADMIN, R.BARGAINING_TEAM, R.LOCAL_OFFICER, R.OBSERVER, R.COMMUNICATIONS}
    ),
}


def _grants(user: Person) -> list[tuple[str, int | None]]:
    """(role, union id or None) pairs for the user, cached on the user object per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_caucus_grants", None)
    if cached is None:
        cached = list(user.role_grants.values_list("role", "union_id"))
        setattr(user, "_caucus_grants", cached)  # noqa: B010 - a per-request cache on the object
    return cached


def has_perm(user: Person, perm: str, union: Union | int | None = None) -> bool:
    """True if the user holds ``perm`` coalition-wide, or for ``union`` when one is given.

    With ``union=None`` a union-scoped grant is enough for views that then scope their data
    with :func:`unions_with`.
    """
    roles = PERMISSIONS[perm]
    union_id = union if isinstance(union, int) or union is None else union.pk
    for role, grant_union in _grants(user):
        if role not in roles:
            continue
        if grant_union is None or union_id is None or grant_union == union_id:
            return True
    return False


def is_coalition_wide(user: Person, perm: str) -> bool:
    roles = PERMISSIONS[perm]
    return any(role in roles and union is None for role, union in _grants(user))


def union_ids_with(user: Person, perm: str) -> frozenset[int] | None:
    """The ids of the unions for which the user holds ``perm``; None when coalition-wide.

    Answered from the user's grants alone, with no query of its own."""
    roles = PERMISSIONS[perm]
    ids: set[int] = set()
    for role, union in _grants(user):
        if role not in roles:
            continue
        if union is None:
            return None
        ids.add(union)
    return frozenset(ids)


def unions_with(user: Person, perm: str) -> QuerySet[Union]:
    """The unions for whose objects the user holds ``perm`` (all of them if coalition-wide)."""
    roles = PERMISSIONS[perm]
    grants = [(role, union) for role, union in _grants(user) if role in roles]
    if any(union is None for _, union in grants):
        return Union.objects.all()
    return Union.objects.filter(pk__in={union for _, union in grants})


def is_staff_member(user: Person) -> bool:
    return bool(_grants(user))
