"""Markdown written by staff, turned into HTML that is safe to show to anyone.

``render_markdown`` is the one way Caucus turns Markdown into a page: the ``markdown`` package
renders, then ``nh3`` keeps only basic formatting and links (http, https, mailto and relative),
drops scripts, event handlers and styles, and adds ``rel="noopener noreferrer"`` to every link.
Raw HTML in the Markdown goes through the same sanitizer, so it can never add more than the
Markdown itself could.
"""

from __future__ import annotations

import functools
import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "ins",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
# The page around the Markdown owns the <h1>; the Markdown's own headings sit one level below.
_HEADING = re.compile(r"<(/?)h([1-5])>")
# Tags whose content must go with them: a stripped <script> must not leave its code as text.
DROPPED_WITH_CONTENT: frozenset[str] = frozenset({"script", "style", "iframe", "object", "embed"})


@functools.lru_cache(maxsize=512)
def render_markdown(text: str) -> SafeString:
    """Markdown → sanitized HTML, safe to put in a page as it is. The same text always gives
    the same HTML, so the last few hundred texts shown are not rendered again for each page
    (a negotiation's introduction on its home page, a costing's notes)."""
    html = markdown.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    html = _HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}>", html)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just sanitized it
