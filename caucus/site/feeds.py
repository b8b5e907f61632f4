"""The Atom feed of a negotiation's updates: coalition-wide, published updates only.

Union-targeted updates never appear here, whoever asks: a feed reader does not sign in.
Every link in it is absolute, on the deployment's public address (``SITE_URL``): the feed's
and each entry's, and those in an entry's text (``/n/…/sheets/1/`` in an update's Markdown),
since a feed reader shows entries away from the site, where a relative link leads nowhere.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape, unescape
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from caucus.lib.markdown import render_markdown
from caucus.table.models import Negotiation
from caucus.updates.models import Update, UpdateQuerySet

FEED_LENGTH = 30
LINK = re.compile(r'\b(href|src)="([^"]*)"')


def absolute(path: str) -> str:
    """``path`` on the site's public address."""
    return urljoin(settings.SITE_URL + "/", path)


def absolute_links(html: str, base: str) -> str:
    """``html`` with each link and image address made absolute against ``base``."""

    def resolve(match: re.Match[str]) -> str:
        url = urljoin(base, unescape(match[2]))
        return f'{match[1]}="{escape(url, quote=True)}"'

    return LINK.sub(resolve, html)


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Negotiation:
        return get_object_or_404(Negotiation, slug=slug, is_public=True)

    def title(self, obj: Negotiation) -> str:
        return f"{obj.name}: bargaining updates"

    def link(self, obj: Negotiation) -> str:
        return absolute(reverse("site:negotiation", args=[obj.slug]))

    def feed_url(self, obj: Negotiation) -> str:
        return absolute(reverse("site:feed", args=[obj.slug]))

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

    def item_link(self, item: Update) -> str:
        return absolute(item.get_absolute_url())

    def item_description(self, item: Update) -> str:
        return absolute_links(str(render_markdown(item.body)), self.item_link(item))

    def item_pubdate(self, item: Update) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Update) -> datetime:
        return item.updated_at
