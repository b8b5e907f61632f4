"""The roster's staff pages: who may see what, the list, a member, the export."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent

REFUSED = ["team", "comms", "observer", "outsider", "member_a"]


def assert_refused(response: Any) -> None:
    """Forbidden, or (for people with no second factor: outsider, member) sent to verify one."""
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:verify"))
    else:
        assert response.status_code == 403
    assert b"Mara" not in response.content


def test_anonymous_visitors_are_sent_to_sign_in_from_every_roster_page(cast: Any) -> None:
    member = cast.member_record
    for url in (
        reverse("members:list"),
        reverse("members:detail", args=[member.pk]),
        reverse("members:export"),
        reverse("members:import_start"),
    ):
        response = cast.client(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", REFUSED)
def test_people_without_the_roster_right_are_refused_the_list(cast: Any, name: str) -> None:
    assert_refused(cast.client(name).get(reverse("members:list")))


@pytest.mark.parametrize("name", REFUSED)
def test_people_without_the_roster_right_are_refused_a_member(cast: Any, name: str) -> None:
    url = reverse("members:detail", args=[cast.member_record.pk])
    assert_refused(cast.client(name).get(url))


@pytest.mark.parametrize("name", [*REFUSED, "organizer_a"])
def test_only_officers_and_admins_may_export(cast: Any, name: str) -> None:
    assert_refused(cast.client(name).get(reverse("members:export")))


def test_a_local_officer_sees_only_their_locals_members(cast: Any, world: Any) -> None:
    world.member(union=world.union_b, member_id="B-1", first_name="Bertha", last_name="Bee")
    page = cast.client("officer_a").get(reverse("members:list")).content.decode()
    assert "Mara" in page
    assert "Bertha" not in page


def test_a_coalition_admin_sees_every_locals_members(cast: Any, world: Any) -> None:
    world.member(union=world.union_b, member_id="B-1", first_name="Bertha", last_name="Bee")
    page = cast.client("admin").get(reverse("members:list")).content.decode()
    assert "Mara" in page
    assert "Bertha" in page


def test_an_organizer_may_view_their_locals_members(cast: Any) -> None:
    response = cast.client("organizer_a").get(
        reverse("members:detail", args=[cast.member_record.pk])
    )
    assert response.status_code == 200
    assert "Mara Member" in response.content.decode()


def test_another_locals_officer_gets_not_found_for_a_member(cast: Any) -> None:
    url = reverse("members:detail", args=[cast.member_record.pk])
    assert cast.client("officer_b").get(url).status_code == 404


def test_a_missing_member_is_not_found(cast: Any) -> None:
    assert cast.client("admin").get(reverse("members:detail", args=[99999])).status_code == 404


def test_an_employer_address_is_marked_in_words_on_the_member_page(cast: Any, world: Any) -> None:
    member = world.member(member_id="A-5", email="x@megacorp.example", email_is_employers=True)
    page = (
        cast.client("officer_a").get(reverse("members:detail", args=[member.pk])).content.decode()
    )
    assert "Employer's address — not used for union mail" in page


def test_the_list_searches_by_name(cast: Any, world: Any) -> None:
    world.member(member_id="A-2", first_name="Zelda", last_name="Zed")
    page = cast.client("officer_a").get(reverse("members:list"), {"q": "zelda"}).content.decode()
    assert "Zelda" in page
    assert "Mara" not in page


def test_the_list_filters_by_worksite(cast: Any, world: Any) -> None:
    world.member(member_id="A-2", first_name="Zelda", worksite=world.worksite_south)
    response = cast.client("admin").get(
        reverse("members:list"), {"worksite": world.worksite_south.pk}
    )
    page = response.content.decode()
    assert "Zelda" in page
    assert "Mara" not in page


def test_the_list_hides_people_no_longer_on_the_roster_unless_asked(cast: Any, world: Any) -> None:
    world.member(member_id="A-2", first_name="Gone", is_on_roster=False)
    client = cast.client("officer_a")
    assert "Gone" not in client.get(reverse("members:list")).content.decode()
    page = client.get(reverse("members:list"), {"former": "on"}).content.decode()
    assert "Gone" in page
    assert "No longer on roster" in page


def test_the_list_is_paginated(cast: Any, world: Any) -> None:
    for n in range(55):
        world.member(member_id=f"A-{n + 200}", last_name=f"Zz{n:02d}")
    client = cast.client("officer_a")
    assert "Page 1 of 2" in client.get(reverse("members:list")).content.decode()
    assert "Zz54" in client.get(reverse("members:list"), {"page": 2}).content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_costs_the_same_queries_for_any_number_of_members(
    cast: Any, world: Any, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        world.member(member_id=f"A-{n + 200}")
    client = cast.client("officer_a")
    # user, OTP device, role grants, count, page, four filter menus (the session is read from
    # the cache: SESSION_ENGINE is cached_db)
    with django_assert_num_queries(9):
        response = client.get(reverse("members:list"))
    assert response.status_code == 200


def test_export_gives_the_visible_roster_as_csv(cast: Any, world: Any) -> None:
    world.member(union=world.union_b, member_id="B-1", first_name="Bertha")
    response = cast.client("officer_a").get(reverse("members:export"))
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("Member ID,First name,Last name,Local")
    assert len(lines) == 2
    assert lines[1].startswith("A-100,Mara,Member,Local A")


def test_export_is_audit_logged(cast: Any, world: Any) -> None:
    response = cast.client("officer_a").get(reverse("members:export"))
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(action="roster.export")
    assert (event.actor, event.detail["rows"]) == (cast["officer_a"], 1)
