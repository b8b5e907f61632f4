"""The fixed test cast, written once: each person's role and scope, and the sets of people that
the permission matrix and the rights files name.

  admin        coalition admin                team         bargaining team (coalition-wide)
  team_b       bargaining team of union B     comms        communications (coalition-wide)
  comms_a      communications of union A      officer_a    local officer of union A
  officer_b    local officer of union B       organizer_a  organizer of union A
  observer     observer (coalition-wide)
  member_a     a member of union A (signs in by link; no staff role)
  outsider     signed in, no role at all
  None         nobody signed in

The world has two negotiations: ``national`` covers both unions; ``local_a`` covers only
union A, so people whose every grant is for union B (``ONLY_B``) must not reach it.
"""

from __future__ import annotations

# name: (role, union: "a" / "b" / None for coalition-wide)
ROLES: dict[str, tuple[str, str | None]] = {
    "admin": ("coalition_admin", None),
    "team": ("bargaining_team", None),
    "team_b": ("bargaining_team", "b"),
    "comms": ("communications", None),
    "comms_a": ("communications", "a"),
    "officer_a": ("local_officer", "a"),
    "officer_b": ("local_officer", "b"),
    "organizer_a": ("organizer", "a"),
    "observer": ("observer", None),
}

People = set[str | None]

STAFF: People = set(ROLES)
EVERYONE: People = STAFF | {"outsider", "member_a", None}
SIGNED_IN: People = EVERYONE - {None}
NOBODY: People = set()
# Every grant for union B only: refused at a table that does not cover union B.
ONLY_B: People = {name for name, (_, union) in ROLES.items() if union == "b"}
COALITION_WIDE: People = {name for name, (_, union) in ROLES.items() if union is None}

# The bargaining team's rights (table.edit, table.view_internal, sheets.edit, costing.run).
TEAM: People = {"admin", "team", "team_b"}
TEAM_COALITION_WIDE: People = {"admin", "team"}
# Bargaining updates (updates.edit / updates.publish) and the direct-dealing log.
UPDATES: People = {"admin", "team", "team_b", "comms", "comms_a"}
UPDATES_COALITION_WIDE: People = {"admin", "team", "comms"}
DIRECT_DEALING: People = {"admin", "team", "team_b", "comms", "comms_a"}
# The roster: who sees members, who imports and exports.
ROSTER: People = {"admin", "officer_a", "officer_b", "organizer_a"}
ROSTER_OF_A: People = {"admin", "officer_a", "organizer_a"}
IMPORT: People = {"admin", "officer_a", "officer_b"}
IMPORT_OF_A: People = {"admin", "officer_a"}
AUDIT: People = {"admin", "observer"}


def at_local_a_table(allowed: People) -> People:
    """Who of ``allowed`` reaches the same page at the table that covers only union A."""
    if None in allowed:  # a public page stays public
        return allowed
    return allowed - ONLY_B
