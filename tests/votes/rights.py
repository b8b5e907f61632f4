"""Who may reach each caucus.votes route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

The member pages are public once a vote is past its draft (a member is known there only by the
code in their link). Each vote made here has its roles: committee ``team``, teller
``officer_a``, trustee ``observer``.
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE

People = set[str | None]

RIGHTS: dict[str, tuple[str, People, tuple[str, ...]]] = {
    "votes_site:list": ("GET", EVERYONE, ("slug",)),
    "votes_site:vote": ("GET", EVERYONE, ("slug", "pk=open_vote_pk")),
    "votes_site:receipt": ("GET", EVERYONE, ("slug", "pk=open_vote_pk")),
    "votes_site:results": ("GET", EVERYONE, ("slug", "pk=tallied_vote_pk")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: an open vote and a tallied one (rows only: no key, no engine)."""
    from caucus.votes.models import State
    from tests.votes.helpers import grant, result_row, vote_row

    open_vote = vote_row(negotiation, State.OPEN)
    tallied = vote_row(negotiation, State.TALLIED)
    keys = sorted(open_vote.local_keys().values())
    result_row(tallied, dict.fromkeys(keys, (20, 15, 4, 1)))
    for vote in (open_vote, tallied):
        for name, role in (("team", "committee"), ("officer_a", "teller"), ("observer", "trustee")):
            grant(vote, cast[name], role)
    return {"open_vote_pk": open_vote.pk, "tallied_vote_pk": tallied.pk}
