"""Setting up and running a vote: the negotiation's votes, a new vote and its draft, the
ballot's text, the roll, the roles, the key ceremony, and the moves from one state to the
next (schedule, open, close, certify)."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.audit.models import AuditEvent
from caucus.members.models import Member, Standing
from caucus.table.access import access_negotiation
from caucus.votes import actions, states
from caucus.votes.access import access_vote, may_see_votes_of, reaches, visible_votes, votes_home
from caucus.votes.errors import VoteError
from caucus.votes.forms import KeyFileForm, KeyForm, RoleForm, VoteForm, place_error, text_forms
from caucus.votes.models import State, Voter, VoteRole
from caucus.votes.rules import rule_words
from caucus.votes.views import done_or_refused, render_vote


@staff_required()
def vote_home(request: StaffRequest) -> HttpResponse:
    """The staff menu's "Votes": the votes of the table this user follows (found only when
    asked, so that no other staff page pays for it)."""
    negotiation = votes_home(request.user)
    if negotiation is None:
        raise Http404("No votes for you to see.")
    return redirect("votes:list", slug=negotiation.slug)


@staff_required()
def vote_list(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "staff.enter")
    if not may_see_votes_of(request.user, negotiation):
        raise Http404("No such negotiation.")
    context = {
        "negotiation": negotiation,
        "votes": visible_votes(request.user, negotiation),
        "may_set_up": reaches(request.user, negotiation, "votes.manage"),
    }
    return render(request, "votes/list.html", context)


@staff_required("votes.manage")
def vote_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "votes.manage")
    form = VoteForm(request.POST or None, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        try:
            vote = actions.do_save_vote(
                request.user,
                negotiation,
                None,
                units=list(form.cleaned_data["units"]),
                articles=list(form.cleaned_data["articles"]),
                **form.fields_for_action(),
            )
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Draft saved. Next: the ballot's text and the roll.")
            return redirect("votes:detail", pk=vote.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "negotiation": negotiation}
    return render(request, "votes/vote_form.html", context, status=status)


@staff_required()
def vote_edit(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    if not vote.is_draft:
        messages.error(request, "Once scheduled, a vote's question, rule and window stay.")
        return redirect("votes:detail", pk=vote.pk)
    initial = VoteForm.initial_for(vote)
    form = VoteForm(request.POST or None, negotiation=vote.negotiation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_vote(
                request.user,
                vote.negotiation,
                vote,
                units=list(form.cleaned_data["units"]),
                articles=list(form.cleaned_data["articles"]),
                **form.fields_for_action(),
            )
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Saved.")
            return redirect("votes:detail", pk=vote.pk)
    status = 400 if form.is_bound else 200
    return render_vote(request, "votes/vote_form.html", vote, {"form": form}, status=status)


@staff_required()
def vote_detail(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "view")
    events = AuditEvent.objects.filter(object_type="votes.vote", object_id=str(vote.pk))
    context = {
        "rule_lines": rule_words(vote.rule),
        "texts": list(vote.texts.all()),
        "roles": VoteRole.objects.filter(vote=vote).select_related("user"),
        "schedule_problems": actions.schedule_problems(vote) if vote.is_draft else [],
        "open_problems": (
            states.open_problems(vote, timezone.now()) if vote.state == "scheduled" else []
        ),
        "events": events.order_by("-at", "-id")[:50],
        "mine": VoteRole.objects.filter(vote=vote, user=request.user),
    }
    return render_vote(request, "votes/detail.html", vote, context)


@staff_required()
def vote_texts(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    forms = text_forms(vote, request.POST or None)
    if request.method == "POST" and all(form.is_valid() for _, _, form in forms):
        texts = {code: form.cleaned_data for code, _, form in forms}
        try:
            actions.do_save_texts(request.user, vote, texts)
        except VoteError as refused:
            target = next((f for code, _, f in forms if code == refused.field), forms[0][2])
            target.add_error("question", refused.message)
        else:
            messages.success(request, "The ballot's text is saved.")
            return redirect("votes:detail", pk=vote.pk)
    status = 400 if request.method == "POST" else 200
    return render_vote(request, "votes/texts.html", vote, {"forms": forms}, status=status)


@staff_required()
def vote_roll(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "view")
    eligible = actions.eligible_members(vote) if vote.cutoff else None
    context = {
        "by_local": actions.roll_counts(vote),
        "on_roster": eligible.count() if eligible is not None else None,
        "left_out": _left_out(vote),
    }
    return render_vote(request, "votes/roll.html", vote, context)


def _left_out(vote: Any) -> dict[str, int]:
    """Members of the vote's units on the roster who are not on the roll, and why."""
    members = Member.objects.on_roster().filter(unit__in=vote.units.all())
    on_roll = Voter.objects.filter(vote=vote).values("member_id")
    return {
        "not in good standing": members.exclude(standing=Standing.GOOD).count(),
        "hired after the cut-off": (
            members.filter(standing=Standing.GOOD, hire_date__gt=vote.cutoff).count()
            if vote.cutoff
            else 0
        ),
        "added to the roster after the roll was frozen": (
            members.filter(standing=Standing.GOOD, hire_date__lte=vote.cutoff)
            .exclude(pk__in=on_roll)
            .count()
            if vote.cutoff and vote.roll_size
            else 0
        ),
    }


@require_POST
@staff_required()
def roll_freeze(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request, vote, lambda: actions.do_freeze_roll(request.user, vote), "The roll is frozen."
    )


@require_POST
@staff_required()
def roll_lock(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request,
        vote,
        lambda: actions.do_lock_roll(request.user, vote),
        "The roll is locked and its hash recorded.",
    )


@require_POST
@staff_required()
def vote_schedule(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request, vote, lambda: actions.do_schedule_vote(request.user, vote), "Scheduled."
    )


@require_POST
@staff_required()
def vote_open(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request, vote, lambda: states.do_open_vote(request.user, vote), "The vote is open."
    )


@require_POST
@staff_required()
def vote_close(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request, vote, lambda: states.do_close_vote(request.user, vote), "The vote is closed."
    )


@require_POST
@staff_required()
def vote_certify(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return done_or_refused(
        request, vote, lambda: actions.do_certify(request.user, vote), "The result is certified."
    )


@staff_required()
def vote_roles(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "roles")
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_grant_role(
                request.user, vote, form.cleaned_data["user"], form.cleaned_data["role"]
            )
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Role granted.")
            return redirect("votes:roles", pk=vote.pk)
    roles = VoteRole.objects.filter(vote=vote).select_related("user", "granted_by")
    status = 400 if form.is_bound else 200
    return render_vote(
        request, "votes/roles.html", vote, {"form": form, "roles": roles}, status=status
    )


@require_POST
@staff_required()
def role_revoke(request: StaffRequest, pk: int, role_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "roles")
    granted = get_object_or_404(VoteRole, vote=vote, pk=role_pk)
    try:
        actions.do_revoke_role(request.user, granted)
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "Role revoked.")
    return redirect("votes:roles", pk=vote.pk)


@never_cache
@staff_required()
def vote_key(request: StaffRequest, pk: int) -> HttpResponse:
    """The key ceremony: each trustee types a passphrase; the page that answers holds their
    files (and nothing on the server does)."""
    vote = access_vote(request.user, pk, "manage")
    trustees = actions.trustees(vote)
    form = KeyForm(request.POST or None, trustees=trustees)
    if request.method == "POST" and form.is_valid():
        try:
            files = actions.do_make_key(request.user, vote, form.passphrases())
        except VoteError as refused:
            place_error(form, refused)
        else:
            downloads = [
                (user, base64.b64encode(text.encode()).decode(), f"vote-{vote.pk}-{user}.json")
                for user, text in files.items()
            ]
            return render_vote(request, "votes/key_made.html", vote, {"downloads": downloads})
    status = 400 if form.is_bound else 200
    context = {"form": form, "trustees": trustees, "may_make": vote.state == State.SCHEDULED}
    return render_vote(request, "votes/key.html", vote, context, status=status)


@staff_required()
def key_check(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "trustee")
    form = KeyFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_check_key(request.user, vote, form.text(), form.cleaned_data["passphrase"])
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Your key file opens this vote's key. Keep it safe.")
            return redirect("votes:detail", pk=vote.pk)
    status = 400 if form.is_bound else 200
    return render_vote(request, "votes/key_check.html", vote, {"form": form}, status=status)
