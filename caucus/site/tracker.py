"""The table tracker: where each article stands, in plain words, from public facts only.

It reads published proposals and tentative agreements, nothing else (no drafts, no internal
notes), so what it says is what members may know. Three queries whatever the number of
articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from caucus.table.models import Article, Negotiation, Proposal, Side, TentativeAgreement


class Standing(StrEnum):
    AGREED = "agreed"
    UNION_WAITING = "union"
    EMPLOYER_WAITING = "employer"
    OPEN = "open"
    NOT_OPENED = "not-opened"


LABELS: dict[Standing, StrOrPromise] = {
    Standing.AGREED: gettext_lazy("Agreed"),
    Standing.UNION_WAITING: gettext_lazy("Union proposal waiting for the employer's answer"),
    Standing.EMPLOYER_WAITING: gettext_lazy("Employer proposal waiting for our answer"),
    Standing.OPEN: gettext_lazy("Open: no proposal on the table right now"),
    Standing.NOT_OPENED: gettext_lazy("Not yet opened"),
}
# A symbol with every status, so that meaning never rests on colour alone.
SYMBOLS: dict[Standing, str] = {
    Standing.AGREED: "✓",
    Standing.UNION_WAITING: "→",
    Standing.EMPLOYER_WAITING: "←",
    Standing.OPEN: "…",
    Standing.NOT_OPENED: "○",
}


@dataclass(frozen=True)
class TrackerRow:
    article: Article
    standing: Standing
    latest: Proposal | None
    agreed_on: object | None = None

    @property
    def label(self) -> str:
        return str(LABELS[self.standing])

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.standing]


def standing_of(latest: Proposal | None, has_ta: bool) -> Standing:
    if has_ta or (latest is not None and latest.status == Proposal.Status.TENTATIVELY_AGREED):
        return Standing.AGREED
    if latest is None:
        return Standing.NOT_OPENED
    if latest.status != Proposal.Status.OPEN:
        return Standing.OPEN
    return Standing.UNION_WAITING if latest.side == Side.UNION else Standing.EMPLOYER_WAITING


def article_tracker(negotiation: Negotiation) -> list[TrackerRow]:
    """One row per article of the negotiation, in contract order."""
    articles = list(negotiation.articles.all())
    signed = dict(
        TentativeAgreement.objects.filter(negotiation=negotiation).values_list(
            "article_id", "signed_on"
        )
    )
    latest: dict[int, Proposal] = {}
    # Ordered oldest first, so the last one seen per article is the latest pass.
    for proposal in Proposal.objects.filter(
        negotiation=negotiation, is_published=True, article__isnull=False
    ).order_by("passed_on", "created_at", "id"):
        latest[proposal.article_id] = proposal  # type: ignore[index]
    return [
        TrackerRow(
            article=article,
            standing=standing_of(latest.get(article.pk), article.pk in signed),
            latest=latest.get(article.pk),
            agreed_on=signed.get(article.pk),
        )
        for article in articles
    ]


def tracker_counts(rows: list[TrackerRow]) -> dict[str, int]:
    """How many articles stand where, for the summary line above the tracker."""
    counts = {standing.value: 0 for standing in Standing}
    for row in rows:
        counts[row.standing.value] += 1
    return counts
