"""A vote's records are kept: a locked roll does not change while its vote runs, and a counted
vote's records stay a year after the tally (``Vote.keep_until``). The vote's own ``delete``,
its querysets and the admin refuse directly (models.py, admin.py); this refuses the deletions
that would reach the records sideways, by cascade: a negotiation, local, unit or worksite
deleted while a kept vote's roll or ballots name it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.db.models.signals import pre_delete
from django.utils import timezone

from caucus.orgs.models import BargainingUnit, Union, Worksite
from caucus.votes.models import Ballot, ChallengedBallot, PaperEntry, RecordKept, Vote, Voter


def kept_votes() -> Any:
    """Votes whose records may not lose a row: the roll locked, and not counted a year ago."""
    return Vote.objects.filter(roll_locked_at__isnull=False).filter(
        Q(keep_until__isnull=True) | Q(keep_until__gt=timezone.now())
    )


def _refuse_vote(sender: Any, instance: Vote, **kwargs: Any) -> None:
    if instance.keep_until is not None and instance.keep_until > timezone.now():
        raise RecordKept("A vote's records are kept a year after its tally.")


def _refuse_named(field: str, models: tuple[Any, ...]) -> Any:
    def refuse(sender: Any, instance: Any, **kwargs: Any) -> None:
        votes = kept_votes()
        if any(m.objects.filter(vote__in=votes, **{field: instance}).exists() for m in models):
            raise RecordKept(f"{instance} is named in a vote's records, which are kept.")

    return refuse


_UNION_ROWS = (Voter, Ballot, PaperEntry, ChallengedBallot)
_REFUSERS = {
    Union: _refuse_named("union", _UNION_ROWS),
    BargainingUnit: _refuse_named("unit", (Voter,)),
    Worksite: _refuse_named("worksite", (Voter,)),
}


def connect() -> None:
    pre_delete.connect(_refuse_vote, sender=Vote, dispatch_uid="votes-keep-vote")
    for model, refuse in _REFUSERS.items():
        pre_delete.connect(refuse, sender=model, dispatch_uid=f"votes-keep-{model.__name__}")
