"""The roster's staff pages: the list (search, filters, export), a member, and the import
flow (upload → map columns → progress and report)."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.accounts.permissions import has_perm
from caucus.audit.log import record
from caucus.lib.files import local_path, send_stored_file
from caucus.lib.spreadsheet import safe_cell
from caucus.members.access import access_import, access_member
from caucus.members.actions import do_queue_import, do_upload_roster
from caucus.members.drops import count_drops
from caucus.members.forms import MappingForm, RosterFilterForm, UploadForm
from caucus.members.models import Member, RosterImport
from caucus.members.roster_files import RosterFileError, read_roster

PAGE_SIZE = 50
EXPORT_COLUMNS = [
    ("Member ID", "member_id"),
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Local", "union__short_name"),
    ("Unit code", "unit__code"),
    ("Worksite code", "worksite__code"),
    ("Classification code", "classification__code"),
    ("Step", "step"),
    ("Hourly rate", "hourly_rate"),
    ("FTE", "fte"),
    ("Hire date", "hire_date"),
    ("Language", "language"),
    ("Personal e-mail", "email"),
    ("E-mail is the employer's", "email_is_employers"),
    ("Phone", "phone"),
    ("Standing", "standing"),
    ("On the roster", "is_on_roster"),
]


@staff_required("members.view")
def roster_list(request: StaffRequest) -> HttpResponse:
    form = RosterFilterForm(request.GET or None, user=request.user)
    members = Member.objects.visible_to(request.user).select_related(
        "union", "unit", "worksite", "classification"
    )
    members = form.apply(members) if form.is_bound else members.on_roster()
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_export": has_perm(request.user, "members.export"),
            "may_import": has_perm(request.user, "members.import"),
        },
    )


@staff_required("members.view")
def member_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return render(request, "members/detail.html", {"member": access_member(request.user, pk)})


class _Echo:
    def write(self, value: str) -> str:
        return value


@staff_required("members.export")
def roster_export(request: StaffRequest) -> StreamingHttpResponse:
    form = RosterFilterForm(request.GET or None, user=request.user, perm="members.export")
    members = Member.objects.visible_to(request.user, "members.export")
    members = form.apply(members) if form.is_bound else members.on_roster()
    rows = members.order_by("union__short_name", "last_name", "first_name", "pk").values_list(
        *(field for _, field in EXPORT_COLUMNS)
    )
    union = form.cleaned_data.get("union") if form.is_bound and form.is_valid() else None
    record(
        request.user,
        "roster.export",
        union=union,
        request=request,
        rows=members.count(),
        filters={k: v for k, v in request.GET.items() if v},
    )
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow([label for label, _ in EXPORT_COLUMNS])
        for values in rows.iterator(chunk_size=2000):
            # A name or ID from an import could start with "=": the spreadsheet must not run it.
            yield writer.writerow([safe_cell(value) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="roster.csv"'
    return response


@staff_required("members.import")
def import_start(request: StaffRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        job = do_upload_roster(
            request.user, form.cleaned_data["union"], form.cleaned_data["file"], form.headers
        )
        return redirect("members:import_map", pk=job.pk)
    recent = RosterImport.objects.filter(
        union__in=form.fields["union"].queryset  # type: ignore[attr-defined]
    ).select_related("union", "uploaded_by")[:10]
    return render(request, "members/import_start.html", {"form": form, "recent": recent})


@staff_required("members.import")
def import_map(request: StaffRequest, pk: int) -> HttpResponse:
    """The column mapping; on submit, the count of members the file would drop, confirmed by
    typing it when it is more than may go unasked, then the import is queued."""
    job = access_import(request.user, pk)
    if job.status != RosterImport.Status.UPLOADED:
        return redirect("members:import_detail", pk=job.pk)
    try:
        with local_path(job.file, job.original_name) as path:
            sample = read_roster(path, name=job.original_name, n_rows=3)
            form = MappingForm(request.POST or None, initial=job.mapping, headers=sample.columns)
            if request.method == "POST" and form.is_valid():
                frame = read_roster(path, name=job.original_name)
                drops = count_drops(frame, form.mapping(), job.union)
                if drops.needs_confirmation:
                    form = MappingForm(
                        request.POST, initial=job.mapping, headers=sample.columns, drops=drops
                    )
    except RosterFileError as error:
        # A file stored before today's checks, which they refuse: say so on the job's page.
        job.fail(str(error))
        return redirect("members:import_detail", pk=job.pk)
    if request.method == "POST" and form.is_valid():
        do_queue_import(request.user, job, form.mapping(), form.confirmed_drop())
        return redirect("members:import_detail", pk=job.pk)
    return render(
        request,
        "members/import_map.html",
        {"job": job, "form": form, "headers": sample.columns, "sample": sample.rows()},
        status=400 if form.is_bound else 200,
    )


@staff_required("members.import")
def import_detail(request: StaffRequest, pk: int) -> HttpResponse:
    job = access_import(request.user, pk)
    return render(request, "members/import_detail.html", {"job": job})


@staff_required("members.import")
def import_progress(request: StaffRequest, pk: int) -> HttpResponse:
    """The progress and report part alone, which the detail page polls while the import runs."""
    job = access_import(request.user, pk)
    return render(request, "members/import_detail.html#progress", {"job": job})


@staff_required("members.import")
def import_file(request: StaffRequest, pk: int) -> HttpResponseBase:
    """The file as it was uploaded, to those who may import that union's roster (audited:
    it holds members' personal contacts)."""
    job = access_import(request.user, pk)
    record(request.user, "roster.import_file", job, union=job.union, file=job.original_name)
    return send_stored_file(job.file, job.original_name)
