"""What members read never shows a proposal that is not published to them: a costing run or a
sheet that uses one cannot be published until it is (or is left out), and the refusal names it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.costing.actions import PublishError, do_create_run, do_publish
from caucus.costing.tasks import run_costing
from caucus.sheets.actions import SheetError
from caucus.sheets.actions import do_publish as do_publish_sheet
from caucus.table.actions import do_edit_proposal
from tests.costing.helpers import make_proposals, make_roster

pytestmark = pytest.mark.django_db


def test_a_run_costing_an_unpublished_proposal_cannot_be_published(cast: Any) -> None:
    make_roster(cast.world)
    union, employer = make_proposals(cast.world)
    employer.is_published = False
    employer.save()
    run = do_create_run(cast["team"], cast.world.negotiation, name="W", proposals=[union, employer])
    run_costing(run.pk)
    run.refresh_from_db()
    with pytest.raises(PublishError, match="“Wages: 2% a year, South frozen”"):
        do_publish(cast["team"], run, "")
    run.refresh_from_db()
    assert not run.is_published
    page = cast.client(None).get(reverse("costing_site:what_it_means", args=["national-2026"]))
    assert page.status_code == 404


def test_the_publish_button_says_which_proposal_stops_it(cast: Any) -> None:
    make_roster(cast.world)
    union, _ = make_proposals(cast.world)
    union.is_published = False
    union.save()
    run = do_create_run(cast["team"], cast.world.negotiation, name="W", proposals=[union])
    run_costing(run.pk)
    response = cast.client("team").post(
        reverse("costing:publish", args=[run.pk]), {"member_intro": ""}, follow=True
    )
    assert "not published to members: “Wages: 4% a year”" in response.content.decode()
    do_edit_proposal(cast["team"], union, is_published=True)
    cast.client("team").post(reverse("costing:publish", args=[run.pk]), {"member_intro": ""})
    run.refresh_from_db()
    assert run.is_published


def test_a_sheet_showing_an_unpublished_proposal_cannot_be_published(sheets: Any) -> None:
    from caucus.table.models import Proposal

    sheets.passes()
    latest = Proposal.objects.get(title="Wages: 0.5%")
    latest.is_published = False
    latest.save()
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    with pytest.raises(SheetError, match=r"not published to members: “Wages: 0\.5%”"):
        do_publish_sheet(sheets.cast["team"], sheet, version)
    sheet.refresh_from_db()
    assert not sheet.is_published
    do_edit_proposal(sheets.cast["team"], latest, is_published=True)
    do_publish_sheet(sheets.cast["team"], sheet, version)
    sheet.refresh_from_db()
    assert sheet.published_version == version
