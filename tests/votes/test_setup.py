"""Setting up a vote: its question and rule, the voter roll frozen, reviewed and locked with its
hash, its states each an action with an audit row, and nothing about it changing once it is
scheduled."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from caucus.audit.models import AuditEvent
from caucus.orgs.models import Worksite
from caucus.votes import actions, clock, states
from caucus.votes.errors import VoteError
from caucus.votes.models import RecordKept, State, Vote, Voter
from tests.votes.helpers import (
    PASSPHRASE,
    TEXTS,
    draft_vote,
    members,
    open_vote,
    scheduled_vote,
    setup_fields,
    vote_row,
)

pytestmark = pytest.mark.django_db


def test_a_new_vote_is_a_draft_with_its_audit_row(cast: Any) -> None:
    vote = draft_vote(cast)
    assert vote.state == State.DRAFT
    event = AuditEvent.objects.get(action="vote.create")
    assert (event.actor, event.object_id) == (cast["team"], str(vote.pk))


def test_a_rule_that_names_a_local_the_vote_does_not_cover_is_refused_at_the_rule(
    cast: Any,
) -> None:
    rule = {"scope": "local", "default": {"threshold": "2/3"}, "locals": {"local-z": {}}}
    with pytest.raises(VoteError) as refused:
        draft_vote(cast, rule=rule)
    assert refused.value.field == "rule"
    assert "locals.local-z: no such local in this vote" in refused.value.message


def test_a_rule_the_engine_refuses_names_its_field(cast: Any) -> None:
    with pytest.raises(VoteError) as refused:
        draft_vote(cast, rule={"scope": "both", "default": {"threshold": "abc"}})
    assert refused.value.field == "rule"
    assert "default.threshold" in refused.value.message
    assert "coalition: is required" in refused.value.message


def test_a_vote_must_close_after_it_opens(cast: Any) -> None:
    now = timezone.now()
    with pytest.raises(VoteError) as refused:
        draft_vote(cast, opens_at=now, closes_at=now - timedelta(hours=1))
    assert refused.value.field == "closes_at"


def test_someone_who_does_not_set_up_votes_cannot_make_one(cast: Any) -> None:
    world = cast.world
    with pytest.raises(VoteError):
        actions.do_save_vote(
            cast["organizer_a"],
            world.negotiation,
            None,
            units=[world.unit_a],
            **setup_fields(),
        )


def test_the_roll_holds_members_in_good_standing_hired_by_the_cut_off(cast: Any) -> None:
    world = cast.world
    members(world, a=2, b=1)
    world.member(member_id="A-late", hire_date=date(2026, 3, 1))
    world.member(member_id="A-owing", standing="not_good")
    world.member(member_id="A-gone", is_on_roster=False)
    vote = draft_vote(cast)
    assert actions.do_freeze_roll(cast["team"], vote) == 4  # B-1
    keys = set(Voter.objects.filter(vote=vote).values_list("key", flat=True))
    assert keys == {"local-a:A-100", "local-a:A-1", "local-a:A-2", "local-b:B-1"}
    assert actions.roll_counts(vote) == {"local-a": 3, "local-b": 1}


def test_the_locked_roll_hash_is_sha256_of_the_sorted_keys(cast: Any) -> None:
    members(cast.world, a=2, b=1)
    vote = draft_vote(cast)
    actions.do_freeze_roll(cast["team"], vote)
    digest = actions.do_lock_roll(cast["team"], vote)
    keys = "".join(f"{k}\n" for k in sorted(Voter.objects.values_list("key", flat=True)))
    assert digest == hashlib.sha256(keys.encode()).hexdigest()
    event = AuditEvent.objects.get(action="vote.roll_lock")
    assert event.detail == {"voters": 4, "roll_hash": digest}


def test_a_locked_roll_cannot_be_frozen_again(cast: Any) -> None:
    vote = draft_vote(cast)
    actions.do_freeze_roll(cast["team"], vote)
    actions.do_lock_roll(cast["team"], vote)
    cast.world.member(member_id="A-new")
    with pytest.raises(VoteError, match="The roll is locked"):
        actions.do_freeze_roll(cast["team"], vote)
    assert not Voter.objects.filter(key="local-a:A-new").exists()


def test_a_draft_without_spanish_text_or_a_locked_roll_cannot_be_scheduled(cast: Any) -> None:
    vote = draft_vote(cast)
    with pytest.raises(VoteError, match="needs its text in es"):
        actions.do_save_texts(cast["team"], vote, {"en": TEXTS["en"]})
    with pytest.raises(VoteError) as refused:
        actions.do_schedule_vote(cast["team"], vote)
    assert "no text in en, es" in refused.value.message
    assert "The voter roll is not locked." in refused.value.message
    vote.refresh_from_db()
    assert vote.state == State.DRAFT


def test_once_scheduled_neither_the_question_nor_the_rule_nor_the_text_changes(
    cast: Any,
) -> None:
    vote = scheduled_vote(cast)
    with pytest.raises(VoteError, match="scheduled: changing its question"):
        actions.do_save_vote(
            cast["team"],
            vote.negotiation,
            vote,
            units=list(vote.units.all()),
            **setup_fields(title="Another question"),
        )
    with pytest.raises(VoteError, match="changing the ballot's text"):
        actions.do_save_texts(cast["team"], vote, TEXTS)
    vote.refresh_from_db()
    assert vote.title == "Strike authorization 2026"


def test_the_vote_opens_only_once_a_trustee_has_checked_the_key_file(cast: Any) -> None:
    vote = scheduled_vote(cast)
    with pytest.raises(VoteError, match="key is not made"):
        states.do_open_vote(cast["team"], vote)
    files = actions.do_make_key(cast["team"], vote, {cast["observer"].pk: PASSPHRASE})
    with pytest.raises(VoteError, match="No trustee has checked"):
        states.do_open_vote(cast["team"], vote)
    actions.do_check_key(cast["observer"], vote, files[cast["observer"]], PASSPHRASE)
    states.do_open_vote(cast["team"], vote)
    vote.refresh_from_db()
    assert vote.state == State.OPEN
    assert vote.public_key is not None


def test_a_wrong_passphrase_does_not_check_the_key(cast: Any) -> None:
    vote = scheduled_vote(cast)
    files = actions.do_make_key(cast["team"], vote, {cast["observer"].pk: PASSPHRASE})
    with pytest.raises(VoteError, match="wrong passphrase") as refused:
        actions.do_check_key(cast["observer"], vote, files[cast["observer"]], "not the phrase")
    assert refused.value.field == "key_file"


def test_a_short_passphrase_is_refused_at_its_trustees_field(cast: Any) -> None:
    vote = scheduled_vote(cast)
    with pytest.raises(VoteError) as refused:
        actions.do_make_key(cast["team"], vote, {cast["observer"].pk: "short"})
    assert refused.value.field == f"passphrase_{cast['observer'].pk}"
    vote.refresh_from_db()
    assert vote.public_key is None


def test_the_private_key_is_nowhere_in_the_database(cast: Any) -> None:
    vote, key_file = open_vote(cast)
    from caucus.engines.ballots.keys import load_trustee_file

    private = bytes(load_trustee_file(key_file, PASSPHRASE))
    stored = Vote.objects.filter(pk=vote.pk).values()[0]
    assert all(private != (bytes(v) if isinstance(v, memoryview) else v) for v in stored.values())
    assert private.hex() not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_every_change_of_state_is_one_audit_row(cast: Any) -> None:
    vote, _ = open_vote(cast)
    states.do_close_vote(cast["team"], vote)
    actions_seen = list(
        AuditEvent.objects.filter(object_id=str(vote.pk), action__startswith="vote.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert [a for a in actions_seen if a in ("vote.schedule", "vote.open", "vote.close")] == [
        "vote.schedule",
        "vote.open",
        "vote.close",
    ]


def test_the_clock_opens_and_closes_votes_at_their_time(cast: Any) -> None:
    vote = scheduled_vote(cast)
    files = actions.do_make_key(cast["team"], vote, {cast["observer"].pk: PASSPHRASE})
    actions.do_check_key(cast["observer"], vote, files[cast["observer"]], PASSPHRASE)
    assert clock.tick() == (1, 0)
    Vote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    assert clock.tick() == (0, 1)
    vote.refresh_from_db()
    assert vote.state == State.CLOSED
    assert AuditEvent.objects.get(action="vote.close").actor_label == "system"


def test_the_clock_does_not_close_a_vote_before_its_time(cast: Any) -> None:
    vote, _ = open_vote(cast)
    assert clock.tick() == (0, 0)
    vote.refresh_from_db()
    assert vote.state == State.OPEN


def test_only_the_coalition_admin_grants_roles_in_a_vote(cast: Any) -> None:
    vote = draft_vote(cast)
    with pytest.raises(VoteError, match="Only the coalition admin"):
        actions.do_grant_role(cast["team"], vote, cast["officer_a"], "teller")
    actions.do_grant_role(cast["admin"], vote, cast["officer_a"], "teller")
    assert AuditEvent.objects.get(action="vote.role_grant").detail == {
        "user": "officer_a",
        "role": "teller",
    }


def test_a_counted_vote_cannot_be_deleted_for_a_year(cast: Any) -> None:
    vote = draft_vote(cast)
    Vote.objects.filter(pk=vote.pk).update(keep_until=timezone.now() + timedelta(days=365))
    vote.refresh_from_db()
    with pytest.raises(RecordKept):
        vote.delete()
    with pytest.raises(RecordKept):
        Vote.objects.filter(pk=vote.pk).delete()
    assert Vote.objects.filter(pk=vote.pk).exists()


def test_a_counted_votes_roll_outlives_its_worksite_and_its_negotiation(cast: Any) -> None:
    now = timezone.now()
    vote = vote_row(
        cast.world.negotiation,
        State.TALLIED,
        roll_locked_at=now,
        keep_until=now + timedelta(days=365),
    )
    member = cast.member_record
    closed = Worksite.objects.create(
        employer=member.worksite.employer, region=member.worksite.region, name="Shut", code="X9"
    )  # its members have left the roster; the roll still names it
    Voter.objects.create(
        vote=vote, key="local-a:GONE-1", union=member.union, unit=member.unit, worksite=closed
    )
    with pytest.raises(RecordKept), transaction.atomic():
        closed.delete()
    with pytest.raises(RecordKept), transaction.atomic():
        cast.world.negotiation.delete()
    assert vote.voters.count() == 1
    Vote.objects.filter(pk=vote.pk).update(keep_until=now - timedelta(days=1))  # a year on
    closed.delete()
    assert not vote.voters.exists()


def test_once_the_roll_is_locked_its_units_and_cut_off_stay(cast: Any) -> None:
    vote = draft_vote(cast)
    actions.do_freeze_roll(cast["team"], vote)
    actions.do_lock_roll(cast["team"], vote)
    with pytest.raises(VoteError, match="The roll is locked") as refused:
        actions.do_save_vote(
            cast["team"],
            vote.negotiation,
            vote,
            units=[cast.world.unit_a],
            **setup_fields(),
        )
    assert refused.value.field == "units"
    assert Voter.objects.filter(vote=vote).count() == 1
