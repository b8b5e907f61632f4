"""The staff area's audit page: read-only, filtered, paged, scoped to the reader's unions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.accounts.models import RoleGrant, User
from caucus.audit.log import record
from caucus.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")


def _rows(response: Any) -> list[tuple[str, str]]:
    return [(e.actor_label, e.action) for e in response.context["page"]]


def _at(event: AuditEvent, when: datetime) -> None:
    # Rows are append-only; a test moves one in time under the guard, with the plain manager.
    AuditEvent._base_manager.filter(pk=event.pk).update(at=when)


def test_an_observer_reads_the_log_newest_first_with_before_and_after(cast: Any) -> None:
    record(cast["admin"], "roster.export", rows=3)
    record(
        cast["admin"],
        "accounts.flags_changed",
        cast["team"],
        is_staff={"before": False, "after": True},
    )
    response = cast.client("observer").get(reverse("audit:log"))
    assert response.status_code == 200
    assert _rows(response) == [("admin", "accounts.flags_changed"), ("admin", "roster.export")]
    body = response.content.decode()
    assert "is_staff: False → True" in body
    assert f"accounts.user {cast['team'].pk}" in body


def test_the_log_filters_by_action_actor_and_kind_of_record(cast: Any) -> None:
    record(cast["admin"], "roster.export", cast.world.union_a)
    record(cast["team"], "roster.export", cast["team"])
    record(cast["team"], "sheet.publish", cast["team"])
    client = cast.client("observer")

    def shown(**query: str) -> list[tuple[str, str]]:
        return _rows(client.get(reverse("audit:log"), query))

    assert shown(action="roster.export") == [("team", "roster.export"), ("admin", "roster.export")]
    assert shown(actor="TEAM") == [("team", "sheet.publish"), ("team", "roster.export")]
    assert shown(object_type="orgs.union") == [("admin", "roster.export")]
    assert shown(action="roster.export", object_type="accounts.user") == [("team", "roster.export")]


def test_the_log_filters_by_whole_days_in_the_sites_time_zone(cast: Any) -> None:
    late = record(cast["admin"], "late.on.the.first")
    early = record(cast["admin"], "early.on.the.second")
    _at(late, datetime(2026, 3, 1, 23, 30, tzinfo=CHICAGO))  # 05:30 on the 2nd in UTC
    _at(early, datetime(2026, 3, 2, 0, 30, tzinfo=CHICAGO))
    client = cast.client("observer")
    day = {"since": "2026-03-01", "until": "2026-03-01"}
    assert _rows(client.get(reverse("audit:log"), day)) == [("admin", "late.on.the.first")]
    from_second = {"since": "2026-03-02"}
    assert _rows(client.get(reverse("audit:log"), from_second)) == [
        ("admin", "early.on.the.second")
    ]
    backwards = client.get(reverse("audit:log"), {"since": "2026-03-02", "until": "2026-03-01"})
    assert _rows(backwards) == []
    assert "The first day comes after the last." in backwards.content.decode()


def test_the_log_shows_fifty_events_a_page(cast: Any) -> None:
    for n in range(60):
        record(None, f"event.{n:02d}")
    client = cast.client("observer")
    first = client.get(reverse("audit:log"), {"actor": "system"})
    assert len(first.context["page"]) == 50
    assert "actor=system&amp;page=2" in first.content.decode()
    second = client.get(reverse("audit:log"), {"actor": "system", "page": 2})
    assert [action for _, action in _rows(second)] == [f"event.{n:02d}" for n in range(9, -1, -1)]


def test_the_page_runs_the_same_queries_for_ten_events_or_a_hundred(
    cast: Any, django_assert_num_queries: Any
) -> None:
    client = cast.client("observer")
    client.get(reverse("audit:log"))  # the session's first request writes it
    # User, device, grants (the session is read from the cache); the two filters' choices; the
    # count; the page's rows.
    for n in range(10):
        record(cast["admin"], "roster.export", cast.world.union_a, union=cast.world.union_a, n=n)
    with django_assert_num_queries(7):
        assert client.get(reverse("audit:log")).status_code == 200
    for n in range(90):
        record(cast["admin"], "roster.export", cast.world.union_b, union=cast.world.union_b, n=n)
    with django_assert_num_queries(7):
        assert client.get(reverse("audit:log")).status_code == 200


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def test_an_observer_of_one_union_sees_only_that_unions_events(cast: Any) -> None:
    watcher = User.objects.create_user(username="watcher_a")
    RoleGrant.objects.create(user=watcher, role="observer", union=cast.world.union_a)
    record(cast["admin"], "roster.export", union=cast.world.union_a)
    record(cast["admin"], "roster.export", union=cast.world.union_b)
    record(cast["admin"], "auth.login")
    response = _signed_in(watcher).get(reverse("audit:log"))
    assert [e.union for e in response.context["page"]] == [cast.world.union_a]


def test_addresses_show_only_to_those_who_manage_accounts(cast: Any) -> None:
    AuditEvent.objects.create(actor_label="team", action="auth.login", ip="203.0.113.9")
    assert "203.0.113.9" in cast.client("admin").get(reverse("audit:log")).content.decode()
    assert "203.0.113.9" not in cast.client("observer").get(reverse("audit:log")).content.decode()


def test_the_staff_menu_links_the_log_only_for_those_who_may_read_it(cast: Any) -> None:
    link = f'href="{reverse("audit:log")}"'
    page = reverse("table:dashboard", args=[cast.world.negotiation.slug])
    assert link in cast.client("observer").get(page).content.decode()
    assert link in cast.client("admin").get(page).content.decode()
    assert link not in cast.client("team").get(page).content.decode()


def test_the_page_writes_nothing(cast: Any) -> None:
    record(cast["admin"], "roster.export")
    before = AuditEvent.objects.count()
    cast.client("observer").get(reverse("audit:log"), {"action": "roster.export"})
    assert AuditEvent.objects.count() == before


def test_an_hour_is_not_lost_at_a_days_edge(cast: Any) -> None:
    event = record(cast["admin"], "at.midnight")
    _at(event, datetime(2026, 3, 2, 0, 0, tzinfo=CHICAGO) - timedelta(microseconds=1))
    rows = _rows(cast.client("observer").get(reverse("audit:log"), {"until": "2026-03-01"}))
    assert rows == [("admin", "at.midnight")]
