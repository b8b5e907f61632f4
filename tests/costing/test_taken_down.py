"""Members' costing pages never show an unpublished proposal: unpublishing one that a
published run costs takes the run off the member site, and the audit log says why."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.costing.actions import do_create_run, do_publish
from caucus.costing.tasks import run_costing
from caucus.table.actions import do_edit_proposal
from tests.costing.helpers import make_proposals, make_roster

pytestmark = pytest.mark.django_db


def test_unpublishing_a_costed_proposal_takes_down_the_published_run(cast: Any) -> None:
    make_roster(cast.world)
    union, employer = make_proposals(cast.world)
    run = do_create_run(cast["team"], cast.world.negotiation, name="W", proposals=[union, employer])
    run_costing(run.pk)
    run.refresh_from_db()
    do_publish(cast["team"], run, "")
    url = reverse("costing_site:what_it_means", args=["national-2026"])
    assert cast.client(None).get(url).status_code == 200
    do_edit_proposal(cast["team"], employer, is_published=False)
    run.refresh_from_db()
    assert not run.is_published
    assert cast.client(None).get(url).status_code == 404
    event = AuditEvent.objects.get(action="costing.unpublish")
    assert f"“{employer.title}”, no longer published" in str(event.detail)
