"""Limit/offset pages for every list: ``?limit=50&offset=0`` → ``{count, limit, offset, items}``.

Bounds are part of the schema, so a client (or a fuzzer) asking for a page no database could
serve gets a 422, not an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from ninja import Field, Schema

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 10_000_000

M = TypeVar("M", bound=Model)


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def page(
    queryset: QuerySet[M], params: PageParams, to_dict: Callable[[M], dict[str, Any]]
) -> dict[str, Any]:
    """One page of ``queryset``, each row turned into its API form by ``to_dict``."""
    rows = queryset[params.offset : params.offset + params.limit]
    return {
        "count": queryset.count(),
        "limit": params.limit,
        "offset": params.offset,
        "items": [to_dict(row) for row in rows],
    }
