"""The strike notice: drafted from the negotiation, its deadline counted down, its wording
changed while a draft, and its service recorded (when, and how, to the employer and the FMCS)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from caucus.accounts.decorators import staff_required
from caucus.readiness.access import access_notice, readiness_negotiation
from caucus.readiness.actions import (
    ReadinessError,
    do_draft_notice,
    do_edit_notice,
    do_serve_notice,
    do_withdraw_notice,
)
from caucus.readiness.forms import NoticeForm, NoticeTextForm, ServeForm, add_readiness_error
from caucus.readiness.models import StrikeNotice
from caucus.readiness.notice import countdown
from caucus.readiness.views import render_readiness


@staff_required("readiness.notice")
def notices(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.notice")
    every = StrikeNotice.objects.filter(negotiation=negotiation).prefetch_related("units")
    now = timezone.now()
    return render_readiness(
        request,
        "readiness/notices.html",
        {
            "negotiation": negotiation,
            "rows": [(n, countdown(n, now)) for n in every],
            "section": "notice",
        },
    )


@staff_required("readiness.notice")
def notice_new(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.notice")
    form = NoticeForm(request.POST or None, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            notice = do_draft_notice(
                request.user,
                negotiation,
                units=list(data["units"]),
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                is_health_care=data["is_health_care"],
                notice_days=data["notice_days"],
            )
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, "Notice drafted. Read it, then serve it before the deadline.")
            return redirect("readiness:notice", slug, notice.pk)
    return render_readiness(
        request,
        "readiness/notice_form.html",
        {"negotiation": negotiation, "form": form, "section": "notice"},
        status=400 if form.errors else 200,
    )


@staff_required("readiness.notice")
def notice_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.notice")
    notice = access_notice(request.user, negotiation, pk)
    what = request.POST.get("what", "") if request.method == "POST" else ""
    form = ServeForm(
        request.POST if what == "serve" else None,
        initial={"served_at": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if what == "withdraw":
        do_withdraw_notice(request.user, notice)
        messages.success(request, "Notice withdrawn.")
        return redirect("readiness:notice", slug, notice.pk)
    if what == "serve" and form.is_valid():
        try:
            do_serve_notice(request.user, notice, **form.cleaned_data)
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, "Service recorded.")
            return redirect("readiness:notice", slug, notice.pk)
    return render_readiness(
        request,
        "readiness/notice.html",
        {
            "negotiation": negotiation,
            "notice": notice,
            "units": notice.units.select_related("union").order_by("union__name", "name"),
            "countdown": countdown(notice),
            "form": form,
            "section": "notice",
        },
        status=400 if form.errors else 200,
    )


@staff_required("readiness.notice")
def notice_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.notice")
    notice = access_notice(request.user, negotiation, pk)
    if notice.status != StrikeNotice.Status.DRAFT:
        raise Http404("Only a draft notice is changed.")
    form = NoticeTextForm(request.POST or None, initial={"text": notice.text})
    if request.method == "POST" and form.is_valid():
        try:
            do_edit_notice(request.user, notice, text=form.cleaned_data["text"])
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("readiness:notice", slug, notice.pk)
    return render_readiness(
        request,
        "readiness/notice_edit.html",
        {"negotiation": negotiation, "notice": notice, "form": form, "section": "notice"},
        status=400 if form.errors else 200,
    )
