"""Read-side queries of the table pages, each a fixed number of SQL queries however many
articles, proposals or sessions there are (the dashboard's count is pinned in its tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from caucus.accounts.models import Person
from caucus.table.access import can_view_internal, visible_proposals
from caucus.table.models import (
    DirectDealingReport,
    InformationRequest,
    Negotiation,
    Proposal,
    Session,
    TentativeAgreement,
)
from caucus.table.status import ArticleState, article_states

PAST_SESSIONS_SHOWN = 10


@dataclass
class Dashboard:
    articles: list[ArticleState]
    upcoming_sessions: list[Session]
    past_sessions: list[Session]
    open_requests: list[InformationRequest] | None
    today: date
    # Direct-dealing reports not yet reviewed, for those who review them (else None).
    new_reports: int | None = None


def dashboard(user: Person, negotiation: Negotiation, today: date) -> Dashboard:
    proposals = (
        visible_proposals(user, negotiation)
        .filter(article__isnull=False)
        .select_related("session")
        .only(
            "id",
            "article_id",
            "side",
            "kind",
            "title",
            "status",
            "passed_on",
            "created_at",
            "is_published",
            "session__id",
            "session__date",
        )
    )
    states = article_states(
        negotiation.articles.all(),
        proposals,
        TentativeAgreement.objects.filter(negotiation=negotiation).only(
            "id", "article_id", "signed_on"
        ),
    )
    internal = can_view_internal(user, negotiation)
    # Non-team staff must not learn how many unpublished passes a session saw.
    counted = None if internal else Q(proposals__is_published=True)
    sessions = Session.objects.filter(negotiation=negotiation).annotate(
        proposal_count=Count("proposals", filter=counted)
    )
    # A session is upcoming until it has ended where it is held: yesterday's, in a zone behind
    # the server's, may still be on, and this morning's may be over.
    since = today - timedelta(days=1)
    recent: list[Session] = list(sessions.filter(date__gte=since).order_by("date", "starts_at"))
    upcoming = [s for s in recent if not s.has_ended]
    ended = [s for s in reversed(recent) if s.has_ended]
    earlier: list[Session] = list(
        sessions.filter(date__lt=since).order_by("-date")[:PAST_SESSIONS_SHOWN]
    )
    past = (ended + earlier)[:PAST_SESSIONS_SHOWN]
    requests: list[InformationRequest] | None = None
    if internal:
        requests = list(open_requests(negotiation).annotate(follow_up_count=Count("follow_ups")))
    new_reports = None
    if negotiation.is_reached_by(user, "directdealing.review"):
        new_reports = DirectDealingReport.objects.filter(
            negotiation=negotiation, status=DirectDealingReport.Status.NEW
        ).count()
    return Dashboard(states, upcoming, past, requests, today, new_reports)


def open_requests(negotiation: Negotiation) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(
        negotiation=negotiation,
        status__in=[
            InformationRequest.Status.PENDING,
            InformationRequest.Status.ACKNOWLEDGED,
            InformationRequest.Status.PARTIAL,
        ],
    )


def article_history(user: Person, negotiation: Negotiation, article_id: int) -> QuerySet[Proposal]:
    """Every pass on the article that the user may see, both sides, in the order passed."""
    return (
        visible_proposals(user, negotiation)
        .filter(article_id=article_id)
        .select_related("session", "answers")
        .order_by("passed_on", "created_at", "id")
    )
