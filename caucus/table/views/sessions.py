"""Recording a session in steps: the session itself, then each proposal passed at it.

The session page carries a repeatable "add a proposal passed at this session" form; with HTMX
it answers with the ``passes`` partial (the list and a fresh form), without it, a redirect.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.table.access import (
    access_negotiation,
    access_session,
    can_edit,
    can_view_internal,
    visible_proposals,
)
from caucus.table.actions import (
    TableError,
    do_edit_session,
    do_pass_proposal,
    do_record_session,
)
from caucus.table.forms import SessionForm, SessionProposalForm, add_table_error
from caucus.table.models import Negotiation, Proposal, Session
from caucus.table.scheduling import known_places, sessions_to_record
from caucus.table.terms_form import TermsEditor
from caucus.table.views import render_table


def _passes_context(
    request: StaffRequest,
    negotiation: Negotiation,
    session: Session,
    form: SessionProposalForm,
    editor: TermsEditor,
) -> dict[str, object]:
    passes = (
        visible_proposals(request.user, negotiation)
        .filter(session=session)
        .select_related("article")
        .order_by("created_at", "id")
    )
    return {
        "negotiation": negotiation,
        "session": session,
        "passes": passes,
        "form": form if can_edit(request.user, negotiation) else None,
        "editor": editor,
        "internal": can_view_internal(request.user, negotiation),
    }


def _add_pass(
    request: StaffRequest, negotiation: Negotiation, session: Session
) -> tuple[SessionProposalForm, TermsEditor, Proposal | None]:
    """Enter the posted pass at ``session``: the forms (fresh ones once it is entered) and the
    new pass, or the forms with their errors and None."""
    form = SessionProposalForm(request.POST, request.FILES, negotiation=negotiation)
    editor = TermsEditor(request.POST)
    if form.is_valid() & editor.is_valid():
        fields = {**form.proposal_fields(), "economic_terms": editor.result}
        try:
            new = do_pass_proposal(
                request.user, negotiation, session=session, passed_on=session.date, **fields
            )
        except TableError as exc:
            if exc.field == "economic_terms":
                editor.errors.append(exc.message)
            else:
                add_table_error(form, exc)
        else:
            return SessionProposalForm(negotiation=negotiation), TermsEditor(), new
    return form, editor, None


@staff_required("table.view")
def session(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    the_session = access_session(request.user, negotiation, pk)
    form, editor = SessionProposalForm(negotiation=negotiation), TermsEditor()
    new = None
    if request.method == "POST":
        the_session = access_session(request.user, negotiation, pk, for_edit=True)
        form, editor, new = _add_pass(request, negotiation, the_session)
        if new is not None and not request.htmx:  # type: ignore[attr-defined]
            messages.success(request, f"Added: {new.title}.")
            return redirect("table:session", slug, the_session.pk)
    context = _passes_context(request, negotiation, the_session, form, editor)
    context["added"] = new
    status = 400 if form.errors or editor.has_errors else 200
    if request.htmx:  # type: ignore[attr-defined]
        return render_table(request, "table/session.html#passes", context, status=status)
    return render_table(request, "table/session.html", context, status=status)


@staff_required("table.edit")
def session_new(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.edit")
    form = SessionForm(request.POST or None, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        try:
            new = do_record_session(request.user, negotiation, **form.session_fields())
        except TableError as error:
            form.add_error(error.field or None, error.message)
        else:
            messages.success(request, "Session recorded. Now add the proposals passed at it.")
            return redirect("table:session", slug, new.pk)
    scheduled = sessions_to_record(negotiation, timezone.localdate())
    return render_table(
        request,
        "table/session_form.html",
        {
            "negotiation": negotiation,
            "form": form,
            "scheduled": scheduled,
            "same_day": form.same_day,
            "places": known_places(negotiation),
        },
        status=400 if form.errors else 200,
    )


@staff_required("table.edit")
def session_edit(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug, "table.edit")
    the_session = access_session(request.user, negotiation, pk, for_edit=True)
    form = SessionForm(request.POST or None, instance=the_session, negotiation=negotiation)
    if request.method == "POST" and form.is_valid():
        the_session.refresh_from_db()
        changed = do_edit_session(request.user, the_session, **form.session_fields())
        messages.success(request, "Saved." if changed else "Nothing changed.")
        return redirect("table:session", slug, the_session.pk)
    return render_table(
        request,
        "table/session_form.html",
        {
            "negotiation": negotiation,
            "form": form,
            "session": the_session,
            "places": known_places(negotiation),
        },
        status=400 if form.errors else 200,
    )
