"""Path parameters shared by the routers, bounded so that no value can reach the database
driver in a form it refuses (ids beyond 64 bits, NUL characters in slugs)."""

from __future__ import annotations

from ninja import P, PathEx

from caucus.api.schemas import ARTICLE_NUMBER_PATTERN, MAX_ID, SLUG_PATTERN

NegotiationSlug = PathEx[
    str, P(pattern=SLUG_PATTERN, max_length=50, description="The negotiation's slug.")
]
UpdateSlug = PathEx[str, P(pattern=SLUG_PATTERN, max_length=220, description="The update's slug.")]
RowId = PathEx[int, P(ge=1, le=MAX_ID)]
ArticleNo = PathEx[
    str, P(pattern=ARTICLE_NUMBER_PATTERN, max_length=20, description="The article's number.")
]
