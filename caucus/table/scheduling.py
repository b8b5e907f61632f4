"""Sessions in time: the time zone of a session's place, and the sessions already scheduled
that a team recording "a session" most likely means.

A session's times are wall-clock times where it is held (an Oakland session at 10:00 is at
10:00 Pacific time), so each session carries its place's time zone: chosen on the form, or
taken from the last session held at the same place, or the deployment's ``TIME_ZONE``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from caucus.table.models import Negotiation, Session

# The zones offered first, by the name people use for them; any IANA name is accepted.
TIME_ZONES = [
    ("America/New_York", "Eastern (New York, Boston, Atlanta)"),
    ("America/Chicago", "Central (Chicago, Dallas, Minneapolis)"),
    ("America/Denver", "Mountain (Denver, Salt Lake City)"),
    ("America/Phoenix", "Arizona (Phoenix, no daylight saving)"),
    ("America/Los_Angeles", "Pacific (Los Angeles, Oakland, Seattle)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ("America/Puerto_Rico", "Atlantic (San Juan)"),
]
# How far back a blank scheduled session is still offered to a team recording one.
OFFER_DAYS = 14


def time_zone_choices(current: str | None = None) -> list[tuple[str, str]]:
    choices = list(TIME_ZONES)
    for name in (settings.TIME_ZONE, current):
        if name and name not in dict(choices):
            choices.append((name, name.replace("_", " ")))
    return choices


def _same_place(place: str) -> Q:
    return Q(place__iexact=place.strip()) if place.strip() else Q()


def zone_for_place(negotiation: Negotiation, place: str) -> str:
    """The time zone of the last session at ``place``, else the deployment's."""
    if place.strip():
        last = (
            Session.objects.filter(negotiation=negotiation)
            .filter(_same_place(place))
            .order_by("-date", "-id")
            .values_list("time_zone", flat=True)
            .first()
        )
        if last:
            return last
    return settings.TIME_ZONE


def same_day_sessions(
    negotiation: Negotiation, day: date, place: str, *, exclude: int | None = None
) -> QuerySet[Session]:
    """The negotiation's sessions on ``day`` at the same place (any, when either has none)."""
    sessions = Session.objects.filter(negotiation=negotiation, date=day)
    if place.strip():
        sessions = sessions.filter(_same_place(place) | Q(place=""))
    if exclude is not None:
        sessions = sessions.exclude(pk=exclude)
    return sessions.order_by("starts_at", "id")


def sessions_to_record(negotiation: Negotiation, today: date) -> list[Session]:
    """Scheduled sessions from the last two weeks to tomorrow with nothing recorded yet (no
    pass, summary or notes): the ones a team pressing "Record a session" is likely to mean."""
    return list(
        Session.objects.filter(
            negotiation=negotiation,
            date__gte=today - timedelta(days=OFFER_DAYS),
            date__lte=today + timedelta(days=1),
            public_summary="",
            internal_notes="",
        )
        .annotate(passes=Count("proposals"))
        .filter(passes=0)
        .order_by("-date", "-starts_at")
    )


def known_places(negotiation: Negotiation) -> list[tuple[str, str]]:
    """The places sessions were held at, each with the time zone of its latest session."""
    places: dict[str, str] = {}
    rows = (
        Session.objects.filter(negotiation=negotiation)
        .exclude(place="")
        .order_by("date", "id")
        .values_list("place", "time_zone")
    )
    for place, zone in rows:
        places[place] = zone
    return sorted(places.items())
