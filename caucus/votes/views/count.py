"""The count: the tally with a trustee's key file, the results with their reasons, the
result as a draft bargaining update, and the audit package."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.audit.log import record
from caucus.votes.access import access_vote
from caucus.votes.announce import do_draft_update
from caucus.votes.errors import VoteError
from caucus.votes.forms import KeyFileForm, place_error
from caucus.votes.package import audit_package
from caucus.votes.paper import tally_problems
from caucus.votes.results import shown_result
from caucus.votes.tally import do_tally
from caucus.votes.views import render_vote


@never_cache
@staff_required()
def tally(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "tally")
    form = KeyFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_tally(request.user, vote, form.text(), form.cleaned_data["passphrase"])
        except VoteError as refused:
            place_error(form, refused)
        else:
            messages.success(request, "Counted. The results are below.")
            return redirect("votes:results", pk=vote.pk)
    problems = tally_problems(vote) if vote.state == "closed" else []
    status = 400 if form.is_bound else 200
    context = {"form": form, "problems": problems}
    return render_vote(request, "votes/tally.html", vote, context, status=status)


@staff_required()
def results(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "view")
    return render_vote(request, "votes/results.html", vote, {"shown": shown_result(vote)})


@require_POST
@staff_required()
def draft_update(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "manage")
    try:
        update = do_draft_update(request.user, vote)
    except VoteError as refused:
        messages.error(request, refused.message)
        return redirect("votes:results", pk=vote.pk)
    messages.success(request, "A draft update holds the result: finish it and publish.")
    return redirect("updates:edit", pk=update.pk)


@staff_required()
def package(request: StaffRequest, pk: int) -> HttpResponse:
    vote = access_vote(request.user, pk, "view")
    if not vote.is_counted:
        raise Http404("The audit package exists once the vote is counted.")
    record(request.user, "vote.package_download", vote, request=request)
    response = HttpResponse(audit_package(vote), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="vote-{vote.pk}-audit.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
