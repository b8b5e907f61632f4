"""The tally and what follows: the trustees' key opens the ballots, online, paper and accepted
challenged ballots are merged per local, the rule decides each local and the coalition with
its reasons; the results pages; the result as a draft update; the audit package, from which
an observer can check the roll hash and decide the vote again."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.engines.ballots import decide, parse_rules, parse_tallies
from caucus.votes import actions, ballot_box, credentials, paper, states
from caucus.votes.errors import VoteError
from caucus.votes.models import ChallengedBallot, RecordKept, Result, State, Vote, Voter
from caucus.votes.tally import do_tally
from tests.votes.helpers import PASSPHRASE, open_vote, result_row, vote_row

pytestmark = pytest.mark.django_db


def _many(world: Any, union: Any, prefix: str, n: int) -> None:
    for i in range(n):
        world.member(union, member_id=f"{prefix}-{i + 1}", first_name=f"M{i}")


@pytest.fixture
def counted(cast: Any) -> tuple[Vote, str]:
    """Local A: 12 on the roll; 8 vote online (6 yes, 2 no) and 3 on paper (2 yes, 1 no):
    8 yes of 11 is 72.7%, at least two thirds: passes. Local B: 12 on the roll; 6 online
    (3 yes, 3 no) and one accepted challenged yes: 4 yes of 7 is 57.1%: fails."""
    world = cast.world
    _many(world, world.union_a, "A", 11)  # with A-100, 12 in local A
    _many(world, world.union_b, "B", 12)
    vote, key_file = open_vote(cast)
    codes = credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True)))
    by_key = {Voter.objects.get(pk=pk).key: code for pk, code in codes.items()}
    choices = {f"local-a:A-{i}": "yes" if i <= 6 else "no" for i in range(1, 9)}
    choices |= {f"local-b:B-{i}": "yes" if i <= 3 else "no" for i in range(1, 7)}
    for key, choice in choices.items():
        assert ballot_box.cast_ballot(vote, by_key[key], choice).is_cast
    for key in ("local-a:A-9", "local-a:A-10", "local-a:A-11"):
        paper.do_strike_off(cast["officer_a"], Voter.objects.get(key=key))
    for teller in ("officer_a", "team"):
        paper.do_enter_paper_count(cast[teller], vote, world.union_a, (2, 1, 0))
    challenged = paper.do_record_challenged(
        cast["officer_a"],
        vote,
        world.union_b,
        name="Sam Newhire",
        member_number="B-99",
        reason="not_on_roll",
        note="",
        choice="yes",
    )
    paper.do_decide_challenged(cast["team"], challenged, accept=True, note="Hired in January.")
    states.do_close_vote(cast["team"], vote)
    vote.refresh_from_db()
    return vote, key_file


def test_the_tally_merges_online_paper_and_challenged_ballots_per_local(
    cast: Any, counted: Any
) -> None:
    vote, key_file = counted
    result = do_tally(cast["observer"], vote, key_file, PASSPHRASE)
    local_a, local_b = result.outcome["locals"]
    assert (local_a["key"], local_a["yes"], local_a["no"], local_a["passes"]) == (
        "local-a",
        8,
        3,
        True,
    )
    assert "8 yes of 11 votes cast = 72.7%, needs at least 2/3: passes" in local_a["reason"]
    assert (local_b["eligible"], local_b["yes"], local_b["no"], local_b["passes"]) == (
        13,
        4,
        3,
        False,
    )
    assert result.channels["local-a"]["paper"] == {"yes": 2, "no": 1, "void": 0}
    assert result.channels["local-b"]["challenged"] == {"yes": 1, "no": 0, "void": 0}
    assert result.outcome["passes"] is False
    assert result.counted == 15


def test_after_the_tally_only_counts_remain_and_the_records_are_kept_a_year(
    cast: Any, counted: Any
) -> None:
    vote, key_file = counted
    do_tally(cast["team"], vote, key_file, PASSPHRASE)
    vote.refresh_from_db()
    assert vote.state == "tallied"
    assert (vote.keep_until - vote.tallied_at).days == 365
    assert ChallengedBallot.objects.get().sealed is None
    with pytest.raises(RecordKept):
        vote.delete()
    event = AuditEvent.objects.get(action="vote.tally")
    assert event.detail == {"passes": False, "counted": 15, "problems": 0}


def test_a_wrong_passphrase_counts_nothing(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    with pytest.raises(VoteError) as refused:
        do_tally(cast["team"], vote, key_file, "not the passphrase")
    assert refused.value.field == "key_file"
    vote.refresh_from_db()
    assert vote.state == "closed"
    assert not Result.objects.filter(vote=vote).exists()


def test_an_open_vote_cannot_be_tallied(cast: Any) -> None:
    vote, key_file = open_vote(cast)
    with pytest.raises(VoteError, match="open: tallying it is not possible"):
        do_tally(cast["team"], vote, key_file, PASSPHRASE)


def test_a_teller_cannot_tally(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    with pytest.raises(VoteError, match="right to do this"):
        do_tally(cast["officer_a"], vote, key_file, PASSPHRASE)


def test_the_tally_page_takes_the_key_file_and_shows_the_results(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    client = cast.client("observer")
    upload = io.BytesIO(key_file.encode())
    upload.name = "key.json"
    url = reverse("votes:tally", args=[vote.pk])
    response = client.post(url, {"key_file": upload, "passphrase": PASSPHRASE}, follow=True)
    page = response.content.decode()
    assert "Local A" in page
    assert "needs at least 2/3: passes" in page
    assert "✗ Fails" in page


def test_members_see_per_local_results_with_reasons(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result_row(vote, {"local-a": (40, 20, 8, 0), "local-b": (30, 12, 10, 0)})
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url).content.decode()
    assert "20 yes of 28 votes cast = 71.4%, needs at least 2/3: passes" in page
    assert "12 yes of 22 votes cast = 54.5%, needs at least 2/3: fails" in page
    assert "has not certified the result yet" in page


def test_a_local_with_fewer_than_ten_voters_cannot_be_worked_out_from_the_others(
    cast: Any, counted: Any
) -> None:
    vote, key_file = counted
    do_tally(cast["team"], vote, key_file, PASSPHRASE)  # local B: 7 voted
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url).content.decode()
    assert "Fewer than 10 members voted here, so the counts are not shown." in page
    assert "4 yes of 7" not in page
    # Local A's 8 yes beside all locals' 12 would give B's 4: A's counts go too.
    assert "8 yes of 11" not in page
    assert (
        "Not shown, so that the counts of a local where fewer than 10 members voted cannot be "
        "worked out by subtraction."
    ) in page
    assert "Not shown, so that a smaller local&#x27;s counts cannot be worked out" in page
    assert "<td>12</td><td>6</td><td>0</td>" in page  # all locals together: yes, no, blank


def test_a_small_channel_is_not_left_to_be_worked_out_from_the_others(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result = result_row(vote, {"local-a": (600, 300, 220, 0), "local-b": (100, 60, 20, 0)})
    result.channels["local-a"] = {
        "online": {"yes": 290, "no": 210, "void": 0},
        "paper": {"yes": 3, "no": 1, "void": 0},
        "challenged": {"yes": 7, "no": 9, "void": 0},
    }
    result.save()
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url).content.decode()
    assert "<td>Online</td><td>290</td><td>210</td>" in page
    assert '<td>Paper</td><td colspan="3">Not broken down: fewer than 10 ballots.</td>' in page
    assert (
        '<td>Challenged, accepted</td><td colspan="3">Not broken down, so that a smaller '
        "group&#x27;s ballots cannot be worked out.</td>"
    ) in page


def test_the_result_becomes_a_draft_update_in_one_step(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    do_tally(cast["team"], vote, key_file, PASSPHRASE)
    client = cast.client("team")
    response = client.post(reverse("votes:draft_update", args=[vote.pk]))
    from caucus.updates.models import Update

    update = Update.objects.get(slug=f"vote-{vote.pk}-results")
    assert response["Location"] == reverse("updates:edit", args=[update.pk])
    assert update.status == "draft"
    assert "| Local A | – | – | 91.7% | passes |" in update.body
    assert "| All locals together | 12 | 6 | " in update.body


def test_the_audit_package_checks_out(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    do_tally(cast["team"], vote, key_file, PASSPHRASE)
    response = cast.client("observer").get(reverse("votes:package", args=[vote.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    files = {name.split("/", 1)[1]: archive.read(name).decode() for name in archive.namelist()}
    assert hashlib.sha256(files["roll.txt"].encode()).hexdigest() == vote.roll_hash
    assert files["roll_hash.txt"].strip() == vote.roll_hash
    assert len(files["ballots.csv"].splitlines()) == 1 + 14
    assert len(files["receipts.txt"].splitlines()) == 15
    again = decide(parse_rules(json.loads(files["rule.json"])), parse_tallies(files["tallies.csv"]))
    assert again.passes is json.loads(files["result.json"])["outcome"]["passes"]
    assert "Sam Newhire" not in files["challenged.csv"]
    assert "vote.tally" in files["log.csv"]
    assert AuditEvent.objects.filter(action="vote.package_download").count() == 1


def test_certifying_ends_the_vote(cast: Any, counted: Any) -> None:
    vote, key_file = counted
    do_tally(cast["team"], vote, key_file, PASSPHRASE)
    actions.do_certify(cast["team"], vote)
    vote.refresh_from_db()
    assert vote.state == "certified"


def test_the_results_page_notes_when_a_yes_vote_would_have_made_it_fail(cast: Any) -> None:
    """The turnout switch's paradox: 19 of 40 voted (47.5%, under the switch of half), 10 no
    of 19 is short of the two thirds rejecting needs, so it passes; one more yes would lift
    turnout to the switch, where 10 yes of 20 is no majority, and it would fail."""
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    vote.rule = {
        "scope": "coalition",
        "coalition": {
            "threshold": "majority",
            "switch": {"turnout": "1/2", "below": {"reject_at_least": "2/3"}},
        },
    }
    vote.save(update_fields=["rule"])
    result_row(vote, {"local-a": (20, 5, 5, 0), "local-b": (20, 4, 5, 0)})
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url).content.decode()
    assert "Note on the turnout switch:" in page
    assert (
        "1 more yes vote would lift turnout to the switch of 50% and make the proposal fail" in page
    )
