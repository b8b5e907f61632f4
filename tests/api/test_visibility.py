"""What each role sees: internal notes and unpublished passes for the bargaining team only,
drafts of updates for communications only."""

from __future__ import annotations

from typing import Any

import pytest

BASE = "/api/negotiations/national-2026"
NOT_TEAM = ["comms", "officer_a", "observer"]


def test_the_team_sees_a_sessions_internal_notes_and_attendees(api_as: Any, table: Any) -> None:
    session = api_as("team").get(f"{BASE}/sessions/{table.session.pk}").json()
    assert session["internal_notes"].startswith("They will move on wages")
    assert session["attendees"] == "Team A\nEmployer counsel"


@pytest.mark.parametrize("who", NOT_TEAM)
def test_other_staff_get_no_internal_session_fields_at_all(
    api_as: Any, table: Any, who: str
) -> None:
    listed = api_as(who).get(f"{BASE}/sessions").json()["items"][0]
    detail = api_as(who).get(f"{BASE}/sessions/{table.session.pk}").json()
    for session in (listed, detail):
        assert "internal_notes" not in session
        assert "attendees" not in session
        assert session["public_summary"] == "We passed our wage proposal."


def test_the_team_lists_unpublished_proposals(api_as: Any, table: Any) -> None:
    page = api_as("team").get(f"{BASE}/proposals").json()
    assert [p["title"] for p in page["items"]] == [
        "Wages: 6% a year",
        "Wages: 2% a year",
        "Wages: 5% a year",
    ]
    assert page["items"][0]["created_at"]


@pytest.mark.parametrize("who", NOT_TEAM)
def test_other_staff_see_only_published_proposals(api_as: Any, table: Any, who: str) -> None:
    page = api_as(who).get(f"{BASE}/proposals").json()
    assert page["count"] == 2
    assert [p["title"] for p in page["items"]] == ["Wages: 6% a year", "Wages: 5% a year"]
    assert all("created_by" not in p and "created_at" not in p for p in page["items"])


@pytest.mark.parametrize("who", NOT_TEAM)
def test_an_unpublished_proposal_is_404_for_other_staff(api_as: Any, table: Any, who: str) -> None:
    response = api_as(who).get(f"{BASE}/proposals/{table.unpublished.pk}")
    assert response.status_code == 404


def test_a_published_answer_does_not_point_other_staff_at_an_unpublished_pass(
    api_as: Any, table: Any
) -> None:
    path = f"{BASE}/proposals/{table.answer_to_unpublished.pk}"
    assert api_as("comms").get(path).json()["answers_id"] is None
    assert api_as("team").get(path).json()["answers_id"] == table.unpublished.pk


def test_proposals_filter_by_side_and_article(api_as: Any, table: Any) -> None:
    team = api_as("team")
    employer = team.get(f"{BASE}/proposals?side=employer").json()["items"]
    assert [p["title"] for p in employer] == ["Wages: 2% a year"]
    assert team.get(f"{BASE}/proposals?article=7").json()["count"] == 0


def test_lists_are_paged_with_limit_and_offset(api_as: Any, table: Any) -> None:
    page = api_as("team").get(f"{BASE}/proposals?limit=1&offset=1").json()
    assert page["count"] == 3
    assert (page["limit"], page["offset"]) == (1, 1)
    assert [p["title"] for p in page["items"]] == ["Wages: 2% a year"]


def test_a_page_beyond_the_bounds_is_refused_with_422(api_as: Any, table: Any) -> None:
    assert api_as("team").get(f"{BASE}/proposals?limit=5000").status_code == 422


@pytest.mark.parametrize("who", ["comms", "team"])
def test_update_writers_see_draft_updates_and_their_author_field(
    api_as: Any, table: Any, who: str
) -> None:
    page = api_as(who).get(f"{BASE}/updates").json()
    assert [u["slug"] for u in page["items"]] == ["we-passed-wages", "draft"]
    assert "author" in page["items"][0]
    assert api_as(who).get(f"{BASE}/updates/draft").status_code == 200


@pytest.mark.parametrize("who", ["officer_a", "observer"])
def test_others_see_published_updates_only(api_as: Any, table: Any, who: str) -> None:
    page = api_as(who).get(f"{BASE}/updates").json()
    assert [u["slug"] for u in page["items"]] == ["we-passed-wages"]
    assert "author" not in page["items"][0]
    assert api_as(who).get(f"{BASE}/updates/draft").status_code == 404
