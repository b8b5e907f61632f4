"""Where each article stands at the table, derived from its passes and its tentative agreement.

The rule, in order:

1. a tentative agreement on the article: **tentatively agreed**;
2. otherwise look at each side's latest proposal still on the table (status open). If neither
   side has one, the article is **open**; if only one side has one, that side's proposal is
   **pending** (waiting for the other side's answer); if both do, the side that passed last is
   the one waiting, so its proposal is pending.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models

from caucus.table.models import Article, Proposal, Side, TentativeAgreement


class ArticleStatus(models.TextChoices):
    OPEN = "open", "Open"
    UNION_PENDING = "union", "Union proposal pending"
    EMPLOYER_PENDING = "employer", "Employer proposal pending"
    AGREED = "agreed", "Tentatively agreed"


def _pass_order(proposal: Proposal) -> tuple[date, object, int]:
    return (proposal.passed_on, proposal.created_at, proposal.pk)


def derive_status(
    union_open: Proposal | None, employer_open: Proposal | None, has_ta: bool
) -> ArticleStatus:
    if has_ta:
        return ArticleStatus.AGREED
    if union_open is None and employer_open is None:
        return ArticleStatus.OPEN
    if employer_open is None:
        return ArticleStatus.UNION_PENDING
    if union_open is None:
        return ArticleStatus.EMPLOYER_PENDING
    if _pass_order(union_open) > _pass_order(employer_open):
        return ArticleStatus.UNION_PENDING
    return ArticleStatus.EMPLOYER_PENDING


@dataclass
class ArticleState:
    """One row of the dashboard: an article, its status and the latest pass of each side."""

    article: Article
    latest: dict[str, Proposal] = field(default_factory=dict)
    latest_open: dict[str, Proposal] = field(default_factory=dict)
    ta: TentativeAgreement | None = None
    status: ArticleStatus = ArticleStatus.OPEN
    last_movement: date | None = None

    @property
    def latest_union(self) -> Proposal | None:
        return self.latest.get(Side.UNION)

    @property
    def latest_employer(self) -> Proposal | None:
        return self.latest.get(Side.EMPLOYER)

    @property
    def latest_by_side(self) -> tuple[Proposal | None, Proposal | None]:
        """(union's, employer's) latest pass, in the dashboard's column order."""
        return self.latest_union, self.latest_employer

    def days_since_movement(self, today: date) -> int | None:
        return None if self.last_movement is None else (today - self.last_movement).days


def article_states(
    articles: Iterable[Article],
    proposals: Iterable[Proposal],
    agreements: Iterable[TentativeAgreement],
) -> list[ArticleState]:
    """The state of every article, from the proposals the viewer may see (any order)."""
    states = {article.pk: ArticleState(article=article) for article in articles}
    for proposal in sorted(proposals, key=_pass_order):
        state = states.get(proposal.article_id)  # type: ignore[arg-type]
        if state is None:
            continue
        state.latest[proposal.side] = proposal
        if proposal.status == Proposal.Status.OPEN:
            state.latest_open[proposal.side] = proposal
        if state.last_movement is None or proposal.passed_on > state.last_movement:
            state.last_movement = proposal.passed_on
    for ta in agreements:
        state = states.get(ta.article_id)
        if state is None:
            continue
        state.ta = ta
        if state.last_movement is None or ta.signed_on > state.last_movement:
            state.last_movement = ta.signed_on
    for state in states.values():
        state.status = derive_status(
            state.latest_open.get(Side.UNION),
            state.latest_open.get(Side.EMPLOYER),
            state.ta is not None,
        )
    return list(states.values())
