"""Unfair-labor-practice charges: the list, one charge with its documents, create and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.lib.files import send_stored_file
from caucus.table.access import access_charge, access_negotiation, can_edit
from caucus.table.actions import (
    TableError,
    do_attach_charge_document,
    do_edit_charge,
    do_file_charge,
)
from caucus.table.forms import ChargeDocumentForm, ChargeForm, add_table_error
from caucus.table.models import Charge
from caucus.table.views import render_table


@staff_required("table.view_internal")
def charges(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    rows = Charge.objects.filter(negotiation=negotiation).prefetch_related("evidence_requests")
    return render_table(
        request, "table/charges.html", {"negotiation": negotiation, "charges": rows}
    )


@staff_required("table.view_internal")
def charge(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    the_charge = access_charge(request.user, negotiation, pk)
    document_form = None
    if can_edit(request.user, negotiation):
        document_form = ChargeDocumentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and document_form.is_valid():
            do_attach_charge_document(request.user, the_charge, **document_form.cleaned_data)
            messages.success(request, "Document uploaded.")
            return redirect("table:charge", slug, the_charge.pk)
    elif request.method == "POST":
        return redirect("table:charge", slug, the_charge.pk)
    return render_table(
        request,
        "table/charge.html",
        {
            "negotiation": negotiation,
            "charge": the_charge,
            "requests": the_charge.evidence_requests.all(),
            "reports": the_charge.evidence_reports.all(),
            "letters": the_charge.letters.all(),
            "documents": the_charge.documents.all(),
            "document_form": document_form,
        },
        status=400 if document_form is not None and document_form.errors else 200,
    )


def _save(request: StaffRequest, negotiation: Any, instance: Charge | None, data: Any) -> Charge:
    fields = dict(data)
    evidence = {
        "evidence_requests": list(fields.pop("evidence_requests")),
        "evidence_reports": list(fields.pop("evidence_reports")),
        "evidence_letters": list(fields.pop("evidence_letters")),
    }
    if instance is None:
        return do_file_charge(request.user, negotiation, **evidence, **fields)
    instance.refresh_from_db()
    do_edit_charge(request.user, instance, **evidence, **fields)
    return instance


@staff_required("table.edit")
def charge_edit(request: StaffRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Create a charge (no ``pk``) or edit one."""
    negotiation = access_negotiation(request.user, slug, "table.edit")
    instance = access_charge(request.user, negotiation, pk, for_edit=True) if pk else None
    form = ChargeForm(request.POST or None, instance=instance, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, negotiation, instance, form.cleaned_data)
        except TableError as exc:
            add_table_error(form, exc)
        else:
            messages.success(request, "Charge saved.")
            return redirect("table:charge", slug, saved.pk)
    return render_table(
        request,
        "table/charge_form.html",
        {"negotiation": negotiation, "form": form, "charge": instance},
        status=400 if form.errors else 200,
    )


@staff_required("table.view_internal")
def charge_document(
    request: StaffRequest, slug: str, pk: int, document_pk: int
) -> HttpResponseBase:
    """One of a charge's documents, to whoever may read the charge."""
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    the_charge = access_charge(request.user, negotiation, pk)
    document = the_charge.documents.filter(pk=document_pk).first()
    if document is None:
        raise Http404("No such document.")
    return send_stored_file(document.file)
