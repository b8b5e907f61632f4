"""The strike notice: its text drafted from the negotiation, and where its deadline stands.

NLRA §8(g) (29 U.S.C. § 158(g)): before a strike, picketing or other concerted refusal to work
at a health care institution, the union must notify the institution in writing, and the
Federal Mediation and Conciliation Service, at least ten days before, stating the date and time
the action will begin. Caucus's deadline is the start less ``notice_days`` whole days of 24
hours; both notices must be served by then (docs/readiness.md gives the rule and its sources).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateformat import format as format_date

from caucus.orgs.models import BargainingUnit


def when(moment: datetime) -> str:
    """'6:00 AM CDT on Tuesday, May 12, 2026', in the site's time zone."""
    local = timezone.localtime(moment)
    return f"{format_date(local, 'g:i A T')} on {format_date(local, 'l, F j, Y')}"


def draft_text(
    negotiation: Any,
    units: Iterable[BargainingUnit],
    *,
    starts_at: datetime,
    ends_at: datetime | None,
    is_health_care: bool,
    notice_days: int,
    today: date,
) -> str:
    """The notice as it will be served: parties, units, date and time, the rule it meets."""
    units = sorted(units, key=lambda u: (u.union.name, u.name))
    unions = sorted({u.union.name for u in units})
    employer = negotiation.employer.name
    length = f", and to end at {when(ends_at)}" if ends_at else ""
    lines = [
        "NOTICE OF STRIKE",
        *(
            ["Under Section 8(g) of the National Labor Relations Act, 29 U.S.C. § 158(g)"]
            if is_health_care
            else []
        ),
        "",
        f"Date: {format_date(today, 'F j, Y')}",
        "",
        f"To: {employer}",
        "And to: Federal Mediation and Conciliation Service",
        f"From: {', '.join(unions)}",
        "",
        f"The labor organizations named above give notice that the employees in the bargaining "
        f"units listed below will engage in a strike, with picketing, at {employer}, to begin at "
        f"{when(starts_at)}{length}.",
        "",
        "Bargaining units:",
        *(f"- {u.name} ({u.union.name})" for u in units),
        "",
    ]
    if is_health_care:
        lines.append(
            f"This notice is given to the employer and to the Federal Mediation and Conciliation "
            f"Service at least {notice_days} days before the strike begins, as Section 8(g) of "
            "the Act requires."
        )
    else:
        lines.append(f"This notice is given at least {notice_days} days before the strike begins.")
    lines += [
        "",
        f"These negotiations: {negotiation.name}.",
        "",
        "For the unions:",
        "",
        "______________________________",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Countdown:
    """Where the deadline stands, in words for the page (which also counts down by script)."""

    deadline: datetime
    seconds_left: int
    words: str
    tone: str  # ok, warn, bad

    @property
    def is_past(self) -> bool:
        return self.seconds_left <= 0

    @property
    def by(self) -> str:
        return when(self.deadline)


def _span(seconds: int) -> str:
    minutes = seconds // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "day"), (hours, "hour")] if days else [(hours, "hour"), (minutes, "minute")]
    return (
        " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n)
        or "less than a minute"
    )


def countdown(notice: Any, now: datetime | None = None) -> Countdown:
    now = now or timezone.now()
    deadline = notice.deadline
    left = int((deadline - now).total_seconds())
    served = notice.last_served_at
    if served is not None:
        if notice.is_timely:
            ahead = _span(int((notice.starts_at - served).total_seconds()))
            words = f"Served {ahead} before the strike begins: on time."
            return Countdown(deadline, left, words, "ok")
        start = notice.earliest_lawful_start
        words = f"Served after the deadline: the strike may not begin before {when(start)}."
        return Countdown(deadline, left, words, "bad")
    if left > 0:
        words = f"{_span(left)} left to serve both notices (by {when(deadline)})."
        return Countdown(deadline, left, words, "warn" if left < 2 * 24 * 3600 else "ok")
    earliest = now + timedelta(days=notice.notice_days)
    words = (
        f"The deadline passed {_span(-left)} ago, at {when(deadline)}: served now, the notice "
        f"allows a strike from {when(earliest)}. Change the start, then serve it."
    )
    return Countdown(deadline, left, words, "bad")
