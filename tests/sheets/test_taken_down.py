"""A published sheet never shows an unpublished proposal: unpublishing a proposal a published
sheet shows takes the sheet off the member site, in the same write, and the audit log says why."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.sheets.models import Sheet
from caucus.table.actions import do_edit_proposal
from caucus.table.models import Proposal

pytestmark = pytest.mark.django_db


def test_unpublishing_a_proposal_takes_down_the_published_sheet_that_shows_it(
    cast: Any, sheets: Any
) -> None:
    sheet = sheets.published()
    url = reverse("sheets_site:sheet", args=[sheets.slug, sheet.pk])
    assert cast.client(None).get(url).status_code == 200
    shown = Proposal.objects.get(title="Wages: 0.5%")
    do_edit_proposal(cast["team"], shown, is_published=False)
    sheet.refresh_from_db()
    assert sheet.status == Sheet.Status.DRAFT
    assert sheet.published_version is None
    assert cast.client(None).get(url).status_code == 404
    pdf = reverse("sheets_site:pdf", args=[sheets.slug, sheet.pk])
    assert cast.client(None).get(pdf).status_code == 404
    event = AuditEvent.objects.get(action="sheet.unpublish")
    assert event.actor == cast["team"]
    assert "“Wages: 0.5%”, which is no longer published" in str(event.detail)


def test_a_sheet_that_does_not_show_the_proposal_stays_published(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    other = sheets.table.proposal(
        "union", sheets.world.article_seniority, title="Seniority", text="Seniority counts."
    )
    do_edit_proposal(cast["team"], other, is_published=False)
    sheet.refresh_from_db()
    assert sheet.status == Sheet.Status.PUBLISHED
    assert not AuditEvent.objects.filter(action="sheet.unpublish").exists()
