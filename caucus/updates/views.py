"""Staff pages for bargaining updates: list, write, preview, publish; translations (written,
then reviewed by someone else) and the documents an update carries."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caucus.accounts.decorators import staff_required
from caucus.accounts.permissions import has_perm
from caucus.lib.files import send_stored_file
from caucus.lib.markdown import render_markdown
from caucus.sheets.access import access_negotiation, access_sheet
from caucus.sheets.models import Sheet
from caucus.updates.access import access_update
from caucus.updates.actions import (
    UpdateError,
    do_add_document,
    do_link_sheet,
    do_publish_update,
    do_remove_document,
    do_review_translation,
    do_save_translation,
    do_save_update,
)
from caucus.updates.forms import DocumentForm, LinkSheetForm, TranslationForm, UpdateForm
from caucus.updates.models import Update, UpdateDocument, UpdateTranslation


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
    """The update's page as members will see it (text, citations, documents, the sheets it
    links), then, for staff only, what each linked sheet holds and which are not published."""
    update = access_update(request.user, pk)
    linked = update.sheets.select_related("published_version").order_by("title")
    return render(
        request,
        "updates/preview.html",
        {
            "update": update,
            "negotiation": update.negotiation,
            "text": update,
            "body_html": render_markdown(update.body),
            "cited_proposals": update.cites_proposals.filter(is_published=True).select_related(
                "article"
            ),
            "cited_sessions": update.cites_sessions.all(),
            "documents": update.documents.all(),
            "preview": True,
            "published_sheets": [s for s in linked if s.status == Sheet.Status.PUBLISHED],
            "unpublished_sheets": [s for s in linked if s.status != Sheet.Status.PUBLISHED],
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


def _translatable(user: object, pk: int) -> Update:
    update = (
        Update.objects.translatable_by(user).select_related("negotiation").filter(pk=pk).first()
    )
    if update is None:
        raise Http404("No such update")
    return update


def _translation(update: Update, language: str) -> UpdateTranslation:
    found = update.translations.filter(language=language).first()
    if found is None:
        raise Http404("No such translation")
    return found


@staff_required("updates.translate")
def translations(request: HttpRequest, pk: int) -> HttpResponse:
    """The update's translations, and a form for a new one."""
    update = _translatable(request.user, pk)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = do_save_translation(request.user, update, None, **form.cleaned_data)
        except UpdateError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Saved. Someone else reviews it before it is sent or shown.")
            return redirect("updates:translation", update.pk, made.language)
    return render(
        request,
        "updates/translations.html",
        {"update": update, "form": form, "translations": update.translations.all()},
        status=400 if form.errors else 200,
    )


@staff_required("updates.translate")
def translation(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    update = _translatable(request.user, pk)
    found = _translation(update, language)
    form = TranslationForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        found.refresh_from_db()
        try:
            do_save_translation(request.user, update, found, **form.cleaned_data)
        except UpdateError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Saved. It needs a review again before it is sent.")
            return redirect("updates:translation", update.pk, found.language)
    return render(
        request,
        "updates/translation.html",
        {
            "update": update,
            "translation": found,
            "form": form,
            "body_html": render_markdown(found.body),
            "original_html": render_markdown(update.body),
            "may_review": found.translated_by_id != request.user.pk,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required("updates.translate")
def review_translation(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    update = _translatable(request.user, pk)
    found = _translation(update, language)
    try:
        do_review_translation(request.user, found)
    except UpdateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Reviewed: the {found.language} text is sent and shown.")
    return redirect("updates:translation", update.pk, found.language)


@staff_required("updates.edit")
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    update = access_update(request.user, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        do_add_document(
            request.user, update, title=data["title"], kind=data["kind"], upload=data["file"]
        )
        messages.success(request, f"Attached: {data['title']}")
        return redirect("updates:documents", update.pk)
    return render(
        request,
        "updates/documents.html",
        {"update": update, "form": form, "documents": update.documents.all()},
        status=400 if form.errors else 200,
    )


def _document(update: Update, document_id: int) -> UpdateDocument:
    found = update.documents.filter(pk=document_id).first()
    if found is None:
        raise Http404("No such document")
    return found


@staff_required("updates.edit")
def document(request: HttpRequest, pk: int, document_id: int) -> HttpResponseBase:
    found = _document(access_update(request.user, pk), document_id)
    return send_stored_file(found.file, found.original_name)


@require_POST
@staff_required("updates.edit")
def remove_document(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    update = access_update(request.user, pk)
    found = _document(update, document_id)
    if request.POST.get("confirm") == "1":
        do_remove_document(request.user, found)
        messages.success(request, f"Removed: {found.title}")
    return redirect("updates:documents", update.pk)
