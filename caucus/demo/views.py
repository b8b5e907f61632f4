"""The demo's own page: its mailbox (caucus.demo.mailbox), mounted only with CAUCUS_DEMO and
answered only to the machine the demo runs on: it shows members' sign-in links."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from caucus.demo.mailbox import letters

LOOPBACK = ("127.0.0.1", "::1")


def mailbox(request: HttpRequest) -> HttpResponse:
    if not settings.DEMO or request.META.get("REMOTE_ADDR") not in LOOPBACK:
        raise Http404("No such page.")
    return render(request, "demo/mailbox.html", {"letters": letters(settings.CAUCUS_DEMO_MAILBOX)})
