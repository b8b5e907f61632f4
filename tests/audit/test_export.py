"""The audit log as CSV: the page's filters, audited itself, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.log import record
from caucus.audit.models import AuditEvent
from caucus.lib.spreadsheet import safe_cell

pytestmark = pytest.mark.django_db


def _csv(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="caucus-audit-')
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_safe_cell_keeps_formulas_as_text_and_leaves_the_rest(value: Any, safe: Any) -> None:
    assert safe_cell(value) == safe


def test_the_export_neutralizes_cells_that_a_spreadsheet_would_run(cast: Any) -> None:
    AuditEvent.objects.create(
        actor_label="=cmd|' /C calc'!A0", action="+evil", object_type="@x", object_id="-1"
    )
    rows = _csv(cast.client("observer").get(reverse("audit:export")))
    assert rows[1][1:5] == ["'=cmd|' /C calc'!A0", "'+evil", "'@x", "'-1"]


def test_the_export_has_the_pages_rows_and_is_audited_with_its_filters(cast: Any) -> None:
    record(cast["admin"], "roster.export", cast.world.union_a, union=cast.world.union_a, rows=3)
    record(cast["team"], "sheet.publish")
    rows = _csv(cast.client("observer").get(reverse("audit:export"), {"action": "roster.export"}))
    assert rows[0] == ["When", "Who", "What", "Kind of record", "Record id", "Local", "Detail"]
    assert [row[1:] for row in rows[1:]] == [
        [
            "admin",
            "roster.export",
            "orgs.union",
            str(cast.world.union_a.pk),
            "local-a",
            '{"rows": 3}',
        ]
    ]
    export = AuditEvent.objects.get(action="audit.export")
    assert export.actor_label == "observer"
    assert export.detail == {"rows": 1, "filters": {"action": "roster.export"}}


def test_the_export_does_not_list_its_own_row(cast: Any) -> None:
    record(cast["team"], "sheet.publish")
    rows = _csv(cast.client("observer").get(reverse("audit:export")))
    assert [row[2] for row in rows[1:]] == ["sheet.publish"]
    assert AuditEvent.objects.filter(action="audit.export").count() == 1


def test_addresses_are_exported_only_to_those_who_manage_accounts(cast: Any) -> None:
    AuditEvent.objects.create(actor_label="team", action="auth.login", ip="203.0.113.9")
    admin_rows = _csv(cast.client("admin").get(reverse("audit:export")))
    observer_rows = _csv(cast.client("observer").get(reverse("audit:export")))
    assert admin_rows[0][-1] == "IP address"
    assert admin_rows[1][-1] == "203.0.113.9"
    assert "203.0.113.9" not in str(observer_rows)
