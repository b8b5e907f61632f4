"""The correspondence log: letters, e-mails and other messages of the round, each with its
document and the proposals, requests and charges it concerns. The team's (internal until
published): listed and read with ``table.view_internal``, logged and corrected with
``table.edit``."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.lib.files import send_stored_file
from caucus.table.access import access_letter, access_negotiation, can_edit
from caucus.table.actions import TableError, do_edit_letter, do_log_letter
from caucus.table.forms import add_table_error
from caucus.table.letter_forms import LetterFilterForm, LetterForm
from caucus.table.models import Correspondence
from caucus.table.views import render_table


@staff_required("table.view_internal")
def letters(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    rows = Correspondence.objects.filter(negotiation=negotiation).annotate(
        proposal_count=Count("proposals", distinct=True),
        request_count=Count("requests", distinct=True),
        charge_count=Count("charges", distinct=True),
    )
    filters = LetterFilterForm(request.GET or None)
    if filters.is_valid():
        if filters.cleaned_data["direction"]:
            rows = rows.filter(direction=filters.cleaned_data["direction"])
        if q := filters.cleaned_data["q"].strip():
            rows = rows.filter(
                Q(subject__icontains=q)
                | Q(sender__icontains=q)
                | Q(recipient__icontains=q)
                | Q(summary__icontains=q)
            )
    return render_table(
        request,
        "table/letters.html",
        {"negotiation": negotiation, "letters": rows, "filters": filters, "section": "letters"},
    )


@staff_required("table.view_internal")
def letter(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    the_letter = access_letter(request.user, negotiation, pk)
    return render_table(
        request,
        "table/letter.html",
        {
            "negotiation": negotiation,
            "letter": the_letter,
            "proposals": the_letter.proposals.select_related("article"),
            "requests": the_letter.requests.all(),
            "charges": the_letter.charges.all(),
            "can_edit": can_edit(request.user, negotiation),
            "section": "letters",
        },
    )


@staff_required("table.edit")
def letter_edit(request: StaffRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Log a letter (no ``pk``) or correct one."""
    negotiation = access_negotiation(request.user, slug, "table.edit")
    instance = access_letter(request.user, negotiation, pk, for_edit=True) if pk else None
    initial = {}
    for name in ("proposals", "requests", "charges"):
        if instance is None and request.GET.get(name, "").isdigit():
            initial[name] = [int(request.GET[name])]
    form = LetterForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        negotiation=negotiation,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        fields = form.letter_fields()
        try:
            if instance is None:
                saved = do_log_letter(request.user, negotiation, **fields)
            else:
                instance.refresh_from_db()
                do_edit_letter(request.user, instance, **fields)
                saved = instance
        except TableError as exc:
            add_table_error(form, exc)
        else:
            messages.success(request, "Letter saved." if instance else "Letter logged.")
            return redirect("table:letter", slug, saved.pk)
    return render_table(
        request,
        "table/letter_form.html",
        {"negotiation": negotiation, "form": form, "letter": instance, "section": "letters"},
        status=400 if form.errors else 200,
    )


@staff_required("table.view_internal")
def letter_document(request: StaffRequest, slug: str, pk: int) -> HttpResponseBase:
    """A letter's document, to whoever may read the letter."""
    negotiation = access_negotiation(request.user, slug, "table.view_internal")
    the_letter = access_letter(request.user, negotiation, pk)
    return send_stored_file(the_letter.document, the_letter.document_name or None)
