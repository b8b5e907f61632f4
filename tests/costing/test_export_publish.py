"""The workbook export (formulas a spreadsheet user can follow, recorded in the audit log) and
publishing a run to members (recorded too)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from caucus.audit.models import AuditEvent
from tests.costing.helpers import finished_run

pytestmark = pytest.mark.django_db


def test_the_export_is_a_workbook_with_formulas(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    response = cast.client("team").get(reverse("costing:export", args=[run.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="costing-{run.pk}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Base year", "Costs", "Groups", "Workers"]
    costs = book["Costs"]
    assert costs["A2"].value == "Union: Wages: 4% a year"
    assert costs["K2"].value == "=SUM(E2:J2)"
    assert costs["M2"].value == "=K2-L2"
    workers = book["Workers"]
    assert workers.max_row == 1 + run.workers
    assert str(workers.cell(row=2, column=workers.max_column).value).startswith("=SUM(")


def test_each_export_is_recorded(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    cast.client("admin").get(reverse("costing:export", args=[run.pk]))
    event = AuditEvent.objects.get(action="costing.export")
    assert (event.actor, event.object_id) == (cast["admin"], str(run.pk))
    assert event.detail == {"workers": 7}


def test_publishing_and_unpublishing_are_recorded_and_open_and_close_the_member_page(
    cast: Any, world: Any
) -> None:
    run = finished_run(cast, world)
    member_page = reverse("costing_site:what_it_means", args=[world.negotiation.slug])
    assert cast.client(None).get(member_page).status_code == 404
    team = cast.client("team")
    team.post(reverse("costing:publish", args=[run.pk]), {"member_intro": "Read **this**."})
    run.refresh_from_db()
    assert run.is_published
    assert run.member_intro == "Read **this**."
    page = cast.client(None).get(member_page)
    assert page.status_code == 200
    assert b"<strong>this</strong>" in page.content
    team.post(reverse("costing:unpublish", args=[run.pk]))
    assert cast.client(None).get(member_page).status_code == 404
    assert AuditEvent.objects.filter(action="costing.publish", actor=cast["team"]).count() == 1
    assert AuditEvent.objects.filter(action="costing.unpublish", actor=cast["team"]).count() == 1


def test_a_failed_run_cannot_be_published(cast: Any, world: Any) -> None:
    from caucus.costing.models import CostingRun

    run = finished_run(cast, world)
    CostingRun.objects.filter(pk=run.pk).update(status="failed")
    cast.client("team").post(reverse("costing:publish", args=[run.pk]))
    run.refresh_from_db()
    assert not run.is_published
    assert not AuditEvent.objects.filter(action="costing.publish").exists()


@pytest.mark.parametrize("name", ["comms", "officer_a", "observer", "member_a", "outsider"])
def test_only_the_team_and_admins_may_export(cast: Any, world: Any, name: str) -> None:
    run = finished_run(cast, world)
    response = cast.client(name).get(reverse("costing:export", args=[run.pk]))
    assert response.status_code in (403, 404)
    assert not AuditEvent.objects.filter(action="costing.export").exists()
