"""The staff pages of votes (under /staff/votes/), one module per kind of page: setting up
and running a vote, credentials, paper and tellers, turnout, and the count."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from caucus.votes.access import VoteRights
from caucus.votes.errors import VoteError
from caucus.votes.models import Vote


def render_vote(
    request: HttpRequest, template: str, vote: Vote, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """A page of one vote, with the user's ``rights`` in it for the template and its tabs."""
    context = {"vote": vote, "negotiation": vote.negotiation, **context}
    context["rights"] = VoteRights(request.user, vote)
    return render(request, template, context, status=status)


def done_or_refused(request: HttpRequest, vote: Vote, act: Any, success: str) -> HttpResponse:
    """Run ``act()``; say ``success`` or why the vote's rules refused; back to the vote."""
    try:
        act()
    except VoteError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, success)
    return redirect("votes:detail", pk=vote.pk)
