"""Member pages stored as rendered, for everyone who would be shown the same page.

The page cache (caucus.delivery.pagecache) serves visitors not signed in before the session
middleware. Everyone else, a signed-in member above all, passes the whole stack, and their page
used to be rendered again each time: the table tracker, the moves since the last update, the
sheet's columns. ``stored_page`` keeps the rendered page instead, keyed by the page cache's
generation (which moves on every save of what these pages show, so a publish or an edit leaves
every stored page behind), the language it is read in, the address, and its audience: who would
be shown exactly this page.

- ``anyone``: a visitor not signed in.
- ``members of union N reading L``: a signed-in member on the roster of union N with no staff
  role, whose preferred language for updates is L. The pages show them their union's own
  updates (in L where an update has that translation) and say which union they are signed in
  for, and nothing else of their own.

Anyone else (staff, whose pages depend on their roles; a pending message; a post; an htmx
request) is rendered as before, and so are ``personal`` pages (the "what it means" page shows a
signed-in member their own pay) for anyone signed in: a member's own page is never stored for
another. Each stored page has its CSRF token cut out and the visitor's own put back, so every
form on it works for the visitor who is shown it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from caucus.accounts.permissions import is_staff_member
from caucus.delivery.pagecache import (
    HOLE,
    KEEP_UNTIL,
    TOKEN,
    ProcessPages,
    kept_until,
    visitor_token,
)
from caucus.updates.audience import member_union_id

STORED = ProcessPages()


def audience(request: HttpRequest, *, personal: bool) -> str | None:
    """Who would be shown the same page as this visitor, or None when the page is theirs."""
    if request.method != "GET" or "HTTP_HX_REQUEST" in request.META:
        return None
    if len(get_messages(request)):
        return None
    user = request.user
    if not user.is_authenticated:
        return "anyone"
    if personal or is_staff_member(user):
        return None
    union_id = member_union_id(user)
    if union_id is None:
        return None
    # An update is shown in the reader's preferred language where it has that translation.
    return f"members of union {union_id} reading {user.preferred_language}"


def stored_page(view: Callable[..., HttpResponse] | None = None, *, personal: bool = False) -> Any:
    """Serve the view's page from those stored for its audience, or render and store it."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            who = audience(request, personal=personal)
            if who is None:
                return view(request, *args, **kwargs)
            key = f"{STORED.current()}:{get_language()}:{who}:{request.get_full_path()}"
            stored = STORED.get(key)
            if stored is not None:
                headers, body, until = stored
                hit = HttpResponse(
                    body.replace(HOLE, visitor_token(request).encode()), headers=headers
                )
                setattr(hit, KEEP_UNTIL, until)  # the page cache keeps it no longer either
                return hit
            response = view(request, *args, **kwargs)
            _store(key, response)
            return response

        return wrapped

    return decorate if view is None else decorate(view)


def _store(key: str, response: HttpResponse) -> None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    body = TOKEN.sub(lambda m: m.group(1) + HOLE, response.content)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    STORED.put(key, headers, body, kept_until(response))
