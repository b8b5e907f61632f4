"""Staff pages for bargaining updates: list, write, preview, publish."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import staff_required
from caucus.accounts.permissions import has_perm
from caucus.lib.markdown import render_markdown
from caucus.sheets.access import access_negotiation, access_sheet
from caucus.updates.access import access_update
from caucus.updates.actions import UpdateError, do_link_sheet, do_publish_update, do_save_update
from caucus.updates.forms import LinkSheetForm, UpdateForm
from caucus.updates.models import Update


@staff_required("updates.edit")
def update_list(request: HttpRequest) -> HttpResponse:
    updates = (
        Update.objects.editable_by(request.user)
        .select_related("negotiation")
        .prefetch_related("unions")
        .order_by("-created_at")
    )
    return render(request, "updates/list.html", {"updates": updates})


@staff_required("updates.edit")
def update_new(request: HttpRequest) -> HttpResponse:
    form = UpdateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        update = do_save_update(request.user, None, **form.update_fields())
        messages.success(request, "Draft saved. Preview it, then publish when it is ready.")
        return redirect("updates:preview", update.pk)
    return render(request, "updates/form.html", {"form": form, "update": None})


@staff_required("updates.edit")
def update_edit(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    form = UpdateForm(request.POST or None, instance=update, user=request.user)
    if request.method == "POST" and form.is_valid():
        update.refresh_from_db()
        do_save_update(request.user, update, **form.update_fields())
        messages.success(request, "Update saved.")
        return redirect("updates:preview", update.pk)
    return render(request, "updates/form.html", {"form": form, "update": update})


@staff_required("updates.edit")
def update_preview(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    return render(
        request,
        "updates/preview.html",
        {
            "update": update,
            "text": update,
            "body_html": render_markdown(update.body),
            "cited_proposals": update.cites_proposals.filter(is_published=True).select_related(
                "article"
            ),
            "cited_sessions": update.cites_sessions.all(),
            "may_publish": has_perm(request.user, "updates.publish"),
        },
    )


@require_POST
@staff_required("updates.publish")
def update_publish(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    try:
        do_publish_update(request.user, update, request)
    except UpdateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Published: {update.title}")
    return redirect("updates:preview", update.pk)


@staff_required("updates.edit")
def link_sheet(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Link a comparison sheet from one of the updates the writer may edit."""
    negotiation = access_negotiation(request.user, slug)
    sheet = access_sheet(request.user, negotiation, pk)
    form = LinkSheetForm(request.POST or None, user=request.user, sheet=sheet)
    if request.method == "POST" and form.is_valid():
        update = form.cleaned_data["update"]
        try:
            do_link_sheet(request.user, update, sheet)
        except UpdateError as error:
            form.add_error("update", error.message)
        else:
            messages.success(request, f"“{update.title}” now links to the sheet.")
            return redirect("sheets:sheet", slug, sheet.pk)
    return render(
        request,
        "updates/link_sheet.html",
        {"negotiation": negotiation, "sheet": sheet, "form": form},
        status=400 if form.errors else 200,
    )
