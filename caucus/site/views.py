"""The member-facing site: a public negotiation's updates, table tracker, proposals, sessions,
how to get involved, and the direct-dealing report form.

Anyone may read what is published to the whole coalition. Updates addressed to some unions are
shown only to signed-in members of those unions and to staff (``caucus.updates.audience``).
Nothing here reads internal notes, drafts or unpublished proposals.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django_ratelimit.decorators import ratelimit

from caucus.costing.models import CostingRun
from caucus.delivery.pagecache import cached_page, keep_until
from caucus.delivery.stored_pages import stored_page
from caucus.lib.files import send_stored_file
from caucus.lib.markdown import render_markdown
from caucus.members.models import Member
from caucus.site.calendar import sessions_calendar
from caucus.site.forms import DirectDealingReportForm
from caucus.site.moved import moved_since_last_update
from caucus.site.tracker import article_tracker, tracker_counts
from caucus.table.actions import do_report_direct_dealing
from caucus.table.models import Negotiation, Proposal, Session
from caucus.updates.audience import member_union_id
from caucus.updates.models import Update
from caucus.updates.translations import choose_translation

LATEST_UPDATES = 5


def _public_negotiation(slug: str) -> Negotiation:
    return get_object_or_404(
        Negotiation.objects.select_related("coalition", "employer"), slug=slug, is_public=True
    )


def _published_proposals(negotiation: Negotiation) -> Any:
    return Proposal.objects.filter(negotiation=negotiation, is_published=True).select_related(
        "article", "session"
    )


def _member(request: HttpRequest) -> Member | None:
    user = request.user
    if not user.is_authenticated or member_union_id(user) is None:
        return None
    return Member.objects.select_related("union").filter(user=user).first()


@cached_page
@stored_page
def home(request: HttpRequest) -> HttpResponse:
    """One public negotiation: its page. Several: a list to choose from."""
    negotiations = list(
        Negotiation.objects.filter(is_public=True).select_related("coalition", "employer")
    )
    if len(negotiations) == 1:
        return _negotiation_page(request, negotiations[0])
    return render(request, "site/choose.html", {"negotiations": negotiations})


@cached_page
@stored_page
def negotiation(request: HttpRequest, slug: str) -> HttpResponse:
    return _negotiation_page(request, _public_negotiation(slug))


def _negotiation_page(request: HttpRequest, negotiation: Negotiation) -> HttpResponse:
    visible = Update.objects.visible_to(request.user)
    updates = list(
        visible.filter(negotiation=negotiation)
        .prefetch_related("unions")
        .order_by("-published_at")[:LATEST_UPDATES]
    )
    rows = article_tracker(negotiation)
    sessions = Session.objects.filter(negotiation=negotiation).order_by("date", "starts_at")
    upcoming = [s for s in sessions if not s.has_ended][:3]
    page = render(
        request,
        "site/home.html",
        {
            "negotiation": negotiation,
            "intro_html": render_markdown(negotiation.public_intro),
            "get_involved_html": render_markdown(negotiation.get_involved),
            "updates": updates,
            "rows": rows,
            "counts": tracker_counts(rows),
            "moves": moved_since_last_update(negotiation, visible),
            "upcoming": upcoming,
            "member": _member(request),
            "costing_published": CostingRun.objects.filter(
                negotiation=negotiation, is_published=True
            ).exists(),
        },
    )
    keep_until(page, _changes_by_itself_at(negotiation, upcoming))
    return page


def _changes_by_itself_at(negotiation: Negotiation, upcoming: list[Session]) -> datetime | None:
    """When the page changes with nothing saved: a session it lists as coming up ends, or an
    update published for a later time appears."""
    scheduled = Update.objects.filter(
        negotiation=negotiation, status=Update.Status.PUBLISHED, published_at__gt=timezone.now()
    ).aggregate(first=Min("published_at"))["first"]
    moments = [session.ends() for session in upcoming] + ([scheduled] if scheduled else [])
    return min(moments, default=None)


@cached_page
@stored_page
def update_detail(request: HttpRequest, slug: str, update_slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    update = get_object_or_404(
        Update.objects.visible_to(request.user).select_related("negotiation"),
        negotiation=negotiation,
        slug=update_slug,
    )
    text, languages = choose_translation(update, request)
    return render(
        request,
        "site/update.html",
        {
            "negotiation": negotiation,
            "update": update,
            "text": text,
            "languages": languages,
            "documents": update.documents.all(),
            "body_html": text.rendered_body(),
            "cited_proposals": update.cites_proposals.filter(is_published=True).select_related(
                "article"
            ),
            "cited_sessions": update.cites_sessions.all(),
        },
    )


def update_document(request: HttpRequest, slug: str, update_slug: str, pk: int) -> HttpResponseBase:
    """A document of an update, to those who may read the update."""
    negotiation = _public_negotiation(slug)
    update = get_object_or_404(
        Update.objects.visible_to(request.user), negotiation=negotiation, slug=update_slug
    )
    document = get_object_or_404(update.documents.all(), pk=pk)
    return send_stored_file(document.file, document.original_name)


def updates_list(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    updates = (
        Update.objects.visible_to(request.user)
        .filter(negotiation=negotiation)
        .prefetch_related("unions")
        .order_by("-published_at")
    )
    return render(
        request,
        "site/updates.html",
        {
            "negotiation": negotiation,
            "updates": updates,
            "member": _member(request),
            "nav": "updates",
        },
    )


def tracker(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    rows = article_tracker(negotiation)
    return render(
        request,
        "site/tracker.html",
        {
            "negotiation": negotiation,
            "rows": rows,
            "counts": tracker_counts(rows),
            "nav": "tracker",
        },
    )


def proposals(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    passes = _published_proposals(negotiation).order_by(
        "article__order", "article__number", "passed_on", "id"
    )
    return render(request, "site/proposals.html", {"negotiation": negotiation, "proposals": passes})


def proposal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    passed = get_object_or_404(_published_proposals(negotiation).select_related("answers"), pk=pk)
    answered_by = _published_proposals(negotiation).filter(answers=passed)
    answers = passed.answers if passed.answers and passed.answers.is_published else None
    return render(
        request,
        "site/proposal.html",
        {
            "negotiation": negotiation,
            "proposal": passed,
            "answers": answers,
            "answered_by": answered_by,
        },
    )


def _public_sessions(negotiation: Negotiation) -> Any:
    # Only the fields members may see: never attendees or internal notes.
    return (
        Session.objects.filter(negotiation=negotiation)
        .only(
            "id",
            "negotiation_id",
            "date",
            "starts_at",
            "ends_at",
            "place",
            "time_zone",
            "public_summary",
        )
        .order_by("date", "starts_at")
    )


def sessions(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    items = [
        (session, render_markdown(session.public_summary))
        for session in _public_sessions(negotiation)
    ]
    return render(
        request,
        "site/sessions.html",
        {
            "negotiation": negotiation,
            "nav": "sessions",
            # Coming up until it has ended where it is held: today's session is still listed.
            "upcoming": [item for item in items if not item[0].has_ended],
            "past": [item for item in reversed(items) if item[0].has_ended],
        },
    )


def sessions_ics(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    body = sessions_calendar(
        negotiation,
        _public_sessions(negotiation),
        host=request.get_host().split(":")[0],
        url=request.build_absolute_uri(reverse("site:sessions", args=[slug])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}-sessions.ics"'
    return response


def moved(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = _public_negotiation(slug)
    return render(
        request,
        "site/moved.html",
        {
            "negotiation": negotiation,
            "moves": moved_since_last_update(negotiation, Update.objects.visible_to(request.user)),
        },
    )


def _report_rate(group: str, request: HttpRequest) -> str:
    return settings.CAUCUS_REPORT_RATE


@ratelimit(key="ip", rate=_report_rate, method="POST")
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """A member reports an employer message sent to them directly; staff review it later."""
    negotiation = _public_negotiation(slug)
    member = _member(request)
    initial = {}
    if member is not None:
        initial = {
            "reporter_name": member.full_name,
            "reporter_contact": member.email,
            "worksite": member.worksite_id,
        }
    form = DirectDealingReportForm(
        request.POST or None, request.FILES or None, initial=initial, negotiation=negotiation
    )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        if member is not None and fields.get("worksite") is None:
            fields["worksite_id"] = member.worksite_id
        reporter = request.user if request.user.is_authenticated else None
        do_report_direct_dealing(reporter, negotiation, **fields)
        return redirect("site:report_thanks", slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "site/report.html",
        {"negotiation": negotiation, "form": form, "nav": "report"},
        status=status,
    )


def report_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "site/report_thanks.html", {"negotiation": _public_negotiation(slug)})
