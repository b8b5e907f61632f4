"""Staff pages of delivery: the sends, sending an update (audience, count, schedule, text and
its cost, a test send to oneself), a send's progress and its report by local, and the
suppression list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import staff_required
from caucus.accounts.permissions import has_perm
from caucus.delivery import audience, segments, sms
from caucus.delivery.access import (
    access_send,
    access_suppression,
    access_update,
    sendable_updates,
    visible_sends,
    visible_suppressions,
)
from caucus.delivery.actions import (
    DeliveryError,
    do_cancel_send,
    do_create_send,
    do_lift_suppression,
    do_resume_send,
)
from caucus.delivery.forms import AUDIENCE_WHOLE, LiftForm, SendForm
from caucus.delivery.models import Channel, OutboxMessage, OutboxStatus
from caucus.delivery.reports import progress, report_by_local
from caucus.delivery.testsend import do_test_send
from caucus.table.access import access_negotiation
from caucus.table.models import Negotiation


@staff_required("delivery.send")
def home(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A negotiation's sends and the updates to send; without one, the first the user reaches."""
    if slug is None:
        first = Negotiation.objects.visible_to(request.user, "delivery.send").order_by("pk").first()
        if first is None:
            raise Http404("No negotiation to send updates of.")
        return redirect("delivery:home", first.slug)
    negotiation = access_negotiation(request.user, slug, "delivery.send")
    sends = (
        visible_sends(request.user)
        .filter(update__negotiation=negotiation)
        .select_related("update", "created_by")
        .order_by("-created_at")[:50]
    )
    updates = (
        sendable_updates(request.user)
        .filter(negotiation=negotiation)
        .select_related("negotiation")
        .order_by("-created_at")[:30]
    )
    others = Negotiation.objects.visible_to(request.user, "delivery.send").exclude(
        pk=negotiation.pk
    )
    return render(
        request,
        "delivery/home.html",
        {"negotiation": negotiation, "sends": sends, "updates": updates, "others": others},
    )


def _audience_counts(form: SendForm, user: Any, update: Any) -> dict[str, Any] | None:
    if not form.is_bound or not form.is_valid():
        return None
    fields = form.send_fields()
    members = audience.chosen_members(
        update,
        to_whole_coalition=fields["to_whole_coalition"],
        unions=fields["unions"],
        units=fields["units"],
        worksites=fields["worksites"],
        sender=user,
    )
    found = audience.counts(members, update)
    text = sms.text_of(fields["text_body"], update)
    price = Decimal(settings.CAUCUS_SMS_SEGMENT_COST)
    return {
        **found,
        "email": found[Channel.EMAIL] if fields["by_email"] else 0,
        "sms": found[Channel.SMS] if fields["by_text"] else 0,
        "segments": segments.segments(text),
        "cost": segments.cost(text, found[Channel.SMS], price) if fields["by_text"] else 0,
        "currency": settings.CAUCUS_SMS_CURRENCY,
        "text": text,
    }


@staff_required("delivery.send")
def new_send(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    confirming = request.method == "POST" and "confirm" in request.POST
    form = SendForm(request.POST or None, user=request.user, update=update)
    counts = _audience_counts(form, request.user, update)
    if confirming and form.is_valid():
        try:
            send = do_create_send(request.user, update, **form.send_fields())
        except DeliveryError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The send is on its way." if send.is_active else "Scheduled.")
            return redirect("delivery:send", send.pk)
    if not form.is_bound:
        form.initial["audience"] = form.fields["audience"].initial
    context = {"update": update, "form": form, "counts": counts, "whole": AUDIENCE_WHOLE}
    if request.htmx and not confirming:  # type: ignore[attr-defined]
        return render(request, "delivery/new_send.html#count", context)
    return render(request, "delivery/new_send.html", context, status=400 if form.errors else 200)


@require_POST
@staff_required("delivery.send")
def test_send(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    language = request.POST.get("language", "") or update.language
    try:
        address = do_test_send(request.user, update, language)
    except DeliveryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"A test e-mail went to {address}.")
    return redirect("delivery:new", update.pk)


@staff_required("delivery.send")
def send_detail(request: HttpRequest, pk: int) -> HttpResponse:
    send = access_send(request.user, pk)
    failures = (
        OutboxMessage.objects.filter(send=send, status=OutboxStatus.FAILED)
        .select_related("member", "union")
        .order_by("id")[:50]
    )
    context = {**progress(send), "report": report_by_local(send), "failures": failures}
    return render(request, "delivery/send.html", context)


@staff_required("delivery.send")
def send_progress(request: HttpRequest, pk: int) -> HttpResponse:
    send = access_send(request.user, pk)
    return render(request, "delivery/send.html#progress", progress(send))


@require_POST
@staff_required("delivery.send")
def cancel_send(request: HttpRequest, pk: int) -> HttpResponse:
    send = access_send(request.user, pk)
    try:
        do_cancel_send(request.user, send)
    except DeliveryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Cancelled. Messages already handed over stay sent.")
    return redirect("delivery:send", send.pk)


@require_POST
@staff_required("delivery.send")
def resume_send(request: HttpRequest, pk: int) -> HttpResponse:
    send = access_send(request.user, pk)
    try:
        do_resume_send(request.user, send)
    except DeliveryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Resumed.")
    return redirect("delivery:send", send.pk)


@staff_required("delivery.suppressions")
def suppressions(request: HttpRequest) -> HttpResponse:
    found = visible_suppressions(request.user).select_related("union", "member", "lifted_by")
    query = request.GET.get("q", "").strip().lower()
    if query:
        found = found.filter(address__icontains=query)
    return render(
        request,
        "delivery/suppressions.html",
        {"suppressions": found[:200], "query": query, "total": found.count()},
    )


@staff_required("delivery.suppressions")
def lift_suppression(request: HttpRequest, pk: int) -> HttpResponse:
    suppression = access_suppression(request.user, pk)
    form = LiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_lift_suppression(request.user, suppression, reason=form.cleaned_data["reason"])
        except DeliveryError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, f"Lifted for {suppression.address}. It is on the record.")
            return redirect("delivery:suppressions")
    return render(
        request,
        "delivery/lift.html",
        {
            "suppression": suppression,
            "form": form,
            "may_send": has_perm(request.user, "delivery.send"),
        },
        status=400 if form.errors else 200,
    )
