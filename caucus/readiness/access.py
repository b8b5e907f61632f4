"""The only ways readiness pages and API routes reach their objects, each answering the same 404
for "missing" and "not yours".

Rights (``caucus.accounts.permissions``), each scoped to the negotiation (a union's grant
reaches the tables that cover that union) and, for anything about a member, to the member's
union:

- ``readiness.view``: the dashboard, the wall chart, a member's history, action results;
- ``readiness.assess``: assessing members, paper cards, imports, the phone-bank export;
- ``readiness.notice``: the threshold and the strike notice.

Campaign actions are run by holders of ``readiness.assess`` or ``readiness.notice``: one whose
grant is for a union runs that union's actions only; an action for every local at the table is
for coalition-wide holders.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from caucus.accounts.permissions import has_perm, union_ids_with
from caucus.members.models import Member, MemberQuerySet
from caucus.orgs.models import Union
from caucus.readiness.models import AssessmentImport, CampaignAction, StrikeNotice
from caucus.table.access import access_negotiation
from caucus.table.models import Negotiation

RUN_ACTIONS = ("readiness.assess", "readiness.notice")


def readiness_negotiation(user: Any, slug: str, perm: str = "readiness.view") -> Negotiation:
    """The negotiation named by ``slug`` if ``perm`` reaches it for the user, else 404."""
    return access_negotiation(user, slug, perm)


def union_ids_at(user: Any, negotiation: Negotiation, perm: str) -> frozenset[int]:
    """The ids of the table's unions for which the user holds ``perm``."""
    held = union_ids_with(user, perm)
    at_table = negotiation.union_ids()
    return at_table if held is None else at_table & held


def unions_at(user: Any, negotiation: Negotiation, perm: str) -> QuerySet[Union]:
    return Union.objects.filter(pk__in=union_ids_at(user, negotiation, perm)).order_by("name")


def members_at(
    user: Any, negotiation: Negotiation, perm: str = "readiness.view", *, on_roster: bool = True
) -> MemberQuerySet:
    """The members of the table's units that ``perm`` lets the user see (their own local's
    only, for a union's grant)."""
    members = Member.objects.filter(
        union_id__in=union_ids_at(user, negotiation, perm), unit__negotiations=negotiation
    )
    return members.on_roster() if on_roster else members


def access_member(
    user: Any, negotiation: Negotiation, pk: int, perm: str = "readiness.view"
) -> Member:
    member = (
        members_at(user, negotiation, perm, on_roster=False)
        .select_related("union", "unit", "worksite", "classification", "readiness")
        .filter(pk=pk)
        .first()
    )
    if member is None:
        raise Http404("No such member.")
    return member


def may_run_actions(user: Any, negotiation: Negotiation) -> bool:
    return any(has_perm(user, p) and negotiation.is_reached_by(user, p) for p in RUN_ACTIONS)


def action_union_ids(user: Any, negotiation: Negotiation) -> frozenset[int] | None:
    """The table's unions the user may run actions for; None when they may also run one for
    every local (a coalition-wide grant)."""
    ids: set[int] = set()
    for perm in RUN_ACTIONS:
        held = union_ids_with(user, perm)
        if held is None:
            return None
        ids |= held
    return frozenset(ids) & negotiation.union_ids()


def visible_actions(user: Any, negotiation: Negotiation) -> QuerySet[CampaignAction]:
    """The table's actions for every local, and those of the locals the user reads."""
    mine = union_ids_at(user, negotiation, "readiness.view") | (
        action_union_ids(user, negotiation) or frozenset()
    )
    everything = union_ids_with(user, "readiness.view") is None or (
        action_union_ids(user, negotiation) is None
    )
    actions = CampaignAction.objects.filter(negotiation=negotiation).select_related("union")
    if everything:
        return actions
    return actions.filter(Q(union__isnull=True) | Q(union_id__in=mine))


def access_action(
    user: Any, negotiation: Negotiation, pk: int, *, for_edit: bool = False
) -> CampaignAction:
    """One of the table's actions; with ``for_edit``, only one the user may run."""
    action = visible_actions(user, negotiation).filter(pk=pk).first()
    if action is None or (for_edit and not may_edit_action(user, negotiation, action)):
        raise Http404("No such campaign action.")
    action.negotiation = negotiation
    return action


def may_edit_action(user: Any, negotiation: Negotiation, action: CampaignAction) -> bool:
    if not may_run_actions(user, negotiation):
        return False
    ids = action_union_ids(user, negotiation)
    return ids is None or (action.union_id is not None and action.union_id in ids)


def access_import(user: Any, negotiation: Negotiation, pk: int) -> AssessmentImport:
    job = (
        AssessmentImport.objects.filter(
            negotiation=negotiation,
            union_id__in=union_ids_at(user, negotiation, "readiness.assess"),
            pk=pk,
        )
        .select_related("union", "uploaded_by")
        .first()
    )
    if job is None:
        raise Http404("No such import.")
    return job


def access_notice(user: Any, negotiation: Negotiation, pk: int) -> StrikeNotice:
    """The strike notice is the team's: ``readiness.notice`` at the table."""
    if not negotiation.is_reached_by(user, "readiness.notice"):
        raise Http404("No such notice.")
    notice = StrikeNotice.objects.filter(negotiation=negotiation, pk=pk).first()
    if notice is None:
        raise Http404("No such notice.")
    notice.negotiation = negotiation
    return notice


def actions_negotiation(user: Any, slug: str) -> Negotiation:
    """The table, for the pages of its campaign actions: readers of readiness and those who
    run actions reach it."""
    negotiation = access_negotiation(user, slug, "staff.enter")
    if not (
        negotiation.is_reached_by(user, "readiness.view") or may_run_actions(user, negotiation)
    ):
        raise Http404("No such negotiation.")
    return negotiation
