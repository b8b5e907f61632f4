"""Credentials and casting: a credential of 192 random bits stored only as its hash, one cast
per credential, a receipt the member can find among the ballots, and a ballot that holds
nothing but its local and its sealed choice."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.engines.ballots.keys import load_trustee_file
from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.sealing import SEALED_SIZE, SealedBallot, open_ballots
from caucus.votes import ballot_box, credentials, states
from caucus.votes.models import OPTIONS, Ballot, Vote, Voter
from tests.votes.helpers import PASSPHRASE, members, open_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def voting(cast: Any) -> tuple[Vote, str, dict[str, str]]:
    """An open vote of five voters, each with a credential, by voter key."""
    members(cast.world, a=2, b=2)
    vote, key_file = open_vote(cast)
    issued = credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True)))
    keys = dict(Voter.objects.values_list("pk", "key"))
    return vote, key_file, {keys[pk]: c for pk, c in issued.items()}


def test_a_credential_has_192_random_bits_and_only_its_hash_is_stored(voting: Any) -> None:
    _, _, issued = voting
    credential = issued["local-a:A-1"]
    assert len(credential) == 32  # 24 bytes in URL-safe base64
    voter = Voter.objects.get(key="local-a:A-1")
    assert voter.credential_hash == ballot_box.hash_credential(credential)
    stored = [str(v) for v in Voter.objects.values_list(flat=False)]
    assert not any(credential in row for row in stored)


def test_a_cast_stores_one_sealed_ballot_and_gives_its_receipt(voting: Any) -> None:
    vote, _, issued = voting
    result = ballot_box.cast_ballot(vote, issued["local-a:A-1"], "yes")
    assert result.is_cast
    ballot = Ballot.objects.get()
    assert len(bytes(ballot.sealed)) == SEALED_SIZE
    assert result.receipt == ballot.receipt == receipt_code(bytes(ballot.sealed))
    assert ballot.union == Voter.objects.get(key="local-a:A-1").union
    voter = Voter.objects.get(key="local-a:A-1")
    assert (voter.has_voted, voter.channel) == (True, "online")
    assert voter.voted_hour == ballot_box.hour_of(voter.voted_hour)


def test_a_second_attempt_says_already_voted_and_changes_nothing(voting: Any) -> None:
    vote, _, issued = voting
    ballot_box.cast_ballot(vote, issued["local-a:A-1"], "yes")
    again = ballot_box.cast_ballot(vote, issued["local-a:A-1"], "no")
    assert again.status == ballot_box.ALREADY_VOTED
    assert Ballot.objects.count() == 1


def test_a_wrong_credential_casts_nothing(voting: Any) -> None:
    vote, _, _ = voting
    assert ballot_box.cast_ballot(vote, "not-a-credential", "yes").status == ballot_box.UNKNOWN
    assert not Ballot.objects.exists()


def test_a_reissued_credential_voids_the_old_one(voting: Any) -> None:
    vote, _, issued = voting
    voter = Voter.objects.get(key="local-a:A-1")
    new = credentials.issue_credentials([voter.pk])[voter.pk]
    assert ballot_box.cast_ballot(vote, issued["local-a:A-1"], "yes").status == "unknown"
    assert ballot_box.cast_ballot(vote, new, "yes").is_cast


def test_no_ballot_is_taken_after_the_vote_closes(voting: Any, cast: Any) -> None:
    vote, _, issued = voting
    Vote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    assert ballot_box.cast_ballot(vote, issued["local-a:A-1"], "yes").status == "not_open"
    vote.refresh_from_db()
    Vote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() + timedelta(hours=1))
    states.do_close_vote(cast["team"], vote)
    assert ballot_box.cast_ballot(vote, issued["local-a:A-2"], "yes").status == "not_open"
    assert not Ballot.objects.exists()


def test_a_member_struck_off_at_a_meeting_cannot_vote_online(voting: Any) -> None:
    vote, _, issued = voting
    Voter.objects.filter(key="local-b:B-1").update(has_voted=True, channel="paper")
    result = ballot_box.cast_ballot(vote, issued["local-b:B-1"], "yes")
    assert (result.status, result.channel) == ("already_voted", "paper")
    assert not Ballot.objects.exists()


def test_a_ballot_holds_no_voter_no_time_and_a_random_id(voting: Any) -> None:
    vote, _, issued = voting
    ballot_box.cast_ballot(vote, issued["local-a:A-1"], "yes")
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert fields == {"id", "vote", "union", "sealed", "receipt"}
    assert Ballot.objects.get().id.version == 4


def test_the_trustees_key_opens_what_was_cast_and_nothing_else_does(voting: Any) -> None:
    vote, key_file, issued = voting
    for key, choice in (("local-a:A-1", "yes"), ("local-a:A-2", "no"), ("local-b:B-1", "yes")):
        ballot_box.cast_ballot(vote, issued[key], choice)
    rows = [SealedBallot(bytes(b.sealed), b.union.slug) for b in Ballot.objects.all()]
    opened = open_ballots(load_trustee_file(key_file, PASSPHRASE), rows, OPTIONS)
    assert opened.counts == {"yes": 2, "no": 1}
    assert opened.by_local["local-b"] == {"yes": 1, "no": 0}
    from caucus.engines.ballots.keys import new_private_key

    stranger = open_ballots(new_private_key(), rows, OPTIONS)
    assert (stranger.counted, stranger.undecryptable) == (0, 3)


def test_closing_rewrites_every_ballot_with_new_ids_and_the_same_receipts(
    voting: Any, cast: Any
) -> None:
    vote, _, issued = voting
    for key in issued:
        ballot_box.cast_ballot(vote, issued[key], "yes")
    before = dict(Ballot.objects.values_list("receipt", "id"))
    assert states.do_close_vote(cast["team"], vote) == 5
    after = dict(Ballot.objects.values_list("receipt", "id"))
    assert set(after) == set(before)
    assert not set(after.values()) & set(before.values())
    assert all(isinstance(pk, uuid.UUID) for pk in after.values())
