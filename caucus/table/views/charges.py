"""Unfair-labor-practice charges: the list, one charge with its documents, create and edit."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from caucus.accounts.decorators import staff_required
from caucus.audit.log import record
from caucus.table.access import access_charge, access_negotiation, can_edit
from caucus.table.forms import ChargeDocumentForm, ChargeForm
from caucus.table.models import Charge


@staff_required("table.view_internal")
def charges(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    rows = Charge.objects.filter(negotiation=negotiation).prefetch_related("evidence_requests")
    return render(request, "table/charges.html", {"negotiation": negotiation, "charges": rows})


@staff_required("table.view_internal")
def charge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    the_charge = access_charge(request.user, negotiation, pk)
    document_form = None
    if can_edit(request.user):
        document_form = ChargeDocumentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and document_form.is_valid():
            document = document_form.save(commit=False)
            document.charge = the_charge
            document.save()
            record(request.user, "table.charge_document", the_charge, title=document.title)
            messages.success(request, "Document uploaded.")
            return redirect("table:charge", slug, the_charge.pk)
    elif request.method == "POST":
        return redirect("table:charge", slug, the_charge.pk)
    return render(
        request,
        "table/charge.html",
        {
            "negotiation": negotiation,
            "charge": the_charge,
            "requests": the_charge.evidence_requests.all(),
            "reports": the_charge.evidence_reports.all(),
            "documents": the_charge.documents.all(),
            "document_form": document_form,
        },
        status=400 if document_form is not None and document_form.errors else 200,
    )


@staff_required("table.edit")
def charge_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Create a charge (no ``pk``) or edit one."""
    negotiation = access_negotiation(request.user, slug)
    instance = access_charge(request.user, negotiation, pk, for_edit=True) if pk else None
    form = ChargeForm(request.POST or None, instance=instance, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        record(
            request.user,
            "table.charge_create" if instance is None else "table.charge_update",
            saved,
            status=saved.status,
        )
        messages.success(request, "Charge saved.")
        return redirect("table:charge", slug, saved.pk)
    return render(
        request,
        "table/charge_form.html",
        {"negotiation": negotiation, "form": form, "charge": instance},
        status=400 if form.errors else 200,
    )
