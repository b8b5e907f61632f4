"""The audit log, read-only, for holders of ``audit.view`` (observers and coalition admins):
a filtered, paged list and the same rows as CSV. The export is itself audited; no page here
writes anything else."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from caucus.accounts.audit_forms import AuditFilterForm
from caucus.accounts.decorators import staff_required
from caucus.accounts.permissions import has_perm, union_ids_with
from caucus.audit.log import record
from caucus.audit.models import AuditEvent, AuditEventQuerySet
from caucus.lib.spreadsheet import safe_cell

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, AuditEventQuerySet, bool]:
    """The filter form, the events it selects for this user, and whether IPs are shown
    (addresses are personal data: only to those who manage accounts)."""
    # A holder of audit.view reads every event coalition-wide, else its own unions' events.
    events = AuditEvent.objects.for_unions(union_ids_with(request.user, "audit.view"))
    form = AuditFilterForm(request.GET or None, events=events)
    shows_ip = has_perm(request.user, "accounts.manage")
    return form, form.apply(events).select_related("union"), shows_ip


@staff_required("audit.view")
def audit_log(request: HttpRequest) -> HttpResponse:
    form, events, shows_ip = _filtered(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "query": query.urlencode(), "shows_ip": shows_ip},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@staff_required("audit.view")
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered events as CSV, up to (not including) the row that records this export."""
    form, events, shows_ip = _filtered(request)
    export = record(
        request.user, "audit.export", request=request, rows=events.count(), filters=form.used()
    )
    header = ["When", "Who", "What", "Kind of record", "Record id", "Local", "Detail"]
    if shows_ip:
        header.append("IP address")
    writer = csv.writer(_Echo())

    def row(event: AuditEvent) -> list[object]:
        cells: list[object] = [
            timezone.localtime(event.at).isoformat(),
            event.actor_label,
            event.action,
            event.object_type,
            event.object_id,
            event.union.slug if event.union else "",
            json.dumps(event.detail, sort_keys=True, ensure_ascii=False),
        ]
        if shows_ip:
            cells.append(event.ip or "")
        return [safe_cell(cell) for cell in cells]

    def lines() -> Iterator[str]:
        yield writer.writerow(header)
        for event in events.filter(id__lt=export.id).iterator(chunk_size=2000):
            yield writer.writerow(row(event))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    filename = f"caucus-audit-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
