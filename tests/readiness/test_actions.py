"""Campaign actions: started by the team or an organizer, signed by members (their page, a
one-tap link) or on paper cards, and their results against the goal and the time to reach it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.readiness.access import members_at
from caucus.readiness.actions import (
    ReadinessError,
    do_assess,
    do_create_action,
    do_pledge,
    do_record_card,
)
from caucus.readiness.links import pledge_path, pledge_token
from caucus.readiness.models import CampaignAction, Pledge
from caucus.readiness.results import action_results

pytestmark = pytest.mark.django_db


def _pledge_drive(cast: Any, **fields: Any) -> CampaignAction:
    now = timezone.now()
    defaults: dict[str, Any] = {
        "title": "Strike pledge",
        "text": "I will strike if we have to.",
        "opens_at": now - timedelta(days=2),
        "closes_at": now + timedelta(days=5),
        "goal_percent": 67,
    }
    return do_create_action(cast["team"], cast.world.negotiation, **{**defaults, **fields})


def _form(**fields: Any) -> dict[str, Any]:
    return {
        "kind": "pledge",
        "title": "Strike pledge",
        "text": "I will strike if we have to.",
        "opens_at": "2026-05-01T09:00",
        "closes_at": "2026-05-15T21:00",
        "goal_percent": "67",
        "is_online": "on",
        **fields,
    }


def test_the_team_starts_a_strike_pledge_for_every_local(cast: Any) -> None:
    response = cast.client("team").post("/staff/readiness/national-2026/actions/new/", _form())
    action = CampaignAction.objects.get()
    assert response["Location"] == f"/staff/readiness/national-2026/actions/{action.pk}/"
    assert action.union is None
    assert (action.goal_percent, action.created_by) == (67, cast["team"])


def test_an_organizer_runs_actions_for_their_own_local_only(cast: Any) -> None:
    client = cast.client("organizer_a")
    page = client.get("/staff/readiness/national-2026/actions/new/").content.decode()
    assert "Every local at the table" not in page
    refused = client.post(
        "/staff/readiness/national-2026/actions/new/", _form(union=cast.world.union_b.pk)
    )
    assert refused.status_code == 400
    assert not CampaignAction.objects.exists()
    client.post(
        "/staff/readiness/national-2026/actions/new/",
        _form(union=cast.world.union_a.pk, kind="button_day"),
    )
    assert CampaignAction.objects.get().union == cast.world.union_a


def test_an_organizer_cannot_change_an_action_for_every_local(cast: Any) -> None:
    action = _pledge_drive(cast)
    assert (
        cast.client("organizer_a")
        .get(f"/staff/readiness/national-2026/actions/{action.pk}/edit/")
        .status_code
        == 404
    )


def test_a_window_that_closes_before_it_opens_is_refused(cast: Any) -> None:
    response = cast.client("team").post(
        "/staff/readiness/national-2026/actions/new/", _form(closes_at="2026-04-01T09:00")
    )
    assert response.status_code == 400
    assert "The window must close after it opens." in response.content.decode()


def test_a_member_adds_their_name_from_their_page_with_one_tap(cast: Any) -> None:
    action = _pledge_drive(cast)
    client = cast.client("member_a")
    page = client.get("/n/national-2026/pledge/").content.decode()
    assert "Strike pledge" in page
    assert "Add my name" in page
    response = client.post("/n/national-2026/pledge/", {"action": action.pk})
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.member, pledge.channel) == (cast.member_record, "online")
    assert "Your name is on it." in client.get("/n/national-2026/pledge/").content.decode()


def test_the_one_tap_link_records_nothing_until_the_member_taps(cast: Any) -> None:
    action = _pledge_drive(cast)
    path = pledge_path(cast.member_record.pk, action)
    client = cast.client(None)
    page = client.get(path).content.decode()
    assert "Add my name (Mara)" in page
    assert not Pledge.objects.exists()
    assert client.post(path).status_code == 302
    assert Pledge.objects.get().channel == "link"
    assert "Thank you, Mara: your name is on it." in client.get(path).content.decode()


def test_a_one_tap_link_to_a_paper_only_action_says_where_to_sign_and_takes_nothing(
    cast: Any,
) -> None:
    action = _pledge_drive(cast, is_online=False)
    path = pledge_path(cast.member_record.pk, action)
    client = cast.client(None)
    page = client.get(path).content.decode()
    assert "signed on paper, not online: ask your steward or organizer for the sheet." in page
    assert "not open now" not in page
    assert "Add my name" not in page
    client.post(path)
    assert not Pledge.objects.exists()


def test_a_link_made_up_or_changed_by_hand_is_refused(cast: Any) -> None:
    action = _pledge_drive(cast)
    real = pledge_token(cast.member_record.pk, action.pk)
    client = cast.client(None)
    assert client.get(f"/n/national-2026/pledge/{real[:-2]}xx/").status_code == 404
    assert client.post(f"/n/national-2026/pledge/{real}x/").status_code == 404
    assert not Pledge.objects.exists()


def test_a_closed_action_takes_no_pledge(cast: Any) -> None:
    now = timezone.now()
    action = _pledge_drive(
        cast, opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    path = pledge_path(cast.member_record.pk, action)
    client = cast.client(None)
    assert "This action is not open now." in client.get(path).content.decode()
    assert client.post(path).status_code == 400
    assert not Pledge.objects.exists()


def test_taking_part_twice_counts_once(cast: Any) -> None:
    action = _pledge_drive(cast)
    first = do_pledge(cast["member_a"], action, cast.member_record, channel="online")
    again = do_pledge(None, action, cast.member_record, channel="link")
    assert first.pk == again.pk
    assert Pledge.objects.count() == 1


def test_an_organizer_records_a_paper_card_dated_the_day_it_was_signed(
    local: Any, cast: Any
) -> None:
    action = _pledge_drive(cast)
    yesterday = timezone.localdate() - timedelta(days=1)
    client = cast.client("organizer_a")
    response = client.post(
        f"/staff/readiness/national-2026/actions/{action.pk}/cards/",
        {"member_id": "a-2", "card_number": "0042", "signed_on": yesterday.isoformat()},
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.member, pledge.channel, pledge.card_number) == (local.store_1[1], "card", "0042")
    assert timezone.localtime(pledge.signed_at).date() == yesterday
    assert pledge.recorded_by == cast["organizer_a"]
    assert "Card recorded: Ben Brooks." in client.get(response["Location"]).content.decode()


def test_a_card_for_someone_who_already_signed_says_so(local: Any, cast: Any) -> None:
    action = _pledge_drive(cast)
    do_pledge(None, action, local.store_1[1], channel="link")
    response = cast.client("organizer_a").post(
        f"/staff/readiness/national-2026/actions/{action.pk}/cards/", {"member_id": "A-2"}
    )
    assert response.status_code == 400
    assert (
        "Ben Brooks already took part in “Strike pledge” (one-tap link" in response.content.decode()
    )


def test_an_organizer_cannot_record_another_locals_card(local: Any, cast: Any) -> None:
    action = _pledge_drive(cast)
    response = cast.client("organizer_a").post(
        f"/staff/readiness/national-2026/actions/{action.pk}/cards/", {"member_id": "B-1"}
    )
    assert "No member B-1 this action is for." in response.content.decode()
    assert not Pledge.objects.exists()


def test_a_member_of_another_local_cannot_sign_a_locals_action(local: Any, cast: Any) -> None:
    action = _pledge_drive(cast, union=cast.world.union_a)
    with pytest.raises(ReadinessError, match="for Local A only"):
        do_pledge(None, action, local.union_b[0], channel="link")


def test_results_give_each_worksite_its_goal_and_the_time_it_took_to_reach_it(
    local: Any, cast: Any
) -> None:
    action = _pledge_drive(cast, union=cast.world.union_a)
    opened = action.opens_at
    # Store 1: six members (five plus Mara), goal 67% of 6 = 4.02 -> 5. Store 2: two, goal 2.
    for hours, member in zip((1, 3, 5, 30), local.store_1, strict=False):
        do_record_card(
            cast["organizer_a"], action, member, signed_at=opened + timedelta(hours=hours)
        )
    do_record_card(
        cast["organizer_a"], action, cast.member_record, signed_at=opened + timedelta(hours=40)
    )
    for hours, member in zip((2, 4), local.store_2, strict=True):
        do_record_card(
            cast["organizer_a"], action, member, signed_at=opened + timedelta(hours=hours)
        )
    results = action_results(
        action, members_at(cast["organizer_a"], cast.world.negotiation, "readiness.assess")
    )
    by_site = {g.label: g for g in results.groups["worksite"]}
    store_1, store_2 = by_site["Store 1"], by_site["Store 2"]
    assert (store_1.members, store_1.goal, store_1.pledged) == (6, 5, 5)
    assert results.time_to_goal(store_1) == timedelta(hours=40)  # the fifth card
    assert (store_2.members, store_2.goal) == (2, 2)
    assert results.time_to_goal(store_2) == timedelta(hours=4)
    # All of union A: 8 members, goal 6; the sixth pledge came at 30 hours.
    assert (results.total.members, results.total.goal) == (8, 6)
    assert results.time_to_goal(results.total) == timedelta(hours=30)


def test_a_worksite_behind_goal_is_named_and_projected_at_its_pace(local: Any, cast: Any) -> None:
    action = _pledge_drive(cast)
    do_record_card(
        cast["organizer_a"],
        action,
        local.store_1[0],
        signed_at=action.opens_at + timedelta(hours=1),
    )
    page = (
        cast.client("team")
        .get(f"/staff/readiness/national-2026/actions/{action.pk}/")
        .content.decode()
    )
    assert "2 worksites behind the goal: Store 2 (0%), Store 1 (12%)" in page
    assert "at this pace" in page


def test_the_action_page_gives_results_by_local_unit_and_shift(local: Any, cast: Any) -> None:
    import html
    import re

    action = _pledge_drive(cast)
    for member in local.store_1:
        do_assess(cast["organizer_a"], member, 2, shift="night")
    for member in (*local.store_1[:2], local.union_b[0]):
        do_pledge(None, action, member, channel="link")
    response = cast.client("team").get(f"/staff/readiness/national-2026/actions/{action.pk}/")
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.unescape(response.content.decode())))
    # Union A: eight members in its Stores unit, five on nights (Store 1's five), two signed;
    # union B: two members, one signed. Mara and Store 2's two have no shift known yet.
    for heading in ("By local", "By worksite", "By unit", "By shift"):
        assert heading in words
    assert "Local A 8 2 25%" in words
    assert "Local A Stores 8 2 25%" in words
    assert "Local B Stores 2 1 50%" in words
    assert "Night 5 2 40%" in words
    assert "Not known 5 1 20%" in words


def test_an_organizer_sees_results_among_their_own_locals_members_only(
    local: Any, cast: Any
) -> None:
    action = _pledge_drive(cast)
    for member in local.union_b:
        do_pledge(None, action, member, channel="link")
    page = (
        cast.client("organizer_a")
        .get(f"/staff/readiness/national-2026/actions/{action.pk}/")
        .content.decode()
    )
    assert "Local B" not in page
    assert "<strong>0</strong> took part, of 8" in page


def test_a_member_sees_their_pledges_and_never_an_assessment(cast: Any) -> None:
    _pledge_drive(cast)
    do_assess(cast["organizer_a"], cast.member_record, 5, note="Hostile to the union")
    page = cast.client("member_a").get("/n/national-2026/pledge/").content.decode()
    assert "Hostile" not in page
    assert "5 · Opposed" not in page
    assert "Opposed" not in page
