"""The bargaining team's pages for the employer's money: the figures recorded for a negotiation
(revenue, operating income, reserves by year; spending it has announced), each with its source,
to add, correct, remove, and the documents behind them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.costing.access import access_fact
from caucus.costing.actions import do_add_fact, do_change_fact, do_remove_fact
from caucus.costing.fact_forms import EmployerFactForm
from caucus.costing.models import EmployerFact
from caucus.lib.files import send_stored_file
from caucus.table.access import access_negotiation


@staff_required("costing.run")
def fact_list(request: StaffRequest, slug: str) -> HttpResponse:
    """The figures recorded so far, and the form to record another."""
    negotiation = access_negotiation(request.user, slug, "costing.run")
    form = EmployerFactForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fact = do_add_fact(
            request.user, negotiation, form.fact_fields(), form.cleaned_data.get("document")
        )
        messages.success(request, f"Recorded: {fact.what()}.")
        return redirect("costing:facts", slug=negotiation.slug)
    facts = EmployerFact.objects.filter(negotiation=negotiation)
    return render(
        request,
        "costing/facts.html",
        {"negotiation": negotiation, "facts": facts, "form": form},
        status=400 if form.is_bound else 200,
    )


@staff_required("costing.run")
def fact_edit(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    fact = access_fact(request.user, slug, pk)
    form = EmployerFactForm(request.POST or None, request.FILES or None, instance=fact)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data.get("document")
        do_change_fact(request.user, fact, form.fact_fields(), document)
        messages.success(request, f"Corrected: {fact.what()}.")
        return redirect("costing:facts", slug=fact.negotiation.slug)
    return render(
        request,
        "costing/fact_edit.html",
        {"negotiation": fact.negotiation, "fact": fact, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@staff_required("costing.run")
def fact_remove(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    fact = access_fact(request.user, slug, pk)
    if request.POST.get("confirm") == "1":
        what = fact.what()
        do_remove_fact(request.user, fact)
        messages.success(request, f"Removed: {what}.")
    return redirect("costing:facts", slug=fact.negotiation.slug)


@staff_required("costing.run")
def fact_document(request: StaffRequest, slug: str, pk: int) -> HttpResponseBase:
    fact = access_fact(request.user, slug, pk)
    return send_stored_file(fact.document)
