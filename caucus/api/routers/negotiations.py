"""Negotiations and their articles: what any staff role may read at the tables it reaches."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from caucus.api.access import require
from caucus.api.outputs import article_out, negotiation_out
from caucus.api.paging import PageParams, page
from caucus.api.params import ArticleNo, NegotiationSlug
from caucus.api.schemas import ArticleOut, ArticlePage, Message, NegotiationOut, NegotiationPage
from caucus.table.access import access_article, access_negotiation, visible_negotiations

router = Router(tags=["negotiations"])
ERRORS = {401: Message, 403: Message, 404: Message}


@router.get("/negotiations", response={200: NegotiationPage, **ERRORS})
def list_negotiations(request: HttpRequest, paging: Query[PageParams]) -> Any:
    """The negotiations your roles reach: all of them coalition-wide, else your locals'."""
    user = require(request, "table.view")
    negotiations = visible_negotiations(user).prefetch_related("units__union")
    return page(negotiations.order_by("name", "id"), paging, negotiation_out)


@router.get("/negotiations/{slug}", response={200: NegotiationOut, **ERRORS})
def get_negotiation(request: HttpRequest, slug: NegotiationSlug) -> Any:
    user = require(request, "table.view")
    return negotiation_out(access_negotiation(user, slug))


@router.get("/negotiations/{slug}/articles", response={200: ArticlePage, **ERRORS})
def list_articles(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """The contract's articles in order, each with the text now in force."""
    user = require(request, "table.view")
    negotiation = access_negotiation(user, slug)
    return page(negotiation.articles.order_by("order", "number", "id"), paging, article_out)


@router.get("/negotiations/{slug}/articles/{number}", response={200: ArticleOut, **ERRORS})
def get_article(request: HttpRequest, slug: NegotiationSlug, number: ArticleNo) -> Any:
    user = require(request, "table.view")
    return article_out(access_article(access_negotiation(user, slug), number=number))
