"""Correcting an update members have already read is recorded, with what it said before."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from tests.site.factories import make_update

pytestmark = pytest.mark.django_db


def _form(update: Any, **changes: Any) -> dict[str, Any]:
    return {
        "negotiation": update.negotiation_id,
        "title": update.title,
        "slug": update.slug,
        "summary": update.summary,
        "body": update.body,
        "language": "en",
        "audience": "coalition",
        **changes,
    }


def test_editing_a_published_update_is_audited_with_before_and_after(cast: Any) -> None:
    update = make_update(cast.world, "Strike vote coming", published=True)
    old_body = update.body
    response = cast.client("comms").post(
        reverse("updates:edit", args=[update.pk]),
        _form(update, body="The vote is **next week**."),
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="update.edit")
    assert event.actor == cast["comms"]
    assert event.object_id == str(update.pk)
    assert event.detail["was_published"] is True
    assert event.detail["changed"]["body"] == [old_body, "The vote is **next week**."]
    page = cast.client("observer").get(reverse("audit:log")).content.decode()
    assert "update.edit" in page
    assert "next week" in page  # the observer reads what it says now beside what it said


def test_saving_a_published_update_unchanged_writes_no_edit_row(cast: Any) -> None:
    update = make_update(cast.world, "Strike vote coming", published=True)
    cast.client("comms").post(reverse("updates:edit", args=[update.pk]), _form(update))
    assert not AuditEvent.objects.filter(action="update.edit").exists()
