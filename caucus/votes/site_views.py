"""The member's side of a vote (on the public site, under /n/<slug>/votes/): the votes of a
negotiation, a vote's page where a member opens their ballot with their code, confirms their
choice and casts it, the receipt check, and the results once counted.

A member is known here only by the code in their link or letter: the page shows their ballot
in their language, one POST casts it, and nothing of what they chose is kept in the clear.
Pages that carry a code are never cached and send only their origin as referrer (the code never
leaves in a Referer; a POST keeps its Origin for the CSRF check). A wrong code counts against
the address's rate (``CAUCUS_VOTE_CODE_RATE``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from caucus.engines.ballots.receipts import normalize_receipt
from caucus.lib.markdown import render_markdown
from caucus.sheets.access import public_negotiation
from caucus.table.models import TentativeAgreement
from caucus.votes import ballot_box, results
from caucus.votes.access import public_vote
from caucus.votes.actions import published_costing
from caucus.votes.credentials import read_code
from caucus.votes.models import OPTIONS, Ballot, ChallengedBallot, Vote, Voter

RATE_GROUP = "votes.code"


def vote_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = public_negotiation(slug)
    votes = Vote.objects.public().filter(negotiation=negotiation).prefetch_related("texts")
    language = translation.get_language() or "en"
    listed = [(vote, vote.text_in(language)) for vote in votes]
    return render(
        request,
        "votes/site_list.html",
        {"negotiation": negotiation, "votes": listed, "nav": "votes"},
    )


def _limited(request: HttpRequest, *, count: bool) -> bool:
    return is_ratelimited(
        request,
        group=RATE_GROUP,
        key="ip",
        rate=settings.CAUCUS_VOTE_CODE_RATE,
        method=ALL,
        increment=count,
    )


def _context(vote: Vote, language: str, **extra: Any) -> dict[str, Any]:
    text = vote.text_in(language)
    agreements = TentativeAgreement.objects.filter(
        negotiation=vote.negotiation, article__in=vote.articles.all()
    ).select_related("article")
    return {
        "vote": vote,
        "negotiation": vote.negotiation,
        "nav": "votes",
        "text": text,
        "explanation": render_markdown(text.explanation) if text else "",
        "agreements": agreements,
        "costing": vote.links_costing and published_costing(vote.negotiation),
        "is_accepting": vote.is_accepting_ballots(),
        "LANGUAGE_CODE": language,
        **extra,
    }


def _language_of(voter: Voter | None, request: HttpRequest) -> str:
    if voter is not None and voter.member is not None:
        return voter.member.language
    return translation.get_language() or "en"


def _page(
    request: HttpRequest,
    vote: Vote,
    template: str,
    voter: Voter | None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    """``template`` in the voter's language (the browser's when no voter is known)."""
    language = _language_of(voter, request)
    with translation.override(language):
        context = _context(vote, language, voter=voter, **extra)
        return render(request, template, context, status=status)


@never_cache
def vote_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: the vote, and a member's ballot when the address carries their code. POST: the
    member's choice to confirm (``step`` review), then to cast (``step`` cast)."""
    vote = public_vote(slug, pk)
    data = request.POST if request.method == "POST" else request.GET
    code = read_code(data.get("code", ""))
    if not code:
        return _page(request, vote, "votes/site_vote.html", None)
    if _limited(request, count=False):
        return _page(request, vote, "votes/site_vote.html", None, limited=True, status=429)
    voter = ballot_box.voter_for(vote, code)
    if voter is None:
        _limited(request, count=True)
        return _page(request, vote, "votes/site_vote.html", None, wrong_code=True)
    if voter.has_voted:
        return _page(request, vote, "votes/site_voted.html", voter)
    if not vote.is_accepting_ballots():
        return _page(request, vote, "votes/site_vote.html", voter, code=code)
    choice = data.get("choice", "")
    step = request.POST.get("step") if request.method == "POST" else None
    if step is None or choice not in OPTIONS:
        missing = step is not None
        return _page(request, vote, "votes/site_ballot.html", voter, code=code, missing=missing)
    if step == "review":
        return _page(request, vote, "votes/site_confirm.html", voter, code=code, choice=choice)
    return _cast(request, vote, voter, code, choice)


def _cast(request: HttpRequest, vote: Vote, voter: Voter, code: str, choice: str) -> HttpResponse:
    result = ballot_box.cast_ballot(vote, code, choice)
    if result.is_cast:
        return _page(request, vote, "votes/site_cast.html", voter, receipt=result.receipt)
    if result.status == ballot_box.ALREADY_VOTED:
        return _page(request, vote, "votes/site_voted.html", voter)
    return _page(request, vote, "votes/site_vote.html", voter, code=code)


def receipt_check(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A member checks that the ballot with their receipt is in the box, and, once the vote
    is counted, that it was counted."""
    vote = public_vote(slug, pk)
    typed = request.GET.get("receipt", "").strip()
    found = None
    problem = ""
    if typed:
        try:
            receipt = normalize_receipt(typed)
        except ValueError:
            problem = _("That is not a receipt code: it has 20 letters and digits.")
        else:
            found = (
                Ballot.objects.filter(vote=vote, receipt=receipt).exists()
                or ChallengedBallot.objects.filter(
                    vote=vote, receipt=receipt, status=ChallengedBallot.Status.ACCEPTED
                ).exists()
            )
    language = translation.get_language() or "en"
    context = _context(vote, language, typed=typed, found=found, problem=problem)
    return render(request, "votes/site_receipt.html", context)


def results_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    vote = public_vote(slug, pk)
    shown = results.shown_result(vote)
    language = translation.get_language() or "en"
    return render(request, "votes/site_results.html", _context(vote, language, shown=shown))
