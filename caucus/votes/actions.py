"""Every write that sets up and runs a vote, for the staff pages, the API, the clock and the
demo alike: ``do_x(actor, vote, ...)``. Each is atomic, checks the vote's rules (a draft's
question and roll change; nothing does once it is scheduled), leaves one audit record, and
enqueues its background work on commit. The caller has checked the actor's rights with
``caucus.votes.access``; the actions check them again, so no door can skip them.

States: draft → scheduled → open → closed → tallied → certified; opening and closing are in
``states`` (the clock does them too). Casting is not an action: it writes no audit row, since
a row per ballot would say when each member voted (``ballot_box``). Paper, the tally and the
mailings have their own modules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection, transaction
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Concat
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.accounts.permissions import has_perm
from caucus.audit.log import record
from caucus.costing.models import CostingRun
from caucus.engines.ballots import RuleError
from caucus.engines.ballots.keys import (
    KeyFileError,
    load_trustee_file,
    new_private_key,
    public_key_bytes,
    trustee_file,
)
from caucus.engines.ballots.receipts import roll_hash
from caucus.members.models import Member, Standing
from caucus.table.models import Negotiation
from caucus.votes import clock
from caucus.votes.access import reaches
from caucus.votes.errors import VoteError, require, require_state
from caucus.votes.models import REQUIRED_LANGUAGES, State, Vote, Voter, VoteRole, VoteText
from caucus.votes.rules import check_rule

SETUP_FIELDS = (
    "title",
    "kind",
    "rule",
    "opens_at",
    "closes_at",
    "time_zone",
    "online",
    "paper",
    "cutoff",
    "sheet",
    "links_costing",
)
TEXT_FIELDS = ("question", "explanation", "yes_label", "no_label")
MIN_PASSPHRASE = 12
# The voter's columns a frozen roll writes, and the query's names for them.
ROLL_COLUMNS = {
    "vote_id": "c_vote",
    "member_id": "c_member",
    "key": "c_key",
    "union_id": "c_union",
    "unit_id": "c_unit",
    "worksite_id": "c_worksite",
    "has_voted": "c_voted",
    "channel": "c_channel",
}


def check_setup(
    negotiation: Negotiation, units: Sequence[Any], articles: Sequence[Any], fields: Mapping
) -> None:
    """The rules of a vote's set-up; raises VoteError naming the field."""
    if not units:
        raise VoteError("Choose the bargaining units whose members vote.", field="units")
    covered = set(negotiation.units.values_list("pk", flat=True))
    if any(unit.pk not in covered for unit in units):
        raise VoteError("Choose units this negotiation covers.", field="units")
    if any(article.negotiation_id != negotiation.pk for article in articles):
        raise VoteError("Link articles of this negotiation only.", field="articles")
    sheet = fields.get("sheet")
    if sheet is not None and (sheet.negotiation_id != negotiation.pk or not sheet.is_published):
        raise VoteError("Link a published sheet of this negotiation.", field="sheet")
    if fields.get("links_costing") and not published_costing(negotiation):
        raise VoteError("No costing is published for this negotiation yet.", field="links_costing")
    opens, closes = fields.get("opens_at"), fields.get("closes_at")
    if opens is not None and closes is not None and closes <= opens:
        raise VoteError("The vote must close after it opens.", field="closes_at")
    try:
        ZoneInfo(fields.get("time_zone") or "")
    except (ZoneInfoNotFoundError, ValueError):
        raise VoteError("Choose a time zone such as America/Chicago.", field="time_zone") from None
    if not (fields.get("online") or fields.get("paper")):
        raise VoteError("Members must be able to vote online, on paper or both.", field="online")
    keys = {unit.union.slug for unit in units}
    try:
        check_rule(fields["rule"], keys)
    except RuleError as refused:
        raise VoteError("; ".join(refused.messages), field="rule") from refused


def _changes_the_roll(vote: Vote, units: Sequence[Any], fields: Mapping[str, Any]) -> bool:
    same_units = {u.pk for u in units} == set(vote.units.values_list("pk", flat=True))
    return not same_units or fields.get("cutoff", vote.cutoff) != vote.cutoff


def published_costing(negotiation: Negotiation) -> bool:
    return CostingRun.objects.filter(negotiation=negotiation, is_published=True).exists()


@transaction.atomic
def do_save_vote(
    actor: Actor,
    negotiation: Negotiation,
    vote: Vote | None,
    *,
    units: Sequence[Any],
    articles: Sequence[Any] = (),
    **fields: Any,
) -> Vote:
    """Set up a new vote (``vote`` None, a draft) or change a draft."""
    if vote is None:
        if actor is not None and not reaches(actor, negotiation, "votes.manage"):
            raise VoteError("You do not set up votes for this negotiation.")
        vote = Vote(negotiation=negotiation, created_by=actor)
    else:
        require(actor, vote, "manage")
        require_state(vote, State.DRAFT, doing="changing its question, rule or window")
    check_setup(negotiation, units, articles, fields)
    if vote.is_roll_locked and _changes_the_roll(vote, units, fields):
        raise VoteError("The roll is locked: its units and cut-off stay.", field="units")
    is_new = vote.pk is None
    before = {} if is_new else {name: str(getattr(vote, name)) for name in SETUP_FIELDS}
    before_units = set() if is_new else set(vote.units.values_list("pk", flat=True))
    for name, value in fields.items():
        setattr(vote, name, value)
    vote.save()
    if {u.pk for u in units} != before_units and vote.roll_size:
        Voter.objects.filter(vote=vote).delete()  # the roll was of other units
        vote.roll_size = 0
        vote.save(update_fields=["roll_size"])
    vote.units.set(units)
    vote.articles.set(articles)
    if is_new:
        record(actor, "vote.create", vote, title=vote.title, kind=vote.kind)
    else:
        after = {name: str(getattr(vote, name)) for name in SETUP_FIELDS}
        changed: dict[str, Any] = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        record(actor, "vote.edit", vote, **changed)
    return vote


@transaction.atomic
def do_save_texts(actor: Actor, vote: Vote, texts: Mapping[str, Mapping[str, str]]) -> None:
    """The ballot's text in each language given (a language with no question is removed)."""
    require(actor, vote, "manage")
    require_state(vote, State.DRAFT, doing="changing the ballot's text")
    for language in REQUIRED_LANGUAGES:
        if not (texts.get(language) or {}).get("question"):
            raise VoteError(f"The ballot needs its text in {language}.", field=language)
    for language, text in texts.items():
        if not text.get("question"):
            VoteText.objects.filter(vote=vote, language=language).delete()
            continue
        VoteText.objects.update_or_create(
            vote=vote, language=language, defaults={k: text.get(k, "") for k in TEXT_FIELDS}
        )
    languages = sorted(lang for lang, text in texts.items() if text.get("question"))
    record(actor, "vote.texts", vote, languages=languages)


def eligible_members(vote: Vote) -> Any:
    """Members in good standing of the vote's units, hired by the cut-off, on the roster."""
    return Member.objects.on_roster().filter(
        unit__in=vote.units.all(), standing=Standing.GOOD, hire_date__lte=vote.cutoff
    )


@transaction.atomic
def do_freeze_roll(actor: Actor, vote: Vote) -> int:
    """The voter roll as the roster stands now: every eligible member, once. A draft's roll
    can be frozen again until it is locked."""
    require(actor, vote, "manage")
    require_state(vote, State.DRAFT, doing="freezing the roll")
    if vote.is_roll_locked:
        raise VoteError("The roll is locked: it cannot be frozen again.")
    if vote.cutoff is None:
        raise VoteError("Set the eligibility cut-off date first.", field="cutoff")
    Voter.objects.filter(vote=vote).delete()
    size = _insert_roll(vote)
    vote.roll_size = size
    vote.save(update_fields=["roll_size"])
    record(actor, "vote.roll_freeze", vote, voters=size, by_local=roll_counts(vote))
    return size


def _insert_roll(vote: Vote) -> int:
    """The eligible members written as voters in one INSERT … SELECT (85,000 in a second)."""
    rows = (
        eligible_members(vote)
        .annotate(
            c_vote=Value(vote.pk),
            c_member=F("pk"),
            c_key=Concat("union__slug", Value(":"), "member_id", output_field=CharField()),
            c_union=F("union_id"),
            c_unit=F("unit_id"),
            c_worksite=F("worksite_id"),
            c_voted=Value(False),
            c_channel=Value(""),
        )
        .values_list(*ROLL_COLUMNS.values())
    )
    select, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ROLL_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(Voter._meta.db_table)} ({columns}) {select}", params)
        return int(cursor.rowcount)


def roll_counts(vote: Vote) -> dict[str, int]:
    counts = Voter.objects.filter(vote=vote).values("union__slug").annotate(n=Count("id"))
    return {row["union__slug"]: row["n"] for row in counts.order_by("union__slug")}


@transaction.atomic
def do_lock_roll(actor: Actor, vote: Vote) -> str:
    """Lock the reviewed roll and record its hash (``roll_hash`` of the voter keys)."""
    require(actor, vote, "manage")
    require_state(vote, State.DRAFT, doing="locking the roll")
    if vote.is_roll_locked:
        raise VoteError("The roll is already locked.")
    keys = list(Voter.objects.filter(vote=vote).values_list("key", flat=True))
    if not keys:
        raise VoteError("Freeze the roll first: it is empty.")
    vote.roll_hash = roll_hash(keys)
    vote.roll_size = len(keys)
    vote.roll_locked_at = timezone.now()
    vote.save(update_fields=["roll_hash", "roll_size", "roll_locked_at"])
    record(actor, "vote.roll_lock", vote, voters=len(keys), roll_hash=vote.roll_hash)
    return vote.roll_hash


def schedule_problems(vote: Vote, now: datetime | None = None) -> list[str]:
    """What keeps a draft from being scheduled, in words; empty when it is ready."""
    now = now or timezone.now()
    problems = []
    languages = set(vote.texts.values_list("language", flat=True))
    missing = [lang for lang in REQUIRED_LANGUAGES if lang not in languages]
    if missing:
        problems.append(f"The ballot has no text in {', '.join(missing)}.")
    if not vote.is_roll_locked:
        problems.append("The voter roll is not locked.")
    if vote.opens_at is None or vote.closes_at is None:
        problems.append("The window (when it opens and closes) is not set.")
    elif vote.closes_at <= now:
        problems.append("The vote would close in the past.")
    try:
        check_rule(vote.rule, vote.local_keys().values())
    except RuleError as refused:
        problems += refused.messages
    return problems


@transaction.atomic
def do_schedule_vote(actor: Actor, vote: Vote) -> None:
    require(actor, vote, "manage")
    require_state(vote, State.DRAFT, doing="scheduling it")
    problems = schedule_problems(vote)
    if problems:
        raise VoteError(" ".join(problems))
    vote.state = State.SCHEDULED
    vote.save(update_fields=["state"])
    record(actor, "vote.schedule", vote, opens_at=str(vote.opens_at), closes_at=str(vote.closes_at))
    transaction.on_commit(lambda: clock.set_alarms(vote))


def trustees(vote: Vote) -> list[VoteRole]:
    return list(
        VoteRole.objects.filter(vote=vote, role=VoteRole.Role.TRUSTEE).select_related("user")
    )


@transaction.atomic
def do_make_key(actor: Actor, vote: Vote, passphrases: Mapping[int, str]) -> dict[Any, str]:
    """Make the vote's key: store its public half, and return each trustee's file (the
    private key under their passphrase), by user. The private key is kept nowhere else."""
    require(actor, vote, "manage")
    require_state(vote, State.SCHEDULED, doing="making its key")
    if vote.ballots.exists():
        raise VoteError("Ballots have been cast: the key cannot change.")
    holders = trustees(vote)
    if not holders:
        raise VoteError("The vote has no trustee: the coalition admin names them first.")
    for role in holders:
        if len(passphrases.get(role.user_id, "")) < MIN_PASSPHRASE:
            raise VoteError(
                f"Each trustee's passphrase needs at least {MIN_PASSPHRASE} characters.",
                field=f"passphrase_{role.user_id}",
            )
    key = new_private_key()
    label = f"{vote.pk}: {vote.title}"
    files = {
        role.user: trustee_file(key, passphrases[role.user_id], vote=label) for role in holders
    }
    vote.public_key = public_key_bytes(key)
    vote.key_made_at = timezone.now()
    vote.save(update_fields=["public_key", "key_made_at"])
    VoteRole.objects.filter(vote=vote).update(key_checked_at=None)
    record(actor, "vote.key_made", vote, trustees=[r.user.get_username() for r in holders])
    return files


@transaction.atomic
def do_check_key(actor: Actor, vote: Vote, text: str | bytes, passphrase: str) -> None:
    """A trustee shows that their file and passphrase open the vote's key (nothing kept)."""
    require(actor, vote, "trustee")
    if not vote.has_key:
        raise VoteError("The vote's key is not made yet.")
    try:
        load_trustee_file(text, passphrase, public_key=vote.key_bytes())
    except KeyFileError as refused:
        raise VoteError(f"This file does not open the key: {refused}.", field="key_file") from None
    VoteRole.objects.filter(vote=vote, user=actor, role=VoteRole.Role.TRUSTEE).update(
        key_checked_at=timezone.now()
    )
    record(actor, "vote.key_checked", vote)


@transaction.atomic
def do_certify(actor: Actor, vote: Vote) -> None:
    require(actor, vote, "manage")
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    require_state(vote, State.TALLIED, doing="certifying it")
    vote.state, vote.certified_at = State.CERTIFIED, timezone.now()
    vote.save(update_fields=["state", "certified_at"])
    record(actor, "vote.certify", vote, passes=vote.result.passes)


def _require_admin(actor: Actor) -> None:
    if actor is not None and not has_perm(actor, "accounts.manage"):
        raise VoteError("Only the coalition admin grants roles in a vote.")


@transaction.atomic
def do_grant_role(actor: Actor, vote: Vote, user: Any, role: str) -> VoteRole:
    _require_admin(actor)
    if role not in VoteRole.Role.values:
        raise VoteError("Choose a role.", field="role")
    if role == VoteRole.Role.TRUSTEE and vote.has_key:
        raise VoteError(
            "The key is made: a new trustee would hold no file. Name trustees before.",
            field="role",
        )
    if vote.state in (State.TALLIED, State.CERTIFIED):
        raise VoteError("The vote is counted: its roles no longer change.")
    granted, created = VoteRole.objects.get_or_create(
        vote=vote, user=user, role=role, defaults={"granted_by": actor}
    )
    if not created:
        raise VoteError(f"{user} is already {granted.get_role_display().lower()}.", field="user")
    user.__dict__.pop("_caucus_vote_roles", None)
    record(actor, "vote.role_grant", vote, user=user.get_username(), role=role)
    return granted


@transaction.atomic
def do_revoke_role(actor: Actor, granted: VoteRole) -> None:
    _require_admin(actor)
    vote = granted.vote
    granted.delete()
    granted.user.__dict__.pop("_caucus_vote_roles", None)
    record(actor, "vote.role_revoke", vote, user=granted.user.get_username(), role=granted.role)
