"""Turnout for organizers: counts and percent by local, unit and worksite, hour by hour, from
the roll alone (no ballot is read); an organizer sees their own local only, and the list of
who has not voted yet there."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caucus.votes import ballot_box, credentials, paper, turnout
from caucus.votes.models import Voter
from tests.votes.helpers import members, open_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote(cast: Any) -> Any:
    """Local A: A-100, A-1..A-3 (A-1 votes online, A-2 on paper); local B: B-1, B-2 (B-1
    votes online)."""
    members(cast.world, a=3, b=2)
    vote, _ = open_vote(cast)
    codes = credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True)))
    by_key = {Voter.objects.get(pk=pk).key: code for pk, code in codes.items()}
    ballot_box.cast_ballot(vote, by_key["local-a:A-1"], "no")
    ballot_box.cast_ballot(vote, by_key["local-b:B-1"], "yes")
    paper.do_strike_off(cast["officer_a"], Voter.objects.get(key="local-a:A-2"))
    return vote


def test_turnout_by_local_counts_online_and_paper(vote: Any) -> None:
    rows = {row.name: row for row in turnout.turnout_by(vote, "local", None)}
    assert (rows["Local A"].eligible, rows["Local A"].online, rows["Local A"].paper) == (4, 1, 1)
    assert rows["Local A"].percent == 50.0
    assert (rows["Local B"].voted, rows["Local B"].percent) == (1, 50.0)


def test_turnout_by_hour_adds_up_to_those_who_voted(vote: Any) -> None:
    series = turnout.hourly(vote, None)
    assert series[-1][2] == 3
    assert sum(n for _, n, _ in series) == 3


def test_the_turnout_page_reads_no_ballot(cast: Any, vote: Any) -> None:
    client = cast.client("organizer_a")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("votes:turnout", args=[vote.pk])).content.decode()
    assert not [q for q in queries.captured_queries if "votes_ballot" in q["sql"]]
    assert "2 of 4" in page


def test_an_organizer_sees_nothing_of_another_local(cast: Any, vote: Any) -> None:
    page = cast.client("organizer_a").get(reverse("votes:turnout", args=[vote.pk]))
    text = page.content.decode()
    assert "Local A" in text
    assert "Local B" not in text


def test_an_organizer_lists_who_has_not_voted_in_their_own_local(cast: Any, vote: Any) -> None:
    page = cast.client("organizer_a").get(reverse("votes:not_voted", args=[vote.pk]))
    text = page.content.decode()
    assert "Mara Member" in text
    assert "Ana2 Parks" in text
    assert "Ana0 Parks" not in text  # A-1 voted
    assert "Ben1 Other" not in text  # local B


def test_the_bargaining_team_sees_turnout_but_no_list_of_names(cast: Any, vote: Any) -> None:
    client = cast.client("team")
    assert client.get(reverse("votes:turnout", args=[vote.pk])).status_code == 200
    assert client.get(reverse("votes:not_voted", args=[vote.pk])).status_code == 403
