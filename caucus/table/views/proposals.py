"""A proposal's page (with its status change), and entering a new pass."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.table.access import (
    access_negotiation,
    access_proposal,
    access_session,
    can_edit,
    can_view_internal,
)
from caucus.table.actions import (
    TableError,
    do_edit_proposal,
    do_pass_proposal,
    do_set_proposal_status,
)
from caucus.table.economics import uncosted, uncosted_warning
from caucus.table.forms import (
    ProposalEditForm,
    ProposalForm,
    ProposalStatusForm,
    add_table_error,
)
from caucus.table.models import Proposal
from caucus.table.terms_form import TermsEditor
from caucus.table.views import render_table


@staff_required("table.view")
def proposal(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    the_proposal = access_proposal(request.user, negotiation, pk)
    status_form = ProposalStatusForm()
    if request.method == "POST":
        the_proposal = access_proposal(request.user, negotiation, pk, for_edit=True)
        status_form = ProposalStatusForm(request.POST)
        if status_form.is_valid():
            try:
                do_set_proposal_status(
                    request.user,
                    the_proposal,
                    status_form.cleaned_data["status"],
                    note=status_form.cleaned_data["note"],
                    signed_on=status_form.cleaned_data["signed_on"],
                )
            except TableError as exc:
                status_form.add_error("status", str(exc))
            else:
                messages.success(request, f"Status set to {the_proposal.get_status_display()}.")
                return redirect("table:proposal", slug, the_proposal.pk)
    events = the_proposal.events.select_related("actor")
    answered_by = the_proposal.answered_by.all()
    if not can_view_internal(request.user, negotiation):
        answered_by = answered_by.filter(is_published=True)
    return render_table(
        request,
        "table/proposal.html",
        {
            "negotiation": negotiation,
            "proposal": the_proposal,
            "events": events,
            "answered_by": answered_by,
            "letters": the_proposal.letters.all()
            if can_view_internal(request.user, negotiation)
            else (),
            "status_form": status_form if can_edit(request.user, negotiation) else None,
        },
        status=400 if status_form.errors else 200,
    )


def _terms_refused(form: ProposalForm, editor: TermsEditor, error: TableError) -> None:
    """A refusal about the terms shows in the terms editor, anything else at the form."""
    if error.field == "economic_terms":
        editor.errors.append(error.message)
    else:
        add_table_error(form, error)


def _entered(request: StaffRequest, proposal: Proposal, done: str) -> None:
    """The message after a pass is saved, with the amounts its text names and its terms do not
    cost (a warning: the team may mean them as words only)."""
    missing = uncosted(proposal.text, proposal.economic_terms)
    messages.success(request, done)
    if missing:
        messages.warning(
            request, uncosted_warning(missing, has_terms=bool(proposal.economic_terms))
        )


@staff_required("table.edit")
def proposal_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.edit")
    initial: dict[str, object] = {}
    for name in ("article", "session", "answers", "side"):
        if request.GET.get(name, "").isalnum():
            initial[name] = request.GET[name]
    if str(initial.get("session", "")).isdigit():
        # Only a session of this table may be preselected (the form limits the choice too).
        session = access_session(request.user, negotiation, int(str(initial["session"])))
        initial["passed_on"] = session.date
    form = ProposalForm(
        request.POST or None, request.FILES or None, negotiation=negotiation, initial=initial
    )
    editor = TermsEditor(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() & editor.is_valid():
        fields = {**form.proposal_fields(), "economic_terms": editor.result}
        try:
            new = do_pass_proposal(request.user, negotiation, **fields)
        except TableError as exc:
            _terms_refused(form, editor, exc)
        else:
            _entered(request, new, "Proposal entered.")
            return redirect("table:proposal", slug, new.pk)
    return render_table(
        request,
        "table/proposal_form.html",
        {"negotiation": negotiation, "form": form, "editor": editor},
        status=400 if form.errors or editor.has_errors else 200,
    )


@staff_required("table.edit")
def proposal_edit(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.edit")
    the_proposal = access_proposal(request.user, negotiation, pk, for_edit=True)
    stored_terms = the_proposal.economic_terms
    form = ProposalEditForm(
        request.POST or None,
        request.FILES or None,
        negotiation=negotiation,
        instance=the_proposal,
    )
    editor = TermsEditor(request.POST if request.method == "POST" else None, terms=stored_terms)
    if request.method == "POST" and form.is_valid() & editor.is_valid():
        fields = {**form.proposal_fields(), "economic_terms": editor.result}
        # The form has already copied the values onto the instance; start from the stored row
        # so the action sees (and records) what really changed.
        the_proposal.refresh_from_db()
        try:
            changed = do_edit_proposal(request.user, the_proposal, **fields)
        except TableError as exc:
            _terms_refused(form, editor, exc)
        else:
            _entered(request, the_proposal, "Saved." if changed else "Nothing changed.")
            return redirect("table:proposal", slug, the_proposal.pk)
    return render_table(
        request,
        "table/proposal_edit.html",
        {"negotiation": negotiation, "proposal": the_proposal, "form": form, "editor": editor},
        status=400 if form.errors or editor.has_errors else 200,
    )
