"""Turnout for organizers and those who run or watch the vote: counts and percent by local,
unit and worksite, hour by hour; for holders of ``votes.turnout``, who has not voted yet in
their own locals, and reminders to them. Never a choice, never a count of choices."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.accounts.permissions import union_ids_with
from caucus.orgs.models import Worksite
from caucus.votes import mailings, turnout
from caucus.votes.access import access_vote, reaches, turnout_union_ids
from caucus.votes.errors import VoteError
from caucus.votes.models import Vote
from caucus.votes.views import render_vote


def _may_list(request: StaffRequest, vote: Vote) -> bool:
    return reaches(request.user, vote.negotiation, "votes.turnout")


def _listed_unions(request: StaffRequest, vote: Vote) -> frozenset[int] | None:
    """The locals whose non-voters the user may list: their own (None: all, coalition-wide)."""
    ids = union_ids_with(request.user, "votes.turnout")
    return None if ids is None else frozenset(ids & set(vote.local_keys()))


@staff_required()
def turnout_page(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "turnout")
    scope = turnout_union_ids(request.user, vote)
    series = turnout.hourly(vote, scope)
    context = {
        "total": turnout.total(vote, scope),
        "by_local": turnout.turnout_by(vote, "local", scope),
        "by_unit": turnout.turnout_by(vote, "unit", scope),
        "by_worksite": turnout.turnout_by(vote, "worksite", scope),
        "series": series,
        "chart": turnout.chart(vote, scope),
        "is_scoped": scope is not None,
        "may_list": _may_list(request, vote),
    }
    return render_vote(request, "votes/turnout.html", vote, context)


@staff_required("votes.turnout")
def not_voted(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "turnout")
    if not _may_list(request, vote):
        raise Http404("No such list.")
    scope = _listed_unions(request, vote)
    worksite = request.GET.get("worksite", "")
    chosen = int(worksite) if worksite.isdigit() else None
    voters = turnout.not_voted(vote, scope, chosen)
    page = Paginator(voters, 200).get_page(request.GET.get("page"))
    sites = Worksite.objects.filter(
        pk__in=turnout.scoped(vote, scope).values("worksite_id")
    ).order_by("name")
    context = {"page": page, "worksites": sites, "chosen": chosen}
    return render_vote(request, "votes/not_voted.html", vote, context)


@require_POST
@staff_required("votes.turnout")
def remind(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "turnout")
    if not _may_list(request, vote):
        raise Http404("No such vote.")
    scope = _listed_unions(request, vote)
    try:
        mailing = mailings.do_send_reminders(
            request.user, vote, None if scope is None else sorted(scope)
        )
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"Reminders queued for {mailing.rows_total} member(s).")
    return redirect("votes:turnout", pk=vote.pk)
