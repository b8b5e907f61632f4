"""Every route answered for every role: staff read, the team writes, others are refused."""

from __future__ import annotations

from typing import Any

import pytest

BASE = "/api/negotiations/national-2026"
READS = {
    "negotiations": lambda t: "/api/negotiations",
    "negotiation": lambda t: BASE,
    "articles": lambda t: f"{BASE}/articles",
    "article": lambda t: f"{BASE}/articles/12",
    "sessions": lambda t: f"{BASE}/sessions",
    "session": lambda t: f"{BASE}/sessions/{t.session.pk}",
    "proposals": lambda t: f"{BASE}/proposals",
    "proposal": lambda t: f"{BASE}/proposals/{t.published.pk}",
    "updates": lambda t: f"{BASE}/updates",
    "update": lambda t: f"{BASE}/updates/{t.update.slug}",
}
WRITES = {
    "create session": (f"{BASE}/sessions", {"date": "2026-04-01", "place": "Hotel"}),
    "create proposal": (
        f"{BASE}/proposals",
        {"side": "union", "title": "Seniority: bidding", "text": "By seniority.", "article": "7"},
    ),
}
# Who gets what: None is the caller with no token at all.
READ_STATUS = {
    "team": 200,
    "comms": 200,
    "officer_a": 200,
    "outsider": 403,
    "member_a": 403,
    None: 401,
}
WRITE_STATUS = {
    "team": 201,
    "comms": 403,
    "officer_a": 403,
    "outsider": 403,
    "member_a": 403,
    None: 401,
}


@pytest.mark.parametrize("who", list(READ_STATUS))
@pytest.mark.parametrize("route", list(READS))
def test_each_read_route_answers_each_role_as_the_pages_would(
    api_as: Any, table: Any, route: str, who: str | None
) -> None:
    response = api_as(who).get(READS[route](table))
    assert response.status_code == READ_STATUS[who], response.content
    if response.status_code == 200:
        assert response.json()
    else:
        assert "detail" in response.json()


@pytest.mark.parametrize("who", list(WRITE_STATUS))
@pytest.mark.parametrize("route", list(WRITES))
def test_each_write_route_is_open_to_the_bargaining_team_only(
    api_as: Any, table: Any, route: str, who: str | None
) -> None:
    path, body = WRITES[route]
    response = api_as(who).post(path, body)
    assert response.status_code == WRITE_STATUS[who], response.content


def test_a_revoked_or_unknown_token_is_refused_with_401(api_as: Any, cast: Any) -> None:
    from caucus.accounts.models import ApiToken

    ApiToken.objects.filter(user=cast["team"]).delete()
    response = api_as("team").get("/api/negotiations")
    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(api_as: Any, cast: Any) -> None:
    cast["team"].is_active = False
    cast["team"].save()
    assert api_as("team").get("/api/negotiations").status_code == 401


def test_a_local_officer_does_not_reach_a_negotiation_that_does_not_cover_their_local(
    api_as: Any, world: Any, table: Any
) -> None:
    from caucus.table.models import Negotiation

    local_table = Negotiation.objects.create(
        coalition=world.coalition, employer=world.employer, name="Local B table", slug="local-b"
    )
    local_table.units.set([world.unit_b])
    assert api_as("officer_a").get("/api/negotiations/local-b").status_code == 404
    assert api_as("officer_b").get("/api/negotiations/local-b").status_code == 200
    listed = [n["slug"] for n in api_as("officer_a").get("/api/negotiations").json()["items"]]
    assert listed == ["national-2026"]


def test_an_unknown_negotiation_is_404_even_for_the_team(api_as: Any, table: Any) -> None:
    assert api_as("team").get("/api/negotiations/nope/proposals").status_code == 404


def test_the_schema_and_the_docs_are_served_without_a_token(client: Any, db: Any) -> None:
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/negotiations/{slug}/proposals" in schema.json()["paths"]
    assert client.get("/api/docs").status_code == 200
