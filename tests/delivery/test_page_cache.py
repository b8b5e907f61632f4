"""Member pages from the cache: served to visitors who are not signed in, left behind the
moment an update is published or edited, never a signed-in member's page for another, and
each visitor given their own CSRF token."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import time as dt_time
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from caucus.updates.actions import do_save_update
from tests.site.factories import make_update

pytestmark = pytest.mark.django_db


def _page(client: Any, update: Any) -> str:
    return client.get(update.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("public")
def test_the_update_page_comes_from_the_cache_until_the_update_is_edited(
    cast: Any, world: Any, update: Any, django_assert_num_queries: Any
) -> None:
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


@pytest.mark.usefixtures("public")
def test_a_signed_in_members_page_is_never_the_cached_one_nor_cached_for_others(
    cast: Any, world: Any, update: Any
) -> None:
    member_page = _page(cast.client("member_a"), update)
    assert "Sign out" in member_page
    anonymous = _page(Client(), update)
    assert "Sign out" not in anonymous
    assert "Sign out" in _page(cast.client("member_a"), update)


@pytest.mark.usefixtures("public")
def test_each_visitor_of_a_cached_page_gets_a_csrf_token_of_their_own(
    world: Any, update: Any
) -> None:
    pattern = re.compile(r'"X-CSRFToken": "([A-Za-z0-9]+)"')
    first, second = Client(), Client()
    token_one = pattern.search(_page(first, update)).group(1)
    response = second.get(update.get_absolute_url())
    token_two = pattern.search(response.content.decode()).group(1)
    assert token_one != token_two
    assert "csrftoken" in response.cookies  # the token belongs to this visitor's own cookie


@pytest.mark.usefixtures("public")
def test_a_web_process_checks_for_edits_at_most_once_a_second_and_serves_hits_without_a_query(
    world: Any, update: Any, settings: Any, django_assert_num_queries: Any
) -> None:
    from caucus.delivery import pagecache

    settings.CAUCUS_PAGE_CACHE_CHECK_SECONDS = 1
    pagecache.PAGES.checked = 0.0
    assert "Strike vote coming" in _page(Client(), update)
    with django_assert_num_queries(0):
        for _ in range(3):
            assert "Strike vote coming" in _page(Client(), update)


@pytest.mark.usefixtures("public")
def test_a_cached_page_carries_the_headers_of_the_rendered_one_and_no_one_elses_cookie(
    world: Any, update: Any
) -> None:
    rendered = Client().get(update.get_absolute_url())
    hit = Client().get(update.get_absolute_url())
    assert hit.content.decode().count("Strike vote coming") >= 1
    for header in ("Content-Type", "Content-Language", "X-Frame-Options"):
        assert hit[header] == rendered[header]
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in hit["Vary"].split(",")}
    assert hit["Content-Length"] == str(len(hit.content))
    assert hit.cookies["csrftoken"].value != rendered.cookies["csrftoken"].value


@pytest.mark.usefixtures("public")
def test_a_visitor_who_reads_spanish_never_gets_the_english_page_from_the_cache(
    world: Any, update: Any
) -> None:
    english = Client().get(update.get_absolute_url())
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es").get(update.get_absolute_url())
    by_cookie = Client()
    by_cookie.cookies["django_language"] = "es"
    chosen = by_cookie.get(update.get_absolute_url())
    assert english["Content-Language"] == "en"
    assert '<html lang="en">' in english.content.decode()
    for response in (spanish, chosen):
        assert response["Content-Language"] == "es"
        assert '<html lang="es">' in response.content.decode()


@pytest.mark.usefixtures("public")
def test_a_hit_keeps_the_visitors_own_csrf_cookie_and_a_form_posted_with_it_is_accepted(
    world: Any, update: Any
) -> None:
    from django.middleware.csrf import _unmask_cipher_token

    _page(Client(), update)  # stored
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(f"/n/{world.negotiation.slug}/report/")
    secret = visitor.cookies["csrftoken"].value
    page = _page(visitor, update)
    token = re.search(r'"X-CSRFToken": "([A-Za-z0-9]+)"', page).group(1)
    assert _unmask_cipher_token(token) == secret
    assert (
        visitor.post("/i18n/setlang/", {"language": "es", "csrfmiddlewaretoken": token}).status_code
        == 302
    )


@pytest.mark.usefixtures("public")
def test_a_visitor_with_a_session_cookie_passes_the_page_cache_for_the_whole_stack(
    world: Any, update: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _page(Client(), update)  # stored
    visitor = Client()
    visitor.cookies["sessionid"] = "not-a-session-of-anyone"
    with CaptureQueriesContext(connection) as queries:
        page = _page(visitor, update)
    assert "Strike vote coming" in page
    assert "Sign in" in page
    # Not from the page cache: the session middleware looked the cookie up (and found no one,
    # so the page is the one stored for visitors not signed in, caucus.delivery.stored_pages).
    assert any("django_session" in q["sql"] for q in queries.captured_queries)


@pytest.mark.usefixtures("public")
def test_only_the_member_pages_marked_for_the_cache_are_kept(world: Any, update: Any) -> None:
    from caucus.delivery import pagecache

    pagecache.PAGES.pages.clear()
    Client().get(f"/n/{world.negotiation.slug}/report/")  # a form page, never kept
    Client().get("/n/no-such-negotiation/")  # a 404, never kept
    assert pagecache.PAGES.pages == {}
    Client().get(update.get_absolute_url())
    assert [key.rsplit(":", 1)[-1] for key in pagecache.PAGES.pages] == [update.get_absolute_url()]


@pytest.mark.usefixtures("public")
def test_an_htmx_request_is_rendered_not_served_from_the_cache(world: Any, update: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _page(Client(), update)  # stored
    with CaptureQueriesContext(connection) as queries:
        Client().get(update.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert queries.captured_queries


@pytest.mark.usefixtures("public")
def test_a_first_time_visitor_of_a_stored_page_gets_a_new_cookie_whose_token_is_accepted(
    world: Any, update: Any
) -> None:
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token

    _page(Client(), update)  # stored
    tokens, secrets = set(), set()
    for _ in range(40):
        visitor = Client(enforce_csrf_checks=True)
        page = _page(visitor, update)
        token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', page).group(1)
        secret = visitor.cookies["csrftoken"].value
        assert len(token) == 64
        assert len(secret) == 32
        assert _unmask_cipher_token(token) == secret
        tokens.add(token)
        secrets.add(secret)
    assert len(tokens) == len(secrets) == 40
    # Every one of the 62 characters turns up in 40 x 96 drawn: none is left out.
    assert set("".join(tokens) + "".join(secrets)) == set(CSRF_ALLOWED_CHARS)
    answer = visitor.post("/i18n/setlang/", {"language": "es", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302


@pytest.mark.usefixtures("public")
def test_a_made_up_language_in_the_address_is_rendered_but_never_kept(
    world: Any, update: Any
) -> None:
    from caucus.delivery import pagecache

    pagecache.PAGES.pages.clear()
    for query in ("?lang=es", "?lang=es-MX", "?lang=<script>", "?lang=x" * 3):
        assert "Strike vote coming" in _page_at(Client(), update.get_absolute_url() + query)
    kept = sorted(key.rsplit(":", 1)[-1] for key in pagecache.PAGES.pages)
    assert kept == sorted(update.get_absolute_url() + q for q in ("?lang=es", "?lang=es-MX"))


def _page_at(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_full_store_lets_its_oldest_page_go_and_keeps_the_rest(monkeypatch: Any) -> None:
    from caucus.delivery import pagecache

    monkeypatch.setattr(pagecache, "MAX_PAGES", 3)
    pages = pagecache.ProcessPages()
    until = time.monotonic() + 60
    for n in range(5):
        pages.put(f"page {n}", {}, b"<p>%d</p>" % n, until)
    assert [pages.get(f"page {n}") is None for n in range(5)] == [True, True, False, False, False]
    assert pages.get("page 4") == ({}, b"<p>4</p>", until)


class Clock:
    """Time moved on by hand, for Django (``timezone.now``) and for the page cache
    (``time.monotonic``) alike: both run as usual, ``ahead`` seconds later."""

    def __init__(self, monkeypatch: Any) -> None:
        self.ahead = 0.0
        real_now, real_monotonic = timezone.now, time.monotonic
        monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=self.ahead))
        monkeypatch.setattr(time, "monotonic", lambda: real_monotonic() + self.ahead)

    def move(self, seconds: float) -> None:
        self.ahead += seconds


@pytest.fixture
def clock(monkeypatch: Any) -> Iterator[Clock]:
    from caucus.delivery.pagecache import PAGES
    from caucus.delivery.stored_pages import STORED

    yield Clock(monkeypatch)
    # The clock goes back after the test, as a real one never does: what the processes' page
    # stores noted in the moved time goes too.
    for pages in (PAGES, STORED):
        pages.checked, pages.pages = 0.0, {}


def _ending_in(seconds: int, world: Any) -> Any:
    """A session of today that started at midnight and ends ``seconds`` from now, where it is
    held."""
    from caucus.table.models import Session

    session = Session(negotiation=world.negotiation, date=timezone.localdate())
    here = timezone.now().astimezone(session.zone)
    session.date, session.starts_at = here.date(), dt_time(0, 0)
    session.ends_at = (here + timedelta(seconds=seconds)).time()
    session.save()
    return session


@pytest.mark.usefixtures("public")
def test_a_session_leaves_the_kept_home_page_when_it_ends(
    cast: Any, world: Any, clock: Clock
) -> None:
    session = _ending_in(120, world)
    anchor = f"#session-{session.pk}"
    for reader in (Client(), cast.client("member_a")):  # the page cache, the stored pages
        assert anchor in _page_at(reader, "/")
    clock.move(100)
    for reader in (Client(), cast.client("member_a")):
        assert anchor in _page_at(reader, "/")  # kept: nothing changed
    clock.move(21)
    for reader in (Client(), cast.client("member_a")):
        page = _page_at(reader, "/")
        assert anchor not in page
        assert "No sessions scheduled yet." in page


@pytest.mark.usefixtures("public")
def test_an_update_published_for_a_later_time_appears_on_the_kept_home_page_then(
    cast: Any, world: Any, update: Any, clock: Clock
) -> None:
    make_update(
        world, "Tentative agreement reached", published_at=timezone.now() + timedelta(seconds=120)
    )
    for reader in (Client(), cast.client("member_a")):
        page = _page_at(reader, "/")
        assert "Strike vote coming" in page
        assert "Tentative agreement reached" not in page
    clock.move(121)
    for reader in (Client(), cast.client("member_a")):
        assert "Tentative agreement reached" in _page_at(reader, "/")
