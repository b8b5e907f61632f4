"""Who reaches a vote, and what they may do there: the staff pages and the API ask these, and
answer the same 404 for "missing" and "not yours".

Rights come from two places. Named permissions (``caucus.accounts.permissions``), reaching a
vote through its negotiation: ``votes.manage`` (set up and run votes), ``votes.observe``
(watch every step, read-only), ``votes.turnout`` (turnout of one's own local, never a
choice). And roles in one vote (``VoteRole``), granted by the coalition admin: the election
committee runs it as ``votes.manage`` does, tellers strike members off and count paper, and
trustees hold the key.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from caucus.accounts.permissions import has_perm, union_ids_with
from caucus.table.models import Negotiation
from caucus.votes.models import State, Vote, VoteRole

Role = VoteRole.Role
# What each need asks: a permission that reaches the vote's negotiation, or a role in the vote.
NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "view": (("votes.manage", "votes.observe"), (Role.COMMITTEE, Role.TELLER, Role.TRUSTEE)),
    "manage": (("votes.manage",), (Role.COMMITTEE,)),
    "teller": ((), (Role.COMMITTEE, Role.TELLER)),
    "trustee": ((), (Role.TRUSTEE,)),
    "tally": ((), (Role.COMMITTEE, Role.TRUSTEE)),
    "turnout": (("votes.manage", "votes.observe", "votes.turnout"), (Role.COMMITTEE,)),
    "roles": (("accounts.manage",), ()),
}


def roles_in(user: Any, vote: Vote) -> frozenset[str]:
    """The user's roles in ``vote`` (asked once per user and vote in a request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache: dict[int, frozenset[str]] = user.__dict__.setdefault("_caucus_vote_roles", {})
    if vote.pk not in cache:
        cache[vote.pk] = frozenset(
            VoteRole.objects.filter(vote=vote, user=user).values_list("role", flat=True)
        )
    return cache[vote.pk]


def reaches(user: Any, negotiation: Negotiation, perm: str) -> bool:
    return has_perm(user, perm) and negotiation.is_reached_by(user, perm)


def may(user: Any, vote: Vote, need: str) -> bool:
    perms, roles = NEEDS[need]
    if any(reaches(user, vote.negotiation, perm) for perm in perms):
        return True
    return bool(roles_in(user, vote) & set(roles))


def access_vote(user: Any, pk: int, need: str = "view") -> Vote:
    """The vote ``pk`` if the user may ``need`` it (see ``NEEDS``); else 404."""
    vote = Vote.objects.select_related("negotiation", "sheet").filter(pk=pk).first()
    if vote is None or not may(user, vote, need):
        raise Http404("No such vote.")
    return vote


def may_see_votes_of(user: Any, negotiation: Negotiation) -> bool:
    """Whether the negotiation's vote list is for this user at all."""
    perms = ("votes.manage", "votes.observe", "votes.turnout")
    if any(reaches(user, negotiation, perm) for perm in perms):
        return True
    return VoteRole.objects.filter(user=user, vote__negotiation=negotiation).exists()


def visible_votes(user: Any, negotiation: Negotiation) -> QuerySet[Vote]:
    """The negotiation's votes this user sees on the staff side."""
    votes = Vote.objects.filter(negotiation=negotiation).select_related("negotiation")
    perms = ("votes.manage", "votes.observe", "votes.turnout")
    if any(reaches(user, negotiation, perm) for perm in perms):
        return votes
    return votes.filter(Q(roles__user=user)).distinct()


def turnout_union_ids(user: Any, vote: Vote) -> frozenset[int] | None:
    """The locals whose turnout the user sees: None for all of them (the committee, those who
    run or observe votes, and coalition-wide turnout), else their own locals'."""
    if may(user, vote, "manage") or reaches(user, vote.negotiation, "votes.observe"):
        return None
    ids = union_ids_with(user, "votes.turnout")
    if ids is None:
        return None
    return frozenset(ids & set(vote.local_keys()))


class VoteRights:
    """``{{ rights.manage }}`` in a vote's templates: what the user may do there."""

    def __init__(self, user: Any, vote: Vote) -> None:
        self._user = user
        self._vote = vote

    def __getattr__(self, need: str) -> bool:
        if need not in NEEDS:
            raise AttributeError(need)
        return may(self._user, self._vote, need)


def public_vote(slug: str, pk: int) -> Vote:
    """A vote as members see it: past its draft, of a public negotiation; else 404."""
    vote = (
        Vote.objects.public()
        .select_related("negotiation__coalition", "sheet")
        .filter(negotiation__slug=slug, pk=pk)
        .first()
    )
    if vote is None:
        raise Http404("No such vote.")
    return vote


def votes_home(user: Any) -> Negotiation | None:
    """Where the staff menu's "Votes" leads this user: the negotiation they reach with a vote
    open, else the one with the newest vote, else the first they reach; None if none."""
    reached = Negotiation.objects.none()
    for perm in ("votes.manage", "votes.observe", "votes.turnout"):
        reached = reached | Negotiation.objects.visible_to(user, perm)
    role_tables = Negotiation.objects.filter(votes__roles__user=user)
    reached = (reached | role_tables).distinct()
    return (
        reached.filter(votes__state=State.OPEN).first()
        or reached.order_by("-votes__created_at", "name").first()
    )
