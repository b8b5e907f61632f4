"""Paper ballots at worksite meetings: tellers strike members off the roll, count each local's
paper ballots twice (two tellers, each blind to the other's count), and set aside challenged
ballots for the election committee.

Striking off and casting online are the same conditional update of the voter row (``has_voted``
false to true), so a member who voted online cannot be handed a paper ballot and one struck off
can no longer vote online. A local's paper count is settled when the latest counts of at least
two tellers agree, or when the committee resolves a mismatch; the tally needs every local that
struck anyone off settled, and every challenged ballot decided.

A challenged ballot's choice is made by the member on the teller's phone and sealed to the
vote's key at once, like an online ballot; only accepted ones are opened, at the tally, among
the others of their local, and then the sealed choice is erased.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.sealing import seal_choice
from caucus.orgs.models import Union
from caucus.votes.ballot_box import hour_of
from caucus.votes.errors import VoteError, require, require_state
from caucus.votes.models import (
    OPTIONS,
    ChallengedBallot,
    Channel,
    PaperEntry,
    State,
    Vote,
    Voter,
)

Counts = tuple[int, int, int]  # yes, no, void


def search_roll(vote: Vote, query: str, limit: int = 20) -> QuerySet[Voter]:
    """Voters whose name or member id matches ``query`` (every word, any order)."""
    voters = Voter.objects.filter(vote=vote).select_related("member", "union", "worksite")
    words = query.split()
    if not words:
        return voters.none()
    for word in words[:4]:
        voters = voters.filter(
            Q(member__first_name__icontains=word)
            | Q(member__last_name__icontains=word)
            | Q(member__member_id__iexact=word)
        )
    return voters.order_by("member__last_name", "member__first_name", "key")[:limit]


@transaction.atomic
def do_strike_off(actor: Actor, voter: Voter) -> None:
    """Strike a member off the roll at a meeting: they take a paper ballot and can no longer
    vote online. Refused when they have voted (online, or struck off already)."""
    vote = voter.vote
    require(actor, vote, "teller")
    require_state(vote, State.OPEN, doing="striking members off")
    if not vote.paper:
        raise VoteError("This vote has no paper ballots.")
    struck = Voter.objects.filter(pk=voter.pk, has_voted=False).update(
        has_voted=True, channel=Channel.PAPER, voted_hour=hour_of(timezone.now()), struck_by=actor
    )
    if not struck:
        voter.refresh_from_db()
        how = "online" if voter.channel == Channel.ONLINE else "on paper"
        raise VoteError(f"{voter.member or voter.key} has already voted {how}: no paper ballot.")
    record(actor, "vote.strike_off", vote, voter=voter.key)


def _check_counts(counts: Counts) -> None:
    if any(n < 0 for n in counts):
        raise VoteError("Counts are whole numbers, not negative.", field="yes")


def _check_local(vote: Vote, union: Union) -> None:
    if union.pk not in vote.local_keys():
        raise VoteError("Choose a local this vote covers.", field="union")


@transaction.atomic
def do_enter_paper_count(actor: Actor, vote: Vote, union: Union, counts: Counts) -> PaperEntry:
    """A teller's count of one local's paper ballots (a later count by the same teller
    replaces their earlier one)."""
    require(actor, vote, "teller")
    require_state(vote, State.OPEN, State.CLOSED, doing="entering paper counts")
    if not vote.paper:
        raise VoteError("This vote has no paper ballots.")
    _check_local(vote, union)
    _check_counts(counts)
    yes, no, void = counts
    entry = PaperEntry.objects.create(
        vote=vote, union=union, entered_by=actor, yes=yes, no=no, void=void
    )
    # The counts stay out of the log until the tally: nobody reads choices before it.
    record(actor, "vote.paper_count", vote, local=union.slug, entry=entry.pk)
    return entry


@transaction.atomic
def do_resolve_paper(
    actor: Actor, vote: Vote, union: Union, counts: Counts, note: str
) -> PaperEntry:
    """The committee's count for a local whose tellers disagree, with why."""
    require(actor, vote, "manage")
    require_state(vote, State.CLOSED, doing="resolving paper counts")
    _check_local(vote, union)
    _check_counts(counts)
    if not note.strip():
        raise VoteError("Say how the count was resolved (a recount, by whom).", field="note")
    yes, no, void = counts
    entry = PaperEntry.objects.create(
        vote=vote,
        union=union,
        entered_by=actor,
        yes=yes,
        no=no,
        void=void,
        is_resolution=True,
        note=note,
    )
    record(actor, "vote.paper_resolve", vote, local=union.slug, entry=entry.pk, note=note)
    return entry


@dataclass
class LocalPaper:
    """One local's paper ballots: who was struck off, the tellers' latest counts, and the
    settled count (None until two tellers agree or the committee resolves)."""

    union: Union
    struck_off: int = 0
    latest: list[PaperEntry] = field(default_factory=list)
    resolution: PaperEntry | None = None

    @property
    def settled(self) -> Counts | None:
        if self.resolution is not None:
            return self.resolution.counts
        counts = {entry.counts for entry in self.latest}
        if len(self.latest) >= 2 and len(counts) == 1:
            return counts.pop()
        return None

    @property
    def state(self) -> str:
        """none, one (waiting for the second teller), match, mismatch or resolved."""
        if self.resolution is not None:
            return "resolved"
        if not self.latest:
            return "none"
        if len(self.latest) == 1:
            return "one"
        return "match" if self.settled is not None else "mismatch"

    @property
    def needs_count(self) -> bool:
        return self.struck_off > 0 and self.settled is None

    def entry_of(self, user: Any) -> PaperEntry | None:
        return next((e for e in self.latest if e.entered_by_id == user.pk), None)


def paper_status(vote: Vote) -> list[LocalPaper]:
    unions = Union.objects.filter(pk__in=list(vote.local_keys())).order_by("name")
    locals_ = {union.pk: LocalPaper(union) for union in unions}
    struck = (
        Voter.objects.filter(vote=vote, channel=Channel.PAPER)
        .values("union_id")
        .annotate(n=Count("id"))
    )
    for row in struck:
        if row["union_id"] in locals_:
            locals_[row["union_id"]].struck_off = row["n"]
    entries = PaperEntry.objects.filter(vote=vote).order_by("-entered_at", "-id")
    for entry in entries.select_related("entered_by"):
        local = locals_.get(entry.union_id)
        if local is None:
            continue
        if entry.is_resolution:
            local.resolution = local.resolution or entry
        elif entry.entered_by_id not in {e.entered_by_id for e in local.latest}:
            local.latest.append(entry)
    return list(locals_.values())


@transaction.atomic
def do_record_challenged(
    actor: Actor,
    vote: Vote,
    union: Union,
    *,
    name: str,
    member_number: str,
    reason: str,
    note: str,
    choice: str,
) -> ChallengedBallot:
    """Set aside a challenged ballot, its choice sealed at once (the member makes it on the
    teller's phone); it is counted only if the committee accepts it."""
    require(actor, vote, "teller")
    require_state(vote, State.OPEN, doing="recording challenged ballots")
    _check_local(vote, union)
    if reason not in ChallengedBallot.Reason.values:
        raise VoteError("Choose why the ballot is challenged.", field="reason")
    if choice not in OPTIONS:
        raise VoteError("The member must choose.", field="choice")
    if not name.strip():
        raise VoteError("Write the member's name as they gave it.", field="name")
    sealed = seal_choice(vote.key_bytes(), choice)
    challenged = ChallengedBallot.objects.create(
        vote=vote,
        union=union,
        name=name.strip(),
        member_number=member_number.strip(),
        reason=reason,
        note=note,
        sealed=sealed,
        receipt=receipt_code(sealed),
        recorded_by=actor,
    )
    record(actor, "vote.challenged_record", vote, local=union.slug, reason=reason)
    return challenged


@transaction.atomic
def do_decide_challenged(
    actor: Actor, challenged: ChallengedBallot, *, accept: bool, note: str
) -> None:
    vote = challenged.vote
    require(actor, vote, "manage")
    require_state(vote, State.OPEN, State.CLOSED, doing="deciding challenged ballots")
    if challenged.status != ChallengedBallot.Status.PENDING:
        raise VoteError("This ballot has been decided already.")
    challenged.status = (
        ChallengedBallot.Status.ACCEPTED if accept else ChallengedBallot.Status.REJECTED
    )
    challenged.decided_by, challenged.decided_at = actor, timezone.now()
    challenged.decision_note = note
    challenged.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        actor,
        "vote.challenged_decide",
        vote,
        receipt=challenged.receipt,
        accepted=accept,
        note=note,
    )


def tally_problems(vote: Vote, papers: Sequence[LocalPaper] | None = None) -> list[str]:
    """What keeps a closed vote from being tallied, in words."""
    problems = []
    for local in papers if papers is not None else paper_status(vote):
        if local.needs_count:
            problems.append(
                f"{local.union}: the paper count is not settled ({local.state}): two tellers "
                "must enter the same count, or the committee resolve it."
            )
        elif local.settled is not None and sum(local.settled) > local.struck_off:
            problems.append(
                f"{local.union}: {sum(local.settled)} paper ballots counted, but only "
                f"{local.struck_off} members were struck off."
            )
    pending = vote.challenged.filter(status=ChallengedBallot.Status.PENDING).count()
    if pending:
        problems.append(f"{pending} challenged ballot(s) wait for the committee's decision.")
    return problems
