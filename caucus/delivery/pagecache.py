"""Member pages from the cache, for the minutes after a send when members arrive at once.

``cached_page`` marks the home, update, sheet and "what it means" pages made for visitors who
are not signed in (no session, no pending message, a GET with no query but ``lang``) as pages
anyone may be given; caucus.site.cached_pages, a middleware before the session and
authentication middleware, keeps them keyed by the address, the language and a site-wide
generation, and serves them to the next such visitor without the rest of the stack. Anything
with a session cookie, posted or carrying other query parameters passes the whole stack (and
may be given the page stored for its audience, caucus.delivery.stored_pages), so a member's
own page is never cached for another. Each stored page has its CSRF token cut out
and the visitor's own put back when served (with their CSRF cookie, as Django's would).

The generation (a random token) moves on every save or delete of what those pages show
(updates and their translations and documents, sheets, costing runs, the table, the
organizations), which leaves every stored page behind at once: publishing or editing
invalidates.
Pages are kept in each web process's memory (the busiest pages, a few hundred kilobytes), and
the generation is read from the shared cache at most every ``CAUCUS_PAGE_CACHE_CHECK_SECONDS``
(1 s; 0 in tests), so a hit costs no query at all and every process sees a publish within a
second. A page that changes by itself at a known time (the home page's next sessions, an
update scheduled to appear) says when (``keep_until``), and is kept no longer than that.
caucus.site wraps the sheet and "what it means" views (apps below delivery) in its own
URLconf.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils import timezone

GENERATION_KEY = "caucus:site-generation"
SECONDS = 600
ALLOWED_QUERY = {"lang"}
# ``?lang=`` picks an update's translation: a language tag such as es, es-MX or zh-Hans.
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
INVALIDATING_APPS = {"updates", "sheets", "costing", "table", "orgs"}
TOKEN = re.compile(rb'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+')
HOLE = b"@@caucus-csrf@@"
CACHEABLE = "caucus_may_be_cached"
KEEP_UNTIL = "caucus_keep_until"  # when the page changes by itself, in time.monotonic()


def may_be_served_early(request: HttpRequest) -> bool:
    """Before the session and authentication middleware: a GET with no session cookie (so no
    one signed in), no pending message, no htmx request and no query but ``lang``."""
    if request.method != "GET" or set(request.GET) - ALLOWED_QUERY:
        return False
    if not LANGUAGE_TAG.fullmatch(request.GET.get("lang", "en")):
        return False  # a made-up "language" would be a page of its own
    if "HTTP_HX_REQUEST" in request.META:
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def is_cacheable(request: HttpRequest) -> bool:
    return may_be_served_early(request) and not request.user.is_authenticated


class ProcessPages:
    """This process's stored pages, and the generation they were stored under."""

    def __init__(self) -> None:
        self.generation: Any = None
        self.checked = 0.0
        self.pages: dict[str, tuple[float, dict[str, str], bytes]] = {}

    def current(self) -> Any:
        now = time.monotonic()
        if now - self.checked >= settings.CAUCUS_PAGE_CACHE_CHECK_SECONDS:
            generation = cache.get_or_set(GENERATION_KEY, _new_generation, None)
            if generation != self.generation:
                self.generation, self.pages = generation, {}
            self.checked = now
        return self.generation

    def get(self, key: str) -> tuple[dict[str, str], bytes, float] | None:
        """The page's headers, its body and until when it may be kept (``time.monotonic``)."""
        found = self.pages.get(key)
        if found is None or found[0] <= time.monotonic():
            return None
        return found[1], found[2], found[0]

    def put(self, key: str, headers: dict[str, str], body: bytes, until: float) -> None:
        if until <= time.monotonic():
            return  # it changes by itself now
        if len(self.pages) >= MAX_PAGES:  # the longest kept goes first, not all at once
            del self.pages[next(iter(self.pages))]
        self.pages[key] = (until, headers, body)


PAGES = ProcessPages()
MAX_PAGES = 500


def page_key(request: HttpRequest, language: str) -> str:
    return f"{PAGES.current()}:{language}:{request.get_full_path()}"


def from_cache(request: HttpRequest, key: str) -> HttpResponse | None:
    """The stored page with this visitor's own CSRF token in it (Django's CSRF middleware
    reads their cookie, or makes them one, exactly as on a rendered page)."""
    stored = PAGES.get(key)
    if stored is None:
        return None
    headers, body, _until = stored
    csrf = CsrfViewMiddleware(_unused)
    csrf.process_request(request)
    body = body.replace(HOLE, visitor_token(request).encode())
    response = HttpResponse(body, headers=headers)
    response["Content-Length"] = str(len(body))
    csrf.process_response(request, response)
    return response


def visitor_token(request: HttpRequest) -> str:
    """The visitor's CSRF token, as django.middleware.csrf.get_token makes it (their secret,
    or a new one their cookie will carry, masked by a fresh mask), with the random characters
    drawn from one read of the system's random source: Django reads it once a character, which
    made up two thirds of a stored page's time for a visitor with no cookie yet."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = "".join(CSRF_ALLOWED_CHARS[n] for n in _random_numbers(CSRF_SECRET_LENGTH))
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    chars, count = CSRF_ALLOWED_CHARS, len(CSRF_ALLOWED_CHARS)
    mask = _random_numbers(CSRF_SECRET_LENGTH)
    cipher = (chars[(_INDEX[c] + m) % count] for c, m in zip(secret, mask, strict=True))
    return "".join(chars[m] for m in mask) + "".join(cipher)


_INDEX = {c: n for n, c in enumerate(CSRF_ALLOWED_CHARS)}


def _random_numbers(length: int) -> list[int]:
    """``length`` numbers below 62 (one for each CSRF character), each equally likely: bytes
    below 248 (4 x 62) of one read, the rest thrown away so that none is favoured."""
    count = len(CSRF_ALLOWED_CHARS)
    below = 256 - 256 % count
    found: list[int] = []
    while len(found) < length:
        found += [b % count for b in secrets.token_bytes(length + 8) if b < below]
    return found[:length]


def store(key: str, response: HttpResponseBase) -> None:
    """Keep a page a ``cached_page`` view marked as anyone's, its token cut out, its headers
    (Vary, Content-Language, X-Frame-Options...) but no cookie."""
    if not getattr(response, CACHEABLE, False) or response.status_code != 200:
        return
    if not isinstance(response, HttpResponse):
        return
    body = TOKEN.sub(lambda m: m.group(1) + HOLE, response.content)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    PAGES.put(key, headers, body, kept_until(response))


def keep_until(response: HttpResponseBase, moment: datetime | None) -> None:
    """Say that the page changes by itself at ``moment`` (a session listed as coming up ends,
    an update scheduled for then appears), with no save to move the generation: neither the
    page cache nor the stored pages keep it past then."""
    if moment is None:
        return
    until = time.monotonic() + (moment - timezone.now()).total_seconds()
    setattr(response, KEEP_UNTIL, min(until, getattr(response, KEEP_UNTIL, until)))


def kept_until(response: HttpResponseBase) -> float:
    """Until when (``time.monotonic``) a page may be kept: ``SECONDS`` from now, or sooner
    where it changes by itself (``keep_until``)."""
    return min(time.monotonic() + SECONDS, getattr(response, KEEP_UNTIL, float("inf")))


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark the view's page as one that may be kept for anyone, when it was made for a visitor
    not signed in; the page cache middleware (caucus.site.cached_pages) keeps and serves it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if is_cacheable(request):
            setattr(response, CACHEABLE, True)
        return response

    return wrapped


def _unused(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the CSRF middleware is only asked about the cookie")


def _new_generation() -> str:
    return secrets.token_hex(8)


def _move_generation() -> None:
    cache.set(GENERATION_KEY, _new_generation(), None)


def invalidate(sender: Any, **kwargs: Any) -> None:
    """A fresh random generation (a counter could come back to a number pages were stored
    under, after a rollback or an evicted key): now, which the database cache commits with the
    edit, and again on commit, so a shared cache outside the transaction (Redis) cannot let a
    page rendered before the commit be kept under the new generation."""
    if sender._meta.app_label not in INVALIDATING_APPS:
        return
    _move_generation()
    transaction.on_commit(_move_generation)


def connect() -> None:
    post_save.connect(invalidate, dispatch_uid="caucus.pagecache.save")
    post_delete.connect(invalidate, dispatch_uid="caucus.pagecache.delete")
    m2m_changed.connect(invalidate, dispatch_uid="caucus.pagecache.m2m")
