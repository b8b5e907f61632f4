"""Assessing members from a phone: search, tap, next; the history kept, the latest counting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.audit.models import AuditEvent
from caucus.readiness.actions import ReadinessError, do_assess
from caucus.readiness.models import Assessment, MemberReadiness

pytestmark = pytest.mark.django_db


def _find(cast: Any, who: str, **params: Any) -> Any:
    return cast.client(who).get("/staff/readiness/national-2026/assess/", params)


def test_organizer_finds_the_members_of_the_worksite_they_are_at(local: Any, cast: Any) -> None:
    response = _find(cast, "organizer_a", worksite=cast.world.worksite.pk)
    text = response.content.decode()
    assert "Alvarez, Ana" in text
    assert "Evans, Eli" in text
    assert "Store2, Fay" not in text  # at Store 2
    assert "Bee1" not in text  # union B's


def test_the_search_narrows_by_name_and_answers_htmx_with_the_results_alone(
    local: Any, cast: Any
) -> None:
    response = cast.client("organizer_a").get(
        "/staff/readiness/national-2026/assess/", {"q": "diaz"}, headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert "Diaz, Dara" in text
    assert "Alvarez" not in text
    assert "<html" not in text


def test_an_organizer_never_finds_another_locals_members(local: Any, cast: Any) -> None:
    response = _find(cast, "organizer_a", q="Bee1")
    assert "No member matches." in response.content.decode()


def test_tapping_a_level_saves_it_and_opens_the_next_member_at_the_worksite(
    local: Any, cast: Any
) -> None:
    ana, ben = local.store_1[0], local.store_1[1]
    client = cast.client("organizer_a")
    url = f"/staff/readiness/national-2026/assess/{ana.pk}/"
    response = client.post(
        url, {"what": "assess", "level": "2", "shift": "night", "at": ana.worksite_id}
    )
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/staff/readiness/national-2026/assess/{ben.pk}/?at={ana.worksite_id}"
    )
    state = MemberReadiness.objects.get(member=ana)
    assert (state.level, state.shift, state.assessed_by) == (2, "night", cast["organizer_a"])
    page = client.get(response["Location"]).content.decode()
    assert "Saved: Ana Alvarez, 2 · Supporter." in page
    assert "Ben Brooks" in page


def test_next_skips_members_talked_to_lately_and_comes_back_round(local: Any, cast: Any) -> None:
    ana, ben, chen, dara, eli = local.store_1
    for member in (ben, chen, dara, eli, cast.member_record):
        do_assess(cast["organizer_a"], member, 3)
    client = cast.client("organizer_a")
    response = client.post(f"/staff/readiness/national-2026/assess/{chen.pk}/", {"level": "1"})
    # Everyone else at Store 1 was talked to today; Ana is the one left, from the top.
    assert response["Location"].startswith(f"/staff/readiness/national-2026/assess/{ana.pk}/")


def test_when_everyone_has_been_talked_to_the_organizer_goes_back_to_the_list(
    local: Any, cast: Any
) -> None:
    for member in [*local.store_1, cast.member_record]:
        do_assess(cast["organizer_a"], member, 2)
    client = cast.client("organizer_a")
    response = client.post(
        f"/staff/readiness/national-2026/assess/{local.store_1[0].pk}/", {"level": "1"}
    )
    assert (
        response["Location"]
        == f"/staff/readiness/national-2026/assess/?worksite={cast.world.worksite.pk}"
    )
    assert (
        "Everyone at this worksite has been talked to lately."
        in client.get(response["Location"]).content.decode()
    )


def test_no_level_tapped_is_refused_with_words(local: Any, cast: Any) -> None:
    ana = local.store_1[0]
    response = cast.client("organizer_a").post(
        f"/staff/readiness/national-2026/assess/{ana.pk}/", {"what": "assess"}
    )
    assert response.status_code == 400
    assert "Tap a level from 1 to 5." in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_level_outside_the_scale_is_refused(local: Any, cast: Any) -> None:
    with pytest.raises(ReadinessError, match="from 1 to 5"):
        do_assess(cast["organizer_a"], local.store_1[0], 6)


def test_the_latest_assessment_counts_and_the_history_keeps_every_one(
    local: Any, cast: Any
) -> None:
    ana = local.store_1[0]
    do_assess(
        cast["organizer_a"],
        ana,
        4,
        at=timezone.now() - timedelta(days=20),
        note="Worried about rent",
    )
    do_assess(cast["admin"], ana, 2)
    assert MemberReadiness.objects.get(member=ana).level == 2
    page = (
        cast.client("officer_a")
        .get(f"/staff/readiness/national-2026/members/{ana.pk}/")
        .content.decode()
    )
    assert page.index("2 · Supporter") < page.index("4 · Leaning against")
    assert "Worried about rent" in page


def test_an_older_conversation_joins_the_history_but_the_latest_still_counts(
    local: Any, cast: Any
) -> None:
    ana = local.store_1[0]
    do_assess(cast["organizer_a"], ana, 2)
    older = do_assess(cast["organizer_a"], ana, 5, at=timezone.now() - timedelta(days=3))
    state = MemberReadiness.objects.get(member=ana)
    assert state.level == 2
    assert state.first_assessed_at == older.assessed_at
    assert older.previous_level == 5  # it moves nothing on the chart
    assert Assessment.objects.filter(member=ana).count() == 2


def test_the_audit_log_says_who_assessed_whom_but_never_the_level(local: Any, cast: Any) -> None:
    ana = local.store_1[0]
    do_assess(cast["organizer_a"], ana, 5)
    event = AuditEvent.objects.get(action="readiness.assess")
    assert (event.actor, event.object_id, event.union) == (
        cast["organizer_a"],
        str(ana.pk),
        cast.world.union_a,
    )
    assert "5" not in str(event.detail)


def test_an_organizer_cannot_open_another_locals_member(local: Any, cast: Any) -> None:
    bo = local.union_b[0]
    client = cast.client("organizer_a")
    assert client.get(f"/staff/readiness/national-2026/assess/{bo.pk}/").status_code == 404
    assert (
        client.post(f"/staff/readiness/national-2026/assess/{bo.pk}/", {"level": "1"}).status_code
        == 404
    )
    assert not Assessment.objects.exists()


def test_union_bs_officer_sees_nothing_of_union_as_members_history(local: Any, cast: Any) -> None:
    do_assess(cast["organizer_a"], local.store_1[0], 1)
    response = cast.client("officer_b").get(
        f"/staff/readiness/national-2026/members/{local.store_1[0].pk}/"
    )
    assert response.status_code == 404


def test_an_organizer_designates_a_worksite_leader(local: Any, cast: Any) -> None:
    ana = local.store_1[0]
    client = cast.client("organizer_a")
    url = f"/staff/readiness/national-2026/assess/{ana.pk}/"
    response = client.post(url, {"what": "leader", "is_leader": "on"})
    assert response.status_code == 302
    assert MemberReadiness.objects.get(member=ana).is_leader
    assert "★ Worksite leader" in client.get(url).content.decode()
    assert not Assessment.objects.exists()  # designating is not a conversation
