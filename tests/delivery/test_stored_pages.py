"""Member pages stored as rendered for everyone who would be shown the same page (a signed-in
member of one union, or anyone not signed in past the page cache): an edit shows at once, a
member never gets a page stored for another union, another language or another member's pay,
staff and pending messages are rendered for them, and each visitor's forms carry their own
CSRF token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caucus.accounts.models import User
from caucus.costing.actions import do_publish
from caucus.updates.actions import do_save_update
from caucus.updates.models import UpdateTranslation
from tests.costing.helpers import finished_run

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def _queries(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _member_of(world: Any, union: Any, member_id: str, **fields: Any) -> Client:
    member = world.member(union, member_id=member_id, **fields)
    member.user = User.objects.create_user(username=member_id.lower(), email=member.email)
    member.save()
    client = Client()
    client.force_login(member.user)
    return client


def _edit(cast: Any, update: Any, title: str, **fields: Any) -> None:
    values = {"to_whole_coalition": True, **fields}
    do_save_update(
        cast["comms"], update, negotiation=update.negotiation, title=title, slug=update.slug,
        summary=update.summary, body=update.body, language="en", **values,
    )  # fmt: skip


def test_a_members_next_visit_is_the_stored_page_and_an_edit_shows_at_once(
    cast: Any, public: Any, update: Any
) -> None:
    member = cast.client("member_a")
    first, rendering = _queries(member, update.get_absolute_url())
    again, stored = _queries(member, update.get_absolute_url())
    assert "Strike vote coming" in first
    assert again == first.replace(TOKEN.search(first).group(1), TOKEN.search(again).group(1))
    assert stored < rendering  # only who the member is: session, user, roles, roster row
    _edit(cast, update, "Strike vote on Tuesday")
    assert "Strike vote on Tuesday" in member.get(update.get_absolute_url()).content.decode()
    assert "Strike vote on Tuesday" in member.get("/").content.decode()


def test_a_member_of_another_union_never_gets_the_page_stored_for_local_a(
    cast: Any, public: Any, update: Any
) -> None:
    _edit(cast, update, "For Local A only", to_whole_coalition=False, unions=[public.union_a])
    home_a = cast.client("member_a").get("/").content.decode()
    assert "For Local A only" in home_a
    assert "Signed in as a member of Local A" in home_a
    member_b = _member_of(public, public.union_b, "B-200")
    home_b = member_b.get("/").content.decode()
    assert "For Local A only" not in home_b
    assert "Signed in as a member of Local B" in home_b
    assert member_b.get(update.get_absolute_url()).status_code == 404
    assert "For Local A only" not in Client().get("/?uncached=1").content.decode()
    assert "For Local A only" in cast.client("member_a").get("/").content.decode()


def test_a_member_who_reads_spanish_never_gets_the_english_page_stored_for_another(
    cast: Any, public: Any, update: Any
) -> None:
    english = cast.client("member_a").get(update.get_absolute_url())
    spanish = _member_of(public, public.union_a, "A-300", language="es").get(
        update.get_absolute_url()
    )
    assert '<html lang="en">' in english.content.decode()
    assert spanish["Content-Language"] == "es"
    assert '<html lang="es">' in spanish.content.decode()


def test_a_member_who_prefers_spanish_updates_never_gets_the_english_text_stored_for_another(
    cast: Any, public: Any, update: Any
) -> None:
    UpdateTranslation.objects.create(
        update=update, language="es", title="Se viene la votación de huelga", body="Martes."
    )
    english = cast.client("member_a").get(update.get_absolute_url()).content.decode()
    other = _member_of(public, public.union_a, "A-600")
    User.objects.filter(username="a-600").update(preferred_language="es")
    spanish = other.get(update.get_absolute_url()).content.decode()
    assert "Strike vote coming" in english
    assert "Se viene la votación de huelga" in spanish
    assert (
        "Se viene la votación de huelga"
        not in cast.client("member_a").get(update.get_absolute_url()).content.decode()
    )


def test_staff_are_rendered_their_own_page_and_members_never_get_it(
    cast: Any, public: Any, update: Any
) -> None:
    staff = cast.client("comms")
    for _ in range(2):
        assert ">Staff</a>" in staff.get("/").content.decode()
    member_home = cast.client("member_a").get("/").content.decode()
    assert ">Staff</a>" not in member_home
    assert ">Take part</a>" in member_home
    assert ">Take part</a>" not in Client().get("/?uncached=1").content.decode()


def test_each_member_gets_their_own_csrf_token_and_changes_language_with_it(
    cast: Any, public: Any, update: Any
) -> None:
    first = TOKEN.search(cast.client("member_a").get("/").content.decode()).group(1)
    other = _member_of(public, public.union_a, "A-400")
    page = other.get("/").content.decode()
    token = TOKEN.search(page).group(1)
    assert token != first
    other.handler.enforce_csrf_checks = True
    answer = other.post(
        reverse("set_language"), {"language": "es", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
    assert '<html lang="es">' in other.get("/").content.decode()


def test_a_pending_message_is_shown_on_the_page_not_lost_to_the_stored_one(
    cast: Any, public: Any, update: Any
) -> None:
    member = cast.client("member_a")
    member.get("/")
    member.get("/")
    storage = CookieStorage(RequestFactory().get("/"))
    encoded = storage._encode([Message(constants.SUCCESS, "Your choices are saved.")])
    member.cookies["messages"] = encoded
    assert "Your choices are saved." in member.get("/").content.decode()
    assert "Your choices are saved." not in member.get("/").content.decode()


def test_what_it_means_shows_each_signed_in_member_their_own_pay_never_anothers(
    cast: Any, public: Any
) -> None:
    do_publish(cast["team"], finished_run(cast, public), "")
    url = reverse("costing_site:what_it_means", args=[public.negotiation.slug])
    assert "For you, Mara" in cast.client("member_a").get(url).content.decode()
    other = _member_of(public, public.union_a, "A-500", first_name="Olu")
    page = other.get(url).content.decode()
    assert "For you, Olu" in page
    assert "Mara" not in page
    assert "For you" not in Client().get(url + "?uncached=1").content.decode()
