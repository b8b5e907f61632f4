"""Votes in the JSON API: the same rights as the pages; turnout for an organizer's own locals;
the result only once counted, in the engine's documented JSON."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from caucus.accounts.models import ApiToken
from caucus.votes.models import State
from tests.votes.helpers import result_row, vote_row, voter_row

pytestmark = pytest.mark.django_db


def _get(cast: Any, who: str, path: str) -> Any:
    _, raw = ApiToken.issue(cast[who], "test")
    return Client().get(path, headers={"Authorization": f"Bearer {raw}"})


def test_the_api_lists_a_negotiations_votes_with_their_rule(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.OPEN, title="Strike vote")
    body = _get(cast, "team", "/api/negotiations/national-2026/votes").json()
    assert [(v["id"], v["title"], v["state"]) for v in body] == [(vote.pk, "Strike vote", "open")]
    assert body[0]["rule"]["scope"] == "both"


def test_an_organizer_gets_turnout_of_their_own_local_only(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.OPEN)
    voter_row(vote, cast.member_record, has_voted=True, channel="online")
    voter_row(vote, cast.world.member(cast.world.union_b, member_id="B-1"))
    body = _get(
        cast, "organizer_a", f"/api/negotiations/national-2026/votes/{vote.pk}/turnout"
    ).json()
    assert body["total"] == {
        "name": "All",
        "eligible": 1,
        "voted": 1,
        "online": 1,
        "paper": 0,
        "percent": 100.0,
    }
    assert [row["name"] for row in body["locals"]] == ["Local A"]


def test_an_organizer_cannot_read_the_vote_itself(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.OPEN)
    response = _get(cast, "organizer_a", f"/api/negotiations/national-2026/votes/{vote.pk}")
    assert response.status_code == 404


def test_there_is_no_result_before_the_count(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.CLOSED)
    path = f"/api/negotiations/national-2026/votes/{vote.pk}/result"
    assert _get(cast, "team", path).status_code == 404


def test_the_result_is_the_engines_json(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result_row(vote, {"local-a": (30, 20, 10, 0), "local-b": (30, 19, 11, 0)})
    path = f"/api/negotiations/national-2026/votes/{vote.pk}/result"
    body = _get(cast, "observer", path).json()
    assert body["outcome"]["format"] == 1
    local_a = body["outcome"]["locals"][0]
    assert (local_a["key"], local_a["yes_share"], local_a["passes"]) == ("local-a", "2/3", True)
    assert body["channels"]["local-b"]["online"] == {"yes": 19, "no": 11, "void": 0}


def test_the_api_does_not_break_down_a_local_where_fewer_than_ten_voted(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result_row(vote, {"local-a": (30, 20, 10, 0), "local-b": (12, 6, 3, 0)})  # B: 9 voted
    path = f"/api/negotiations/national-2026/votes/{vote.pk}/result"
    body = _get(cast, "team", path).json()
    local_a, local_b = body["outcome"]["locals"]
    assert (local_b["yes"], local_b["no"], local_b["yes_share"]) == (None, None, None)
    assert local_b["reason"] == "Fewer than 10 members voted here, so the counts are not shown."
    assert (local_b["turnout_count"], local_b["passes"]) == (9, True)  # 6 of 9: two thirds
    assert "6 yes of 9" not in str(body)
    assert "local-b" not in body["channels"]
    # A's 20 yes beside all locals' 26 would give B's 6: A's counts are withheld too, and the
    # total, which decides, is shown.
    assert (local_a["yes"], local_a["no"], local_a["passes"]) == (None, None, True)
    assert local_a["reason"].startswith("Not shown, so that the counts of a local where fewer")
    assert "local-a" not in body["channels"]
    coalition = body["outcome"]["coalition"]
    assert (coalition["yes"], coalition["no"]) == (26, 13)


def test_when_each_local_decides_the_api_withholds_the_total_instead(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    vote.rule = {"scope": "local", "default": {"threshold": "2/3"}}
    vote.save()
    result_row(vote, {"local-a": (30, 20, 10, 0), "local-b": (12, 6, 3, 0)})
    path = f"/api/negotiations/national-2026/votes/{vote.pk}/result"
    body = _get(cast, "observer", path).json()
    local_a, local_b = body["outcome"]["locals"]
    assert (local_a["yes"], local_a["no"]) == (20, 10)
    assert local_b["yes"] is None
    assert body["outcome"]["coalition"]["yes"] is None
    assert body["channels"]["local-a"]["online"] == {"yes": 20, "no": 10, "void": 0}


def test_a_small_channel_takes_the_next_smallest_with_it(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result = result_row(vote, {"local-a": (600, 300, 220, 0), "local-b": (100, 60, 20, 0)})
    result.channels["local-a"] = {
        "online": {"yes": 290, "no": 210, "void": 0},
        "paper": {"yes": 3, "no": 1, "void": 0},  # 4: the local's 520 less online's 500
        "challenged": {"yes": 7, "no": 9, "void": 0},
    }
    result.save()
    path = f"/api/negotiations/national-2026/votes/{vote.pk}/result"
    channels = _get(cast, "team", path).json()["channels"]["local-a"]
    assert channels == {
        "online": {"yes": 290, "no": 210, "void": 0},
        "paper": None,
        "challenged": None,
    }
