"""Importing a sign-in sheet of assessments: upload, then the job's progress and its report
(every problem by row and column, or what was recorded)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from caucus.accounts.decorators import staff_required
from caucus.readiness.access import (
    access_import,
    readiness_negotiation,
    union_ids_at,
    unions_at,
)
from caucus.readiness.actions import ReadinessError, do_start_import
from caucus.readiness.forms import ImportForm, add_readiness_error
from caucus.readiness.importing import COLUMNS
from caucus.readiness.models import AssessmentImport
from caucus.readiness.views import render_readiness


@staff_required("readiness.assess")
def import_new(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        unions=unions_at(request.user, negotiation, "readiness.assess"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = do_start_import(
                request.user, negotiation, form.cleaned_data["union"], form.cleaned_data["file"]
            )
        except ReadinessError as error:
            add_readiness_error(form, error)
        else:
            return redirect("readiness:import", slug, job.pk)
    recent = AssessmentImport.objects.filter(
        negotiation=negotiation,
        union_id__in=union_ids_at(request.user, negotiation, "readiness.assess"),
    ).select_related("union", "uploaded_by")[:10]
    return render_readiness(
        request,
        "readiness/import_new.html",
        {
            "negotiation": negotiation,
            "form": form,
            "recent": recent,
            "columns": COLUMNS,
            "section": "import",
        },
        status=400 if form.errors else 200,
    )


@staff_required("readiness.assess")
def import_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    job = access_import(request.user, negotiation, pk)
    context = {"negotiation": negotiation, "job": job, "section": "import"}
    return render_readiness(request, "readiness/import.html", context)


@staff_required("readiness.assess")
def import_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The progress and report part alone, which the page polls while the import runs."""
    negotiation = readiness_negotiation(request.user, slug, "readiness.assess")
    job = access_import(request.user, negotiation, pk)
    context = {"negotiation": negotiation, "job": job}
    return render_readiness(request, "readiness/import.html#progress", context)
