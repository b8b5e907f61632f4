"""Member pages from the page cache, before the session, authentication, OTP, language and
messages middleware: a visitor with no session cookie is not signed in, so nothing those would
find can change the page, and a stored page is served without them.

The key is the page cache's generation, the language the page would be read in (the same
choice ``MemberLanguageMiddleware`` makes for a visitor not signed in: the language cookie, the
browser's ``Accept-Language``) and the address. Only pages a ``cached_page`` view marked as made
for a visitor not signed in are kept (caucus.delivery.pagecache); each hit gets the visitor's
own CSRF token and cookie.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from caucus.delivery import pagecache
from caucus.site.languages import is_member_path, language_for


class CachedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not (pagecache.may_be_served_early(request) and is_member_path(request.path_info)):
            return self.get_response(request)
        key = pagecache.page_key(request, language_for(request))
        hit = pagecache.from_cache(request, key)
        if hit is not None:
            return hit
        response = self.get_response(request)
        pagecache.store(key, response)
        return response
