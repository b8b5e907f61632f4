"""Paper at worksite meetings: tellers strike members off (and a member who voted online gets
no paper ballot, one struck off cannot vote online), two tellers count each local blind to
each other, a mismatch holds the tally until resolved, and challenged ballots wait for the
committee."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.votes import ballot_box, credentials, paper, states
from caucus.votes.errors import VoteError
from caucus.votes.models import Voter
from tests.votes.helpers import members, open_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote(cast: Any) -> Any:
    members(cast.world, a=3, b=2)
    return open_vote(cast)[0]


def test_a_teller_finds_a_member_by_name_or_number_and_strikes_them_off(
    cast: Any, vote: Any
) -> None:
    client = cast.client("officer_a")
    url = reverse("votes:strike", args=[vote.pk])
    page = client.get(url, {"q": "ana1 parks"}).content.decode()
    assert "Ana1 Parks" in page
    assert "Ana0 Parks" not in page
    voter = Voter.objects.get(key="local-a:A-2")
    assert "Ana1 Parks" in client.get(url, {"q": "a-2"}).content.decode()
    response = client.post(reverse("votes:strike_off", args=[vote.pk, voter.pk]), {"q": "a-2"})
    assert response.status_code == 302
    assert "is struck off" in client.get(response["Location"]).content.decode()
    voter.refresh_from_db()
    assert (voter.has_voted, voter.channel, voter.struck_by) == (True, "paper", cast["officer_a"])


def test_one_struck_off_can_no_longer_vote_online(cast: Any, vote: Any) -> None:
    voter = Voter.objects.get(key="local-a:A-1")
    code = credentials.issue_credentials([voter.pk])[voter.pk]
    paper.do_strike_off(cast["officer_a"], voter)
    assert ballot_box.cast_ballot(vote, code, "yes").status == "already_voted"


def test_a_member_who_voted_online_cannot_be_handed_a_paper_ballot(cast: Any, vote: Any) -> None:
    voter = Voter.objects.get(key="local-a:A-1")
    code = credentials.issue_credentials([voter.pk])[voter.pk]
    ballot_box.cast_ballot(vote, code, "yes")
    client = cast.client("officer_a")
    page = client.get(reverse("votes:strike", args=[vote.pk]), {"q": "A-1"}).content.decode()
    assert "already voted online: no paper ballot" in page
    response = client.post(reverse("votes:strike_off", args=[vote.pk, voter.pk]), follow=True)
    assert "has already voted online" in response.content.decode()
    voter.refresh_from_db()
    assert voter.channel == "online"


def test_a_member_added_after_the_roll_is_locked_is_sent_to_a_challenged_ballot(
    cast: Any, vote: Any
) -> None:
    cast.world.member(member_id="A-77", first_name="Sam", last_name="Newhire")
    assert not vote.voters.filter(key="local-a:A-77").exists()
    url = reverse("votes:strike", args=[vote.pk])
    page = cast.client("officer_a").get(url, {"q": "Newhire"}).content.decode()
    assert "No one on the roll matches “Newhire”" in page
    assert reverse("votes:challenged", args=[vote.pk]) in page
    assert "Strike off Sam" not in page


def _strike(cast: Any, *keys: str) -> None:
    for key in keys:
        paper.do_strike_off(cast["officer_a"], Voter.objects.get(key=key))


def test_one_tellers_count_waits_for_a_second(cast: Any, vote: Any) -> None:
    _strike(cast, "local-a:A-1", "local-a:A-2")
    paper.do_enter_paper_count(cast["officer_a"], vote, cast.world.union_a, (2, 0, 0))
    local_a = next(p for p in paper.paper_status(vote) if p.union == cast.world.union_a)
    assert local_a.state == "one"
    assert local_a.settled is None


def test_two_tellers_who_agree_settle_the_count(cast: Any, vote: Any) -> None:
    _strike(cast, "local-a:A-1", "local-a:A-2")
    paper.do_enter_paper_count(cast["officer_a"], vote, cast.world.union_a, (1, 1, 0))
    paper.do_enter_paper_count(cast["team"], vote, cast.world.union_a, (1, 1, 0))
    local_a = next(p for p in paper.paper_status(vote) if p.union == cast.world.union_a)
    assert (local_a.state, local_a.settled) == ("match", (1, 1, 0))


def test_a_mismatch_is_shown_and_holds_the_tally_until_the_committee_resolves_it(
    cast: Any, vote: Any
) -> None:
    _strike(cast, "local-a:A-1", "local-a:A-2")
    union_a = cast.world.union_a
    paper.do_enter_paper_count(cast["officer_a"], vote, union_a, (2, 0, 0))
    paper.do_enter_paper_count(cast["team"], vote, union_a, (1, 1, 0))
    page = cast.client("officer_a").get(reverse("votes:paper", args=[vote.pk])).content.decode()
    assert "the counts do not match" in page
    states.do_close_vote(cast["team"], vote)
    vote.refresh_from_db()
    assert "the paper count is not settled (mismatch)" in " ".join(paper.tally_problems(vote))
    with pytest.raises(VoteError, match="Say how"):
        paper.do_resolve_paper(cast["team"], vote, union_a, (1, 1, 0), "")
    paper.do_resolve_paper(cast["team"], vote, union_a, (1, 1, 0), "Recounted by both tellers.")
    assert paper.tally_problems(vote) == []


def test_a_teller_does_not_see_the_other_tellers_count(cast: Any, vote: Any) -> None:
    _strike(cast, *(f"local-a:A-{i}" for i in (1, 2, 3)))
    paper.do_enter_paper_count(cast["team"], vote, cast.world.union_a, (3, 0, 0))
    page = cast.client("officer_a").get(reverse("votes:paper", args=[vote.pk])).content.decode()
    assert "3 yes" not in page
    assert "waiting for a second teller" in page


def test_more_paper_ballots_than_members_struck_off_hold_the_tally(cast: Any, vote: Any) -> None:
    _strike(cast, "local-a:A-1")
    for teller in ("officer_a", "team"):
        paper.do_enter_paper_count(cast[teller], vote, cast.world.union_a, (2, 0, 0))
    assert "2 paper ballots counted, but only 1 members were struck off" in " ".join(
        paper.tally_problems(vote)
    )


def test_a_challenged_ballot_is_sealed_and_waits_for_the_committee(cast: Any, vote: Any) -> None:
    challenged = paper.do_record_challenged(
        cast["officer_a"],
        vote,
        cast.world.union_a,
        name="Sam Newhire",
        member_number="A-77",
        reason="not_on_roll",
        note="Hired in March, says the roster is late.",
        choice="yes",
    )
    assert len(bytes(challenged.sealed)) == 112
    assert b"yes" not in bytes(challenged.sealed)
    assert "wait for the committee's decision" in " ".join(paper.tally_problems(vote))
    with pytest.raises(VoteError, match="right to do this"):
        paper.do_decide_challenged(cast["officer_a"], challenged, accept=True, note="")
    paper.do_decide_challenged(cast["team"], challenged, accept=True, note="On the new roster.")
    challenged.refresh_from_db()
    assert challenged.status == "accepted"
    assert paper.tally_problems(vote) == []


def test_the_teller_hands_the_phone_to_the_member_to_choose(cast: Any, vote: Any) -> None:
    client = cast.client("officer_a")
    url = reverse("votes:challenged", args=[vote.pk])
    response = client.post(
        url,
        {
            "union": cast.world.union_b.pk,
            "name": "Lee Elsewhere",
            "reason": "wrong_local",
            "choice": "no",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Lee Elsewhere" in page
    assert "On the roll of another local" in page
    assert "out of your sight" in page
