"""Member pages from the cache: served to visitors who are not signed in, left behind the
moment an update is published or edited, never a signed-in member's page for another, and
each visitor given their own CSRF token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from caucus.updates.actions import do_save_update

pytestmark = pytest.mark.django_db


def _page(client: Any, update: Any) -> str:
    return client.get(update.get_absolute_url()).content.decode()


def test_the_update_page_comes_from_the_cache_until_the_update_is_edited(
    cast: Any, world: Any, update: Any, django_assert_num_queries: Any
) -> None:
    world.negotiation.is_public = True
    world.negotiation.save()
    assert "Strike vote coming" in _page(Client(), update)
    with django_assert_num_queries(0):
        assert "Strike vote coming" in _page(Client(), update)

    do_save_update(
        cast["comms"],
        update,
        negotiation=world.negotiation,
        title="Strike vote on Tuesday",
        slug=update.slug,
        summary=update.summary,
        body=update.body,
        language="en",
        to_whole_coalition=True,
    )
    assert "Strike vote on Tuesday" in _page(Client(), update)


def test_a_signed_in_members_page_is_never_the_cached_one_nor_cached_for_others(
    cast: Any, world: Any, update: Any
) -> None:
    world.negotiation.is_public = True
    world.negotiation.save()
    member_page = _page(cast.client("member_a"), update)
    assert "Sign out" in member_page
    anonymous = _page(Client(), update)
    assert "Sign out" not in anonymous
    assert "Sign out" in _page(cast.client("member_a"), update)


def test_each_visitor_of_a_cached_page_gets_a_csrf_token_of_their_own(
    world: Any, update: Any
) -> None:
    world.negotiation.is_public = True
    world.negotiation.save()
    pattern = re.compile(r'"X-CSRFToken": "([A-Za-z0-9]+)"')
    first, second = Client(), Client()
    token_one = pattern.search(_page(first, update)).group(1)
    response = second.get(update.get_absolute_url())
    token_two = pattern.search(response.content.decode()).group(1)
    assert token_one != token_two
    assert "csrftoken" in response.cookies  # the token belongs to this visitor's own cookie


def test_a_web_process_checks_for_edits_at_most_once_a_second_and_serves_hits_without_a_query(
    world: Any, update: Any, settings: Any, django_assert_num_queries: Any
) -> None:
    from caucus.delivery import pagecache

    settings.CAUCUS_PAGE_CACHE_CHECK_SECONDS = 1
    pagecache.PAGES.checked = 0.0
    world.negotiation.is_public = True
    world.negotiation.save()
    assert "Strike vote coming" in _page(Client(), update)
    with django_assert_num_queries(0):
        for _ in range(3):
            assert "Strike vote coming" in _page(Client(), update)
