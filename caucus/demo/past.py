"""The demo backdates what happened before today.

The demo writes through the same actions as the pages, and the actions stamp what they write
with "now". The round it tells began months ago, so after an action for a past event the demo
moves the stamps back to when the event happened: this module is the only place it rewrites
a stamp an action wrote. The audit log keeps its own (it is append-only, and it is true that
the demo wrote these rows today).
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Max, Model
from django.utils import timezone

from caucus.table.models import ProposalEvent


def moment(day: date, hour: int) -> datetime:
    """``day`` at ``hour`` o'clock, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def backdate(row: Model, when: datetime, *fields: str) -> None:
    """Stamp ``row``'s ``fields`` with ``when``, in the database and on the instance."""
    type(row)._default_manager.filter(pk=row.pk).update(**dict.fromkeys(fields, when))
    for name in fields:
        setattr(row, name, when)


def last_event_id() -> int:
    """The newest proposal event so far: the ones after it are the next action's."""
    return ProposalEvent.objects.aggregate(last=Max("id"))["last"] or 0


def backdate_events_since(last_id: int, when: datetime) -> None:
    """Move the proposal events written since ``last_id`` to ``when``."""
    ProposalEvent.objects.filter(id__gt=last_id).update(at=when)
