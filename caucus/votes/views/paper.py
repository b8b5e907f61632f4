"""Paper at worksite meetings, for tellers (and the election committee): strike members off
the roll (search by name or member number, on a phone), enter a local's paper count (blind to
the other teller's), set aside challenged ballots; and, for the committee, resolve a count the
tellers disagree on and decide challenged ballots."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.votes import paper
from caucus.votes.access import access_vote, may
from caucus.votes.errors import VoteError
from caucus.votes.forms import ChallengedForm, CountsForm, DecideForm, SearchForm, place_error
from caucus.votes.models import ChallengedBallot, Voter
from caucus.votes.views import render_vote


@staff_required()
def strike(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "teller")
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context = {"search": search, "query": query, "found": paper.search_roll(vote, query)}
    if request.htmx:  # type: ignore[attr-defined]
        return render_vote(request, "votes/strike.html#found", vote, context)
    return render_vote(request, "votes/strike.html", vote, context)


@require_POST
@staff_required()
def strike_off(request: StaffRequest, pk: int, voter_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "teller")
    voter = get_object_or_404(Voter.objects.select_related("member"), vote=vote, pk=voter_pk)
    try:
        paper.do_strike_off(request.user, voter)
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"{voter.member or voter.key} is struck off: hand them a ballot.")
    query = request.POST.get("q", "")
    url = reverse("votes:strike", args=[vote.pk])
    return redirect(f"{url}?{urlencode({'q': query})}" if query else url)


@staff_required()
def paper_counts(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "teller")
    form = CountsForm(request.POST or None, vote=vote)
    if request.method == "POST" and form.is_valid():
        try:
            paper.do_enter_paper_count(
                request.user, vote, form.cleaned_data["union"], form.counts()
            )
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Your count is saved.")
            return redirect("votes:paper", pk=vote.pk)
    context = {
        "form": form,
        "locals": paper.paper_status(vote),
        "resolve_form": CountsForm(vote=vote),
        "is_committee": may(request.user, vote, "manage"),
    }
    status = 400 if form.is_bound else 200
    return render_vote(request, "votes/paper.html", vote, context, status=status)


@require_POST
@staff_required()
def paper_resolve(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    form = CountsForm(request.POST, vote=vote)
    if not form.is_valid():
        messages.error(request, "Give the local, the three counts and how it was resolved.")
        return redirect("votes:paper", pk=vote.pk)
    try:
        paper.do_resolve_paper(
            request.user,
            vote,
            form.cleaned_data["union"],
            form.counts(),
            form.cleaned_data["note"],
        )
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "The count is resolved.")
    return redirect("votes:paper", pk=vote.pk)


@staff_required()
def challenged(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "teller")
    form = ChallengedForm(request.POST or None, vote=vote)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paper.do_record_challenged(
                request.user,
                vote,
                data["union"],
                name=data["name"],
                member_number=data["member_number"],
                reason=data["reason"],
                note=data["note"],
                choice=data["choice"],
            )
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "The challenged ballot is set aside, sealed.")
            return redirect("votes:challenged", pk=vote.pk)
    context = {
        "form": form,
        "ballots": vote.challenged.select_related("union", "recorded_by", "decided_by"),
        "decide_form": DecideForm(),
        "is_committee": may(request.user, vote, "manage"),
    }
    status = 400 if form.is_bound else 200
    return render_vote(request, "votes/challenged.html", vote, context, status=status)


@require_POST
@staff_required()
def challenge_decide(request: StaffRequest, pk: int, ballot_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    ballot = get_object_or_404(ChallengedBallot, vote=vote, pk=ballot_pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Accept or reject the ballot.")
        return redirect("votes:challenged", pk=vote.pk)
    try:
        paper.do_decide_challenged(
            request.user,
            ballot,
            accept=form.cleaned_data["decision"] == "accept",
            note=form.cleaned_data["note"],
        )
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "Decided.")
    return redirect("votes:challenged", pk=vote.pk)
