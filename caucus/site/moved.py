"""What moved at the table since the last update: published passes and signed tentative
agreements on or after the day of the reader's latest published update, by article.

"On or after the day" rather than "after the minute": passes and agreements carry a date, not a
time, so a pass made the same day as an update is shown again rather than missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from caucus.table.models import Article, Negotiation, Proposal, TentativeAgreement
from caucus.updates.models import Update, UpdateQuerySet


@dataclass
class ArticleMoves:
    article: Article | None
    proposals: list[Proposal] = field(default_factory=list)
    agreements: list[TentativeAgreement] = field(default_factory=list)


@dataclass
class Moves:
    since: Update | None
    articles: list[ArticleMoves]

    @property
    def since_date(self) -> date | None:
        if self.since is None or self.since.published_at is None:
            return None
        return timezone.localdate(self.since.published_at)


def moved_since_last_update(negotiation: Negotiation, updates: UpdateQuerySet) -> Moves:
    """``updates`` is the queryset of updates the reader may see (its newest is "the last")."""
    last = updates.filter(negotiation=negotiation).order_by("-published_at").first()
    proposals = Proposal.objects.filter(negotiation=negotiation, is_published=True).select_related(
        "article", "session"
    )
    agreements = TentativeAgreement.objects.filter(negotiation=negotiation).select_related(
        "article"
    )
    if last is not None and last.published_at is not None:
        day = timezone.localdate(last.published_at)
        proposals = proposals.filter(passed_on__gte=day)
        agreements = agreements.filter(signed_on__gte=day)
    by_article: dict[int | None, ArticleMoves] = {}
    for proposal in proposals.order_by("passed_on", "created_at", "id"):
        by_article.setdefault(proposal.article_id, ArticleMoves(proposal.article)).proposals.append(
            proposal
        )
    for agreement in agreements.order_by("signed_on", "id"):
        by_article.setdefault(
            agreement.article_id, ArticleMoves(agreement.article)
        ).agreements.append(agreement)

    def order(moves: ArticleMoves) -> tuple[int, int, str]:
        if moves.article is None:
            return (1, 0, "")
        return (0, moves.article.order, moves.article.number)

    return Moves(since=last, articles=sorted(by_article.values(), key=order))
