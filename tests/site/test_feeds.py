"""The Atom feed of updates and the iCalendar feed of sessions parse and hold the right things."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from tests.site.factories import make_session, make_update

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client: Any, world: Any) -> ET.Element:
    response = client.get(reverse("site:feed", args=[world.negotiation.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test


def test_the_feed_is_atom_with_one_entry_per_public_update(cast: Any, world: Any) -> None:
    make_update(world, "First news", body="Hello <script>bad()</script>**members**")
    make_update(world, "Second news")
    root = _feed(cast.client(None), world)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "National Agreement 2026: bargaining updates"
    entries = root.findall(f"{ATOM}entry")
    titles = sorted(entry.findtext(f"{ATOM}title") for entry in entries)
    assert titles == ["First news", "Second news"]
    first = next(e for e in entries if e.findtext(f"{ATOM}title") == "First news")
    assert first.find(f"{ATOM}link").get("href").endswith("/updates/first-news/")
    assert first.findtext(f"{ATOM}id")
    assert first.findtext(f"{ATOM}updated")
    summary = first.findtext(f"{ATOM}summary")
    assert "<strong>members</strong>" in summary
    assert "script" not in summary


def test_the_feed_never_holds_targeted_updates_or_drafts(cast: Any, world: Any) -> None:
    make_update(world, "Public news")
    make_update(world, "Local A only", unions=[world.union_a])
    make_update(world, "Draft news", published=False)
    # Not even for a member of union A: a feed reader does not sign in.
    root = _feed(cast.client("member_a"), world)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Public news"]


def _calendar(client: Any, world: Any) -> icalendar.Calendar:
    response = client.get(reverse("site:sessions_ics", args=[world.negotiation.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_calendar_has_one_event_per_session_in_local_time(cast: Any, world: Any) -> None:
    session = make_session(world, date(2030, 3, 12), starts_at=time(9, 30), ends_at=time(16, 0))
    make_session(world, date(2029, 12, 1))
    events = _calendar(cast.client(None), world).walk("VEVENT")
    assert len(events) == 2
    event = next(e for e in events if e["uid"] == f"session-{session.pk}@testserver")
    chicago = ZoneInfo("America/Chicago")
    assert event.decoded("dtstart") == datetime(2030, 3, 12, 9, 30, tzinfo=chicago)
    assert event.decoded("dtend") == datetime(2030, 3, 12, 16, 0, tzinfo=chicago)
    assert event["dtstart"].params["TZID"] == "America/Chicago"
    assert str(event["summary"]) == "Bargaining session: National Agreement 2026"
    assert str(event["location"]) == "Union Hall, 100 Main St"


def test_the_calendar_carries_its_timezone(cast: Any, world: Any) -> None:
    make_session(world, date(2030, 3, 12))
    calendar = _calendar(cast.client(None), world)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Chicago"]


def test_a_session_without_a_time_is_an_all_day_event(cast: Any, world: Any) -> None:
    make_session(world, date(2030, 4, 2), starts_at=None, ends_at=None)
    (event,) = _calendar(cast.client(None), world).walk("VEVENT")
    assert event.decoded("dtstart") == date(2030, 4, 2)
    assert event.decoded("dtend") == date(2030, 4, 3)


def test_the_calendar_never_holds_internal_notes_or_attendees(cast: Any, world: Any) -> None:
    make_session(world, date(2030, 3, 12))
    response = cast.client(None).get(reverse("site:sessions_ics", args=[world.negotiation.slug]))
    body = response.content.decode()
    assert "SECRET" not in body
    assert "Jane Negotiator" not in body
    assert "We passed our wage proposal." in body


def test_an_oakland_session_at_ten_is_at_ten_pacific_time(cast: Any, world: Any) -> None:
    oakland = make_session(
        world,
        date(2030, 3, 12),
        starts_at=time(10, 0),
        ends_at=time(16, 0),
        place="Union hall, Oakland",
        time_zone="America/Los_Angeles",
    )
    make_session(world, date(2030, 3, 13), starts_at=time(10, 0))
    calendar = _calendar(cast.client(None), world)
    event = next(
        e for e in calendar.walk("VEVENT") if e["uid"].startswith(f"session-{oakland.pk}@")
    )
    assert event["dtstart"].params["TZID"] == "America/Los_Angeles"
    pacific = ZoneInfo("America/Los_Angeles")
    assert event.decoded("dtstart") == datetime(2030, 3, 12, 10, 0, tzinfo=pacific)
    # 10:00 in Oakland is 17:00 UTC (daylight saving time), not 10:00 Chicago time.
    assert event.decoded("dtstart").astimezone(ZoneInfo("UTC")).hour == 17
    zones = sorted(str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE"))
    assert zones == ["America/Chicago", "America/Los_Angeles"]


def test_every_link_in_the_feed_is_absolute_on_the_sites_address(
    cast: Any, world: Any, settings: Any
) -> None:
    settings.SITE_URL = "https://caucus.example.org"
    make_update(
        world,
        "Read the sheet",
        body="See [the sheet](/n/national-2026/sheets/1/?a=1&b=2), [below](#costs) and "
        "[the union](https://union.example.org/).",
    )
    root = _feed(cast.client(None), world)
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert links == [
        "https://caucus.example.org/n/national-2026/",
        "https://caucus.example.org/n/national-2026/updates.atom",
        "https://caucus.example.org/n/national-2026/updates/read-the-sheet/",
    ]
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == links[2]
    summary = entry.findtext(f"{ATOM}summary")
    assert 'href="https://caucus.example.org/n/national-2026/sheets/1/?a=1&amp;b=2"' in summary
    assert f'href="{links[2]}#costs"' in summary
    assert 'href="https://union.example.org/"' in summary
    assert 'href="/' not in summary
