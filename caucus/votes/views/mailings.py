"""Credentials going out, for those who run the vote: the mailings and their progress, the
letters' PDF, re-issuing one member's credential (from a search of the roll), and sending
again to the recipients a mailing failed."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.audit.log import record
from caucus.lib.files import send_stored_file
from caucus.votes import mailings
from caucus.votes.access import access_vote
from caucus.votes.errors import VoteError
from caucus.votes.forms import SearchForm
from caucus.votes.models import MailingRecipient, Vote, VoteMailing, Voter
from caucus.votes.paper import search_roll
from caucus.votes.views import render_vote


def _mailing(vote: Vote, mailing_pk: int) -> VoteMailing:
    return get_object_or_404(VoteMailing, vote=vote, pk=mailing_pk)


@staff_required()
def credentials(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    search = SearchForm(request.GET or None)
    found = search_roll(vote, search.cleaned_data["q"]) if search.is_valid() else []
    context = {
        "mailings": vote.mailings.all()[:50],
        "issued": vote.voters.filter(credential_hash__isnull=False).count(),
        "search": search,
        "found": found,
    }
    return render_vote(request, "votes/credentials.html", vote, context)


def _queued(request: StaffRequest, vote: Vote, act: object) -> HttpResponse:
    try:
        mailing = act()  # type: ignore[operator]
    except VoteError as refused:
        messages.error(request, refused.message)
        return redirect("votes:credentials", pk=vote.pk)
    messages.success(request, f"Queued for {mailing.rows_total} member(s).")
    return redirect("votes:mailing", pk=vote.pk, mailing_pk=mailing.pk)


@require_POST
@staff_required()
def send_credentials(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return _queued(request, vote, lambda: mailings.do_send_credentials(request.user, vote))


@require_POST
@staff_required()
def make_letters(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    return _queued(request, vote, lambda: mailings.do_make_letters(request.user, vote))


@require_POST
@staff_required()
def reissue(request: StaffRequest, pk: int, voter_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    voter = get_object_or_404(Voter, vote=vote, pk=voter_pk)
    return _queued(request, vote, lambda: mailings.do_reissue_credential(request.user, voter))


@require_POST
@staff_required()
def retry(request: StaffRequest, pk: int, mailing_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    mailing = _mailing(vote, mailing_pk)
    return _queued(request, vote, lambda: mailings.do_retry_failed(request.user, mailing))


@staff_required()
def mailing_detail(request: StaffRequest, pk: int, mailing_pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    mailing = _mailing(vote, mailing_pk)
    if request.headers.get("HX-Request"):
        if mailing.is_finished:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render_vote(request, "votes/mailing.html#progress", vote, {"mailing": mailing})
    failed = mailing.recipients.filter(status=MailingRecipient.Status.FAILED).select_related(
        "voter__member"
    )
    context = {"mailing": mailing, "failed": failed[:200]}
    return render_vote(request, "votes/mailing.html", vote, context)


@staff_required()
def letters_pdf(request: StaffRequest, pk: int, mailing_pk: int) -> HttpResponseBase:
    vote = access_vote(request.user, pk, "manage")
    mailing = _mailing(vote, mailing_pk)
    if not mailing.letters:
        raise Http404("These letters are not printed yet.")
    record(request.user, "vote.letters_download", vote, mailing=mailing.pk, request=request)
    return send_stored_file(mailing.letters, f"vote-{vote.pk}-letters-{mailing.pk}.pdf")
