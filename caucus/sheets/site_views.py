"""Member pages of sheets on the public site: the published sheets of a negotiation, one
sheet (its published version only), and its PDF and DOCX. Drafts are 404, like missing
sheets."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import get_language

from caucus.sheets.access import public_negotiation, published_sheet
from caucus.sheets.built_version import download, sheet_context
from caucus.sheets.models import Sheet
from caucus.sheets.site_words import compares, member_context

# The member pages' cache (caucus.delivery.pagecache, which this app sits below; the decorator
# belongs in caucus.lib): anonymous GETs from the cache under the site's generation, which
# every publish and edit moves on; anything signed in is rendered as before.
_TOKEN = re.compile(rb'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+')
_HOLE = b"@@caucus-csrf@@"


def _cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (
            request.method != "GET"
            or set(request.GET) - {"lang"}
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        generation = cache.get_or_set("caucus:site-generation", 1, None)
        key = f"caucus:page:{generation}:{get_language()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            body = stored[1].replace(_HOLE, get_token(request).encode())
            return HttpResponse(body, content_type=stored[0])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            body = _TOKEN.sub(lambda m: m.group(1) + _HOLE, response.content)
            cache.set(key, (response["Content-Type"], body), 600)
        return response

    return wrapped


def sheet_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = public_negotiation(slug)
    sheets = (
        Sheet.objects.filter(negotiation=negotiation, status=Sheet.Status.PUBLISHED)
        .select_related("published_version")
        .order_by("-published_at")
    )
    for sheet in sheets:
        sheet.compares = compares(sheet.columns)  # type: ignore[attr-defined]
    return render(
        request,
        "sheets/site_list.html",
        {"negotiation": negotiation, "sheets": sheets, "nav": "sheets"},
    )


@_cached_page
def sheet_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = public_negotiation(slug)
    sheet, version = published_sheet(negotiation, pk)
    context = {"negotiation": negotiation, "sheet": sheet, "nav": "sheets"}
    context.update(member_context(sheet_context(version), version))
    return render(request, "sheets/site_sheet.html", context)


def sheet_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    _, version = published_sheet(public_negotiation(slug), pk)
    return download(version, "pdf")


def sheet_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    _, version = published_sheet(public_negotiation(slug), pk)
    return download(version, "docx")
