"""Who sees which update: coalition-wide updates are public; union-targeted updates only for
signed-in members of those unions and staff; drafts for no one on the member site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.site.factories import make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def updates(world: Any) -> dict[str, Any]:
    return {
        "public": make_update(world, "Coalition news"),
        "for_a": make_update(world, "Local A meeting", unions=[world.union_a]),
        "for_b": make_update(world, "Local B meeting", unions=[world.union_b]),
        "draft": make_update(world, "Unfinished draft", published=False),
    }


def _member_b_client(world: Any) -> Client:
    from caucus.accounts.models import User

    member = world.member(union=world.union_b, member_id="B-7")
    member.user = User.objects.create_user(username="member_b")
    member.save()
    client = Client()
    client.force_login(member.user)
    return client


def _home(client: Client) -> str:
    return client.get(reverse("site:home")).content.decode()


def test_anonymous_visitors_see_only_published_coalition_wide_updates(
    cast: Any, updates: Any
) -> None:
    page = _home(cast.client(None))
    assert "Coalition news" in page
    assert "Local A meeting" not in page
    assert "Local B meeting" not in page
    assert "Unfinished draft" not in page


def test_a_draft_is_not_found_on_the_member_site(cast: Any, updates: Any) -> None:
    for name in (None, "member_a", "comms"):
        assert cast.client(name).get(updates["draft"].get_absolute_url()).status_code == 404


def test_an_update_scheduled_for_later_is_not_shown_yet(cast: Any, world: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    later = make_update(world, "Tomorrow's news", published_at=timezone.now() + timedelta(days=1))
    assert cast.client(None).get(later.get_absolute_url()).status_code == 404


def test_anonymous_visitors_cannot_open_a_union_targeted_update(cast: Any, updates: Any) -> None:
    assert cast.client(None).get(updates["for_a"].get_absolute_url()).status_code == 404


def test_a_signed_in_member_sees_their_unions_updates_too(cast: Any, updates: Any) -> None:
    client = cast.client("member_a")
    page = _home(client)
    assert "Coalition news" in page
    assert "Local A meeting" in page
    assert "For members of Local A" in page
    assert "Local B meeting" not in page
    assert client.get(updates["for_a"].get_absolute_url()).status_code == 200


def test_a_member_of_another_union_cannot_open_it(cast: Any, world: Any, updates: Any) -> None:
    client = _member_b_client(world)
    assert client.get(updates["for_a"].get_absolute_url()).status_code == 404
    assert "Local B meeting" in _home(client)


def test_a_signed_in_person_who_is_not_a_member_sees_only_public_updates(
    cast: Any, updates: Any
) -> None:
    client = cast.client("outsider")
    assert "Local A meeting" not in _home(client)
    assert client.get(updates["for_a"].get_absolute_url()).status_code == 404


def test_staff_see_targeted_updates_of_their_unions(cast: Any, updates: Any) -> None:
    assert "Local A meeting" in _home(cast.client("comms"))
    officer_a = cast.client("officer_a")
    assert officer_a.get(updates["for_a"].get_absolute_url()).status_code == 200
    assert officer_a.get(updates["for_b"].get_absolute_url()).status_code == 404


def test_a_member_dropped_from_the_roster_loses_union_updates(cast: Any, updates: Any) -> None:
    cast.member_record.is_on_roster = False
    cast.member_record.save()
    assert cast.client("member_a").get(updates["for_a"].get_absolute_url()).status_code == 404


def test_anonymous_visitors_are_invited_to_sign_in(cast: Any, updates: Any) -> None:
    page = _home(cast.client(None))
    assert "Members: sign in" in page
    assert reverse("member_signin:link") in page


def test_a_signed_in_member_is_told_which_local_they_see(cast: Any, updates: Any) -> None:
    page = _home(cast.client("member_a"))
    assert "Signed in as a member of Local A" in page
    assert "Members: sign in" not in page


def test_the_updates_page_lists_what_the_reader_may_see(cast: Any, updates: Any) -> None:
    url = reverse("site:updates", args=[cast.world.negotiation.slug])
    anonymous = cast.client(None).get(url).content.decode()
    assert "Coalition news" in anonymous
    assert "Local A meeting" not in anonymous
    assert "Local A meeting" in cast.client("member_a").get(url).content.decode()


def test_a_negotiation_that_is_not_public_is_not_found(cast: Any, world: Any) -> None:
    world.negotiation.is_public = False
    world.negotiation.save()
    url = reverse("site:negotiation", args=[world.negotiation.slug])
    assert cast.client(None).get(url).status_code == 404
    assert "Nothing is published yet" in _home(cast.client(None))


def test_an_update_can_be_read_in_its_translations(cast: Any, updates: Any) -> None:
    from caucus.updates.models import UpdateTranslation

    UpdateTranslation.objects.create(
        update=updates["public"], language="es", title="Noticias", body="Hola **miembros**"
    )
    client = cast.client(None)
    original = client.get(updates["public"].get_absolute_url()).content.decode()
    assert "Coalition news" in original
    assert 'href="?lang=es"' in original
    spanish = client.get(updates["public"].get_absolute_url() + "?lang=es").content.decode()
    assert "Noticias" in spanish
    assert "Hola <strong>miembros</strong>" in spanish
    assert 'lang="es"' in spanish


def test_a_member_reads_in_their_preferred_language_when_there_is_one(
    cast: Any, updates: Any
) -> None:
    from caucus.updates.models import UpdateTranslation

    UpdateTranslation.objects.create(
        update=updates["public"], language="vi", title="Tin tức", body="Xin chào"
    )
    cast["member_a"].preferred_language = "vi"
    cast["member_a"].save()
    page = cast.client("member_a").get(updates["public"].get_absolute_url()).content.decode()
    assert "Tin tức" in page


def test_the_home_page_costs_a_fixed_number_of_queries(
    cast: Any, world: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        make_update(world, f"Public news {n}")
        make_update(world, f"Local A news {n}", unions=[world.union_a, world.union_b])
    # One of them asks whether a costing is published (the "what it means for me" link), one
    # when the next update published for a later time appears (the page is kept until then).
    with django_assert_max_num_queries(12):
        assert cast.client(None).get(reverse("site:home")).status_code == 200
    member = cast.client("member_a")
    # One more for a signed-in member: their roster language (caucus.site.languages).
    with django_assert_max_num_queries(18):
        assert "Local A news 11" in member.get(reverse("site:home")).content.decode()
