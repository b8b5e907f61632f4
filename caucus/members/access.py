"""The only way views reach a member or a roster import: the same 404 for "missing" and
"not yours", so a page never reveals that another local's member exists."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from caucus.accounts.permissions import unions_with
from caucus.members.models import Member, RosterImport


def access_member(user: Any, pk: int, perm: str = "members.view") -> Member:
    member = (
        Member.objects.visible_to(user, perm)
        .select_related("union", "unit", "worksite__region", "classification")
        .filter(pk=pk)
        .first()
    )
    if member is None:
        raise Http404("No such member.")
    return member


def access_import(user: Any, pk: int) -> RosterImport:
    job = (
        RosterImport.objects.filter(union__in=unions_with(user, "members.import"), pk=pk)
        .select_related("union")
        .first()
    )
    if job is None:
        raise Http404("No such roster import.")
    return job
