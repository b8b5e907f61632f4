"""The wall chart: per worksite and unit, latest assessments and actions, leaders and their
ratio, who has not been talked to; and the audited phone-bank export of one's own local."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.audit.models import AuditEvent
from caucus.readiness.actions import do_assess, do_create_action, do_record_card, do_set_leader

pytestmark = pytest.mark.django_db

URL = "/staff/readiness/national-2026/wall-chart/"
# Sign-in (user, second factor, grants: 3; the session is read from the cache), the table and its
# unions (2), the filters (worksites and units listed, the worksite chosen checked, both drawn: 5),
# the actions (1), the groups and their pledges (2), the page of members (count, rows, their
# pledges: 3), the locals to export (1).
QUERIES = 17


def _pledge(cast: Any) -> Any:
    now = timezone.now()
    return do_create_action(
        cast["team"],
        cast.world.negotiation,
        title="Strike pledge",
        text="I will strike.",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=3),
    )


def _organized(local: Any, cast: Any) -> Any:
    """Store 1: Ana a leader at 1, Ben 2, Chen 3, Dara 5 (talked to 40 days ago); Ana signed."""
    ana, ben, chen, dara, _ = local.store_1
    organizer = cast["organizer_a"]
    do_assess(organizer, ana, 1)
    do_assess(organizer, ben, 2)
    do_assess(organizer, chen, 3)
    do_assess(organizer, dara, 5, at=timezone.now() - timedelta(days=40))
    do_set_leader(organizer, ana, True)
    action = _pledge(cast)
    do_record_card(organizer, action, ana)
    return action


def test_each_worksite_and_unit_shows_its_levels_leaders_and_who_was_not_talked_to(
    local: Any, cast: Any
) -> None:
    _organized(local, cast)
    page = cast.client("organizer_a").get(URL).content.decode()
    # Store 1, union A's stores: six members (Mara too), one leader: 1 per 6, 1 more needed? No:
    # ceil(6 / 10) = 1 leader is enough. 1–2: Ana and Ben; 3: Chen; 4–5: Dara; not assessed: 2;
    # not talked to in 30 days: Dara, Eli, Mara; signed: 1 of 6 (17%).
    row = page.split('<a href="?worksite=')[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    assert cells == ["Stores", "6", "1", "6", "2", "1", "1", "2", "3", "1 (17%)"]
    assert "1 group without a leader" in page  # Store 2


def test_a_worksite_lists_its_members_leaders_first_with_their_latest_level_and_actions(
    local: Any, cast: Any
) -> None:
    _organized(local, cast)
    page = (
        cast.client("organizer_a").get(URL, {"worksite": cast.world.worksite.pk}).content.decode()
    )
    assert page.index("Alvarez, Ana") < page.index("Brooks, Ben") < page.index("Cho, Chen")
    assert "★ Leader" in page
    assert "5 · Opposed" in page
    assert '✓ <span class="visually-hidden">took part</span>' in page


def test_not_talked_to_in_n_days_lists_only_those(local: Any, cast: Any) -> None:
    _organized(local, cast)
    page = (
        cast.client("organizer_a")
        .get(URL, {"worksite": cast.world.worksite.pk, "days": 30})
        .content.decode()
    )
    members = page.split('id="members-heading"')[1]
    assert "Diaz, Dara" in members
    assert "Evans, Eli" in members
    assert "Alvarez, Ana" not in members
    assert "3 members; leaders first." in members


def test_union_bs_officer_never_sees_union_as_members_or_counts(local: Any, cast: Any) -> None:
    _organized(local, cast)
    page = cast.client("officer_b").get(URL, {"worksite": cast.world.worksite.pk}).content.decode()
    assert "Alvarez" not in page
    assert "Bee1, Bo" in page
    assert "2 members, 0 worksite leaders" in page


def test_the_chart_asks_the_same_number_of_queries_for_a_bigger_local(
    local: Any, cast: Any, django_assert_num_queries: Any
) -> None:
    _organized(local, cast)
    client = cast.client("organizer_a")
    client.get(URL)  # the session and the second factor, checked once
    with django_assert_num_queries(QUERIES):
        client.get(URL, {"worksite": cast.world.worksite.pk})
    for n in range(40):
        member = cast.world.member(member_id=f"X-{n}", last_name=f"Extra{n}")
        do_assess(cast["organizer_a"], member, 1 + n % 5)
    with django_assert_num_queries(QUERIES):
        client.get(URL, {"worksite": cast.world.worksite.pk})


def _export(cast: Any, who: str = "organizer_a", **params: Any) -> Any:
    return cast.client(who).get(f"{URL}phone-bank.csv", params)


def _rows(response: Any) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_the_phone_bank_export_is_the_organizers_own_local_and_is_audited(
    local: Any, cast: Any
) -> None:
    _organized(local, cast)
    response = _export(cast, days=30)
    rows = _rows(response)
    assert {r["Last name"] for r in rows} == {"Diaz", "Evans", "Store6", "Store7", "Member"}
    assert all(r["Local"] == "Local A" for r in rows)
    event = AuditEvent.objects.get(action="readiness.export")
    assert (event.actor, event.union, event.detail["rows"]) == (
        cast["organizer_a"],
        cast.world.union_a,
        5,
    )


def test_the_export_gives_a_one_tap_link_to_those_who_have_not_signed(
    local: Any, cast: Any
) -> None:
    _organized(local, cast)
    rows = {r["First name"]: r for r in _rows(_export(cast))}
    assert rows["Ana"]["Signed the pledge"] == "yes"
    assert rows["Ana"]["One-tap pledge link"] == ""
    assert rows["Ben"]["One-tap pledge link"].startswith(
        "http://127.0.0.1:8000/n/national-2026/pledge/"
    )
    assert (
        cast.client(None)
        .get(rows["Ben"]["One-tap pledge link"].removeprefix("http://127.0.0.1:8000"))
        .status_code
        == 200
    )


def test_export_cells_that_would_run_as_formulas_stay_text(local: Any, cast: Any) -> None:
    cast.world.member(
        member_id="A-66", first_name='=HYPERLINK("http://x")', last_name="Evil", phone="+1 555"
    )
    rows = {r["Last name"]: r for r in _rows(_export(cast))}
    assert rows["Evil"]["First name"] == '\'=HYPERLINK("http://x")'
    assert rows["Evil"]["Phone"] == "'+1 555"


def test_an_officer_reads_the_chart_but_cannot_export_it(local: Any, cast: Any) -> None:
    assert cast.client("officer_a").get(URL).status_code == 200
    assert _export(cast, "officer_a").status_code == 403
    assert not AuditEvent.objects.filter(action="readiness.export").exists()


def test_an_admin_exports_one_local_at_a_time(local: Any, cast: Any) -> None:
    response = _export(cast, "admin")
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="readiness.export").exists()
    rows = _rows(_export(cast, "admin", union=cast.world.union_b.pk))
    assert {r["Local"] for r in rows} == {"Local B"}
