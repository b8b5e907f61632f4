"""Information requests: the list with ageing, overdue flags and status, one request with its
follow-ups, and the step that turns requests (overdue, refused, partly answered or any other)
into a draft charge."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.table.access import access_negotiation, access_request, can_edit
from caucus.table.actions import (
    TableError,
    do_add_follow_up,
    do_edit_request,
    do_log_request,
    do_turn_requests_into_charge,
)
from caucus.table.forms import (
    FollowUpForm,
    InformationRequestForm,
    TurnIntoChargeForm,
    add_table_error,
)
from caucus.table.models import InformationRequest, InformationRequestFollowUp
from caucus.table.views import render_table


@staff_required("table.view_internal")
def requests(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    every = InformationRequest.objects.filter(negotiation=negotiation).prefetch_related(
        Prefetch("follow_ups", queryset=InformationRequestFollowUp.objects.order_by("on", "id")),
        "letters",
    )
    charge_form = None
    if can_edit(request.user, negotiation):
        charge_form = TurnIntoChargeForm(
            request.POST if request.method == "POST" else None, negotiation=negotiation
        )
        if request.method == "POST" and charge_form.is_valid():
            try:
                charge = do_turn_requests_into_charge(
                    request.user,
                    negotiation,
                    list(
                        charge_form.cleaned_data["requests"].prefetch_related(
                            "follow_ups", "letters"
                        )
                    ),
                    title=charge_form.cleaned_data["title"],
                )
            except TableError as exc:
                add_table_error(charge_form, exc)
            else:
                messages.success(request, "Draft charge created from the requests. Review it.")
                return redirect("table:charge", slug, charge.pk)
    elif request.method == "POST":
        return redirect("table:requests", slug)
    return render_table(
        request,
        "table/requests.html",
        {
            "negotiation": negotiation,
            "requests": every,
            "today": timezone.localdate(),
            "charge_form": charge_form,
        },
        status=400 if charge_form is not None and charge_form.errors else 200,
    )


@staff_required("table.edit")
def request_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.edit")
    highest = negotiation.information_requests.aggregate(n=Max("number"))["n"] or 0
    form = InformationRequestForm(
        request.POST or None,
        negotiation=negotiation,
        initial={"number": highest + 1, "asked_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            rfi = do_log_request(request.user, negotiation, **form.cleaned_data)
        except TableError as exc:
            add_table_error(form, exc)
        else:
            messages.success(request, f"Request {rfi.number} recorded.")
            return redirect("table:request", slug, rfi.pk)
    return render_table(
        request,
        "table/request_form.html",
        {"negotiation": negotiation, "form": form},
        status=400 if form.errors else 200,
    )


def _post_to_request(
    request: StaffRequest,
    rfi: InformationRequest,
    form: InformationRequestForm,
    follow_up_form: FollowUpForm,
) -> str | None:
    """Apply the posted form (the request itself, or a follow-up); a message when it worked."""
    which = request.POST.get("form")
    if which == "request" and form.is_valid():
        rfi.refresh_from_db()
        try:
            do_edit_request(request.user, rfi, **form.cleaned_data)
        except TableError as exc:
            add_table_error(form, exc)
            return None
        return "Request saved."
    if which == "follow_up" and follow_up_form.is_valid():
        do_add_follow_up(request.user, rfi, **follow_up_form.cleaned_data)
        return "Follow-up added."
    return None


@staff_required("table.view_internal")
def request_detail(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    rfi = access_request(request.user, negotiation, pk)
    form = follow_up_form = None
    if can_edit(request.user, negotiation):
        posted = request.POST if request.method == "POST" else None
        which = request.POST.get("form")
        form = InformationRequestForm(
            posted if which == "request" else None, instance=rfi, negotiation=negotiation
        )
        follow_up_form = FollowUpForm(posted if which == "follow_up" else None)
        if request.method == "POST":
            done = _post_to_request(request, rfi, form, follow_up_form)
            if done:
                messages.success(request, done)
                return redirect("table:request", slug, rfi.pk)
    elif request.method == "POST":
        return redirect("table:request", slug, rfi.pk)
    invalid = bool((form and form.errors) or (follow_up_form and follow_up_form.errors))
    return render_table(
        request,
        "table/request.html",
        {
            "negotiation": negotiation,
            "rfi": rfi,
            "follow_ups": rfi.follow_ups.all(),
            "charges": rfi.charges.all(),
            "letters": rfi.letters.all(),
            "today": timezone.localdate(),
            "form": form,
            "follow_up_form": follow_up_form,
        },
        status=400 if invalid else 200,
    )
