"""Delivery in the JSON API: the same sends, reports and suppression list as the pages."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.accounts.models import ApiToken
from caucus.delivery.actions import do_create_send

pytestmark = pytest.mark.django_db


def _get(cast: Any, who: str, url: str) -> Any:
    _, raw = ApiToken.issue(cast[who], "test")
    return cast.client(None).get(url, HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_a_send_reports_its_progress_and_its_figures_by_local(
    cast: Any, roster: list[Any], update: Any, smtp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        send = do_create_send(
            cast["comms"], update, by_email=True, by_text=False, to_whole_coalition=True
        )
    body = _get(cast, "comms", f"/api/sends/{send.pk}").json()
    assert body["status"] == "done"
    assert body["progress"]["sent"] == 9
    assert [(r["local"], r["sent"]) for r in body["by_local"]] == [("Local A", 6), ("Local B", 3)]
    listed = _get(cast, "team", "/api/negotiations/national-2026/sends").json()
    assert [item["id"] for item in listed["items"]] == [send.pk]


def test_the_suppression_list_is_only_the_unions_own(cast: Any, world: Any) -> None:
    from caucus.delivery.models import Suppression

    Suppression.objects.create(
        union=world.union_a, channel="email", address="a@x.example", reason="bounce"
    )
    Suppression.objects.create(
        union=world.union_b, channel="email", address="b@x.example", reason="bounce"
    )
    mine = _get(cast, "comms_a", "/api/suppressions").json()
    assert [item["address"] for item in mine["items"]] == ["a@x.example"]
    assert _get(cast, "team", "/api/suppressions").status_code == 403
