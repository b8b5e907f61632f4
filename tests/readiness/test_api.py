"""Readiness in the JSON API: the pages' figures, members' assessments for organizers only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from caucus.accounts.models import ApiToken
from caucus.readiness.actions import do_assess, do_set_leader

pytestmark = pytest.mark.django_db


def _get(cast: Any, who: str, path: str) -> Any:
    _, raw = ApiToken.issue(cast[who], "test")
    return Client().get(
        f"/api/negotiations/national-2026/{path}", headers={"Authorization": f"Bearer {raw}"}
    )


def test_an_organizers_token_lists_their_own_locals_latest_assessments(
    local: Any, cast: Any
) -> None:
    do_assess(cast["organizer_a"], local.store_1[0], 2, shift="night")
    do_set_leader(cast["organizer_a"], local.store_1[0], True)
    do_assess(cast["admin"], local.union_b[0], 1)
    body = _get(cast, "organizer_a", "readiness/assessments?worksite=S1&limit=200").json()
    rows = {r["member_id"]: r for r in body["items"]}
    assert rows["A-1"] == {
        "member_id": "A-1",
        "local": "Local A",
        "worksite": "S1",
        "unit": "A-ST",
        "level": 2,
        "assessed_at": rows["A-1"]["assessed_at"],
        "shift": "night",
        "is_leader": True,
    }
    assert "B-1" not in rows
    assert rows["A-2"]["level"] is None


def test_every_page_of_assessments_read_through_the_api_is_audited(local: Any, cast: Any) -> None:
    from caucus.audit.models import AuditEvent

    do_assess(cast["organizer_a"], local.store_1[0], 2)
    assert _get(cast, "organizer_a", "readiness/assessments?worksite=S1").status_code == 200
    event = AuditEvent.objects.get(action="readiness.api_assessments")
    assert (event.actor, event.union) == (cast["organizer_a"], cast.world.union_a)
    assert (event.detail["locals"], event.detail["worksite"]) == (["Local A"], "S1")
    _get(cast, "team", "readiness/assessments")  # refused: nothing read, nothing recorded
    assert AuditEvent.objects.filter(action="readiness.api_assessments").count() == 1


def test_readers_without_the_organizers_right_get_no_assessments(local: Any, cast: Any) -> None:
    for who in ("team", "officer_a", "observer"):
        assert _get(cast, who, "readiness/assessments").status_code == 403


def test_the_readiness_figures_are_the_dashboards(local: Any, cast: Any) -> None:
    do_assess(cast["organizer_a"], local.store_1[0], 1)
    body = _get(cast, "officer_a", "readiness").json()
    assert [row["local"] for row in body["locals"]] == ["Local A"]
    assert (body["total"]["members"], body["total"]["assessed_1_2"], body["total"]["reached"]) == (
        8,
        1,
        1,
    )
    assert body["threshold"] is None
    assert body["summary"][-1] == "The bargaining team has not set a readiness threshold yet."
