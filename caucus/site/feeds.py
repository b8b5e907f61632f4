"""The Atom feed of a negotiation's updates: coalition-wide, published updates only.

Union-targeted updates never appear here, whoever asks: a feed reader does not sign in.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from caucus.lib.markdown import render_markdown
from caucus.table.models import Negotiation
from caucus.updates.models import Update, UpdateQuerySet

FEED_LENGTH = 30


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Negotiation:
        return get_object_or_404(Negotiation, slug=slug, is_public=True)

    def title(self, obj: Negotiation) -> str:
        return f"{obj.name}: bargaining updates"

    def link(self, obj: Negotiation) -> str:
        return reverse("site:negotiation", args=[obj.slug])

    def subtitle(self, obj: Negotiation) -> str:
        return f"News from the bargaining table with {obj.employer.name}."

    def items(self, obj: Negotiation) -> UpdateQuerySet:
        return (
            Update.objects.public()
            .filter(negotiation=obj)
            .select_related("negotiation")
            .order_by("-published_at")[:FEED_LENGTH]
        )

    def item_title(self, item: Update) -> str:
        return item.title

    def item_description(self, item: Update) -> str:
        return str(render_markdown(item.body))

    def item_pubdate(self, item: Update) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Update) -> datetime:
        return item.updated_at
