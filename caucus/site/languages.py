"""Which language a page is read in.

Member pages (everything but the staff side) are read in, first found: the language the
visitor chose on the switcher (Django's ``set_language`` view, which sets the language
cookie), the signed-in member's roster language, the browser's ``Accept-Language``, English.
Staff pages, the admin, the API and the staff sign-in are always English: their strings are
not translated, and Django's own messages in Spanish amid English text would help no one.

This takes the place of Django's ``LocaleMiddleware`` (no language prefix in addresses; the
cookie and the header say it all), after the authentication middleware, since the roster
language belongs to the signed-in user. Every member response varies on both.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin

from caucus.members.signed_in import roster_row

# Addresses under these are staff pages; the member sign-in is the one exception.
STAFF_PREFIXES = ("/staff/", "/admin/", "/api/", "/accounts/", "/demo/")
MEMBER_PREFIXES = ("/accounts/member/",)


def is_member_path(path: str) -> bool:
    return path.startswith(MEMBER_PREFIXES) or not path.startswith(STAFF_PREFIXES)


def supported(code: str | None) -> str | None:
    """The project's language for ``code`` (``es-MX`` gives ``es``), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def roster_language(user: Any) -> str | None:
    row = roster_row(user)
    return supported(row.language) if row is not None else None


def language_for(request: HttpRequest) -> str:
    if not is_member_path(request.path_info):
        return settings.LANGUAGE_CODE
    return (
        supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or roster_language(getattr(request, "user", None))
        or translation.get_language_from_request(request)
    )


class MemberLanguageMiddleware(MiddlewareMixin):
    def process_request(self, request: HttpRequest) -> None:
        translation.activate(language_for(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        if is_member_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        # The page is made: the next request in this thread starts from English again.
        translation.deactivate()
        return response
