"""The session calendar as iCalendar: one VEVENT per session, public summary only.

Times are wall-clock times at the table, in the deployment's ``TIME_ZONE``; the feed carries
that zone as a VTIMEZONE so calendar apps place them right wherever the reader is. A session
without a start time is an all-day event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from caucus.table.models import Negotiation, Session

# When a session has a start but no end, calendar apps still need a block of time.
DEFAULT_LENGTH = timedelta(hours=3)


def session_uid(session: Session, host: str) -> str:
    """Stable across edits, so calendar apps update the event instead of adding one."""
    return f"session-{session.pk}@{host}"


def sessions_calendar(
    negotiation: Negotiation, sessions: Iterable[Session], *, host: str, url: str
) -> bytes:
    zone = ZoneInfo(settings.TIME_ZONE)
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
            start = datetime.combine(session.date, session.starts_at, tzinfo=zone)
            if session.ends_at is not None and session.ends_at > session.starts_at:
                end = datetime.combine(session.date, session.ends_at, tzinfo=zone)
            else:
                end = start + DEFAULT_LENGTH
            event.add("dtstart", start)
            event.add("dtend", end)
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
