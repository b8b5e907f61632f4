"""The session calendar as iCalendar: one VEVENT per session, public summary only.

Times are wall-clock times where each session is held, in its place's time zone
(``Session.time_zone``): each event names its zone (``DTSTART;TZID=America/Los_Angeles``) and
the feed carries a VTIMEZONE for every zone it uses, so calendar apps place an Oakland session
at 10:00 at 10:00 Pacific time wherever the reader is. A session without a start time is an
all-day event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from caucus.table.models import Negotiation, Session


def session_uid(session: Session, host: str) -> str:
    """Stable across edits, so calendar apps update the event instead of adding one."""
    return f"session-{session.pk}@{host}"


def sessions_calendar(
    negotiation: Negotiation, sessions: Iterable[Session], *, host: str, url: str
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Caucus//Bargaining sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{negotiation.name}: bargaining sessions")
    stamp = timezone.now()
    for session in sessions:
        event = Event()
        event.add("uid", session_uid(session, host))
        event.add("dtstamp", stamp)
        if session.starts_at is not None:
            event.add("dtstart", session.starts())
            event.add("dtend", session.ends())
        else:
            event.add("dtstart", session.date)
            event.add("dtend", session.date + timedelta(days=1))
        event.add("summary", f"Bargaining session: {negotiation.name}")
        if session.place:
            event.add("location", session.place)
        if session.public_summary:
            event.add("description", session.public_summary)
        event.add("url", f"{url}#session-{session.pk}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
