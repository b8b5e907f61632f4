"""Creating sessions and proposals through the API: what is stored, what is refused."""

from __future__ import annotations

from typing import Any

import pytest

BASE = "/api/negotiations/national-2026"


def test_the_team_records_a_session_with_its_internal_notes(api_as: Any, table: Any) -> None:
    response = api_as("team").post(
        f"{BASE}/sessions",
        {
            "date": "2026-04-01",
            "starts_at": "10:00",
            "ends_at": "16:00",
            "internal_notes": "Tense.",
        },
    )
    assert response.status_code == 201
    assert response.json()["internal_notes"] == "Tense."
    listed = api_as("comms").get(f"{BASE}/sessions").json()["items"]
    assert listed[0]["date"] == "2026-04-01"


def test_a_session_that_ends_before_it_starts_is_refused(api_as: Any, table: Any) -> None:
    body = {"date": "2026-04-01", "starts_at": "16:00", "ends_at": "10:00"}
    assert api_as("team").post(f"{BASE}/sessions", body).status_code == 422


def test_a_session_time_with_a_zone_is_refused(api_as: Any, table: Any) -> None:
    body = {"date": "2026-04-01", "starts_at": "10:00:00+02:00"}
    assert api_as("team").post(f"{BASE}/sessions", body).status_code == 422


def test_the_team_passes_a_counter_answering_the_employer(api_as: Any, table: Any) -> None:
    body = {
        "article": "12",
        "side": "union",
        "kind": "counter",
        "title": "Wages: 5.5%",
        "text": "Raise all rates 5.5% on April 1.",
        "answers_id": table.unpublished.pk,
        "session_id": table.session.pk,
        "economic_terms": {"raises": [{"effective": "2026-04-01", "percent": 5.5}]},
    }
    response = api_as("team").post(f"{BASE}/proposals", body)
    assert response.status_code == 201
    created = response.json()
    assert created["answers_id"] == table.unpublished.pk
    assert created["is_published"] is False
    assert created["created_by"] == "team"
    from caucus.audit.models import AuditEvent
    from caucus.table.models import Proposal

    proposal = Proposal.objects.get(pk=created["id"])
    assert [e.what for e in proposal.events.all()] == ["passed"]
    audit = AuditEvent.objects.get(object_id=str(proposal.pk), object_type="table.proposal")
    assert audit.action == "table.proposal_pass"
    # the union's two wage proposals still open are superseded by its new counter
    assert audit.detail["superseded"] == [table.published.pk, table.answer_to_unpublished.pk]


def test_an_unpublished_new_proposal_stays_hidden_from_other_staff(api_as: Any, table: Any) -> None:
    body = {"side": "union", "title": "Draft", "text": "Seniority by date of hire."}
    created = api_as("team").post(f"{BASE}/proposals", body).json()
    assert api_as("comms").get(f"{BASE}/proposals/{created['id']}").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"side": "union", "title": "x", "article": "99"},
        {"side": "union", "title": "x", "session_id": 999999},
        {"side": "union", "title": "x", "answers_id": 999999},
    ],
    ids=["unknown article", "unknown session", "unknown proposal"],
)
def test_a_proposal_pointing_outside_its_negotiation_is_refused(
    api_as: Any, table: Any, body: dict[str, Any]
) -> None:
    response = api_as("team").post(f"{BASE}/proposals", body)
    assert response.status_code == 422
    assert "no such item" in response.json()["detail"]


def test_a_proposal_cannot_answer_its_own_sides_proposal(api_as: Any, table: Any) -> None:
    body = {"side": "union", "title": "x", "text": "y", "answers_id": table.published.pk}
    response = api_as("team").post(f"{BASE}/proposals", body)
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "answers_id: A proposal answers one of the other side's proposals."
    )


def test_a_proposal_without_text_is_refused_naming_the_field(api_as: Any, table: Any) -> None:
    response = api_as("team").post(f"{BASE}/proposals", {"side": "union", "title": "Wages"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("text: ")


@pytest.mark.parametrize(
    "body",
    [
        {"side": "union", "title": "nul \x00 inside"},
        {"side": "union", "title": "x", "economic_terms": {"note": "nul \x00"}},
        {"side": "union", "title": ""},
        {"side": "both", "title": "x"},
    ],
    ids=["NUL in title", "NUL in terms", "empty title", "unknown side"],
)
def test_a_proposal_the_database_could_not_store_is_refused_with_422(
    api_as: Any, table: Any, body: dict[str, Any]
) -> None:
    assert api_as("team").post(f"{BASE}/proposals", body).status_code == 422


def test_a_pass_through_the_api_amends_the_sections_it_names(api_as: Any, table: Any) -> None:
    from caucus.table.models import Article

    Article.objects.filter(number="12").update(
        current_text="12.1 Scales are in Appendix B.\n\n12.2 Rates rise 2%.\n\n12.3 Premium $1."
    )
    body = {
        "article": "12",
        "side": "union",
        "title": "Wages: 5%",
        "text": "12.2 Rates rise 5%.",
        "effect": "sections",
        "sections": [
            {"section": "12.2", "action": "amend", "text": "12.2 Rates rise 5%."},
            {"section": "12.3", "action": "delete"},
        ],
    }
    response = api_as("team").post(f"{BASE}/proposals", body)
    assert response.status_code == 201, response.json()
    assert response.json()["effect"] == "sections"
    assert [(c["section"], c["action"]) for c in response.json()["sections"]] == [
        ("12.2", "amend"),
        ("12.3", "delete"),
    ]
    wrong = {**body, "sections": [{"section": "12.7", "action": "amend", "text": "x"}]}
    refused = api_as("team").post(f"{BASE}/proposals", wrong)
    assert refused.status_code == 422
    assert "no section 12.7 to amend" in str(refused.json()["detail"])
    omitted = {k: v for k, v in body.items() if k not in ("effect", "sections")}
    read = api_as("team").post(f"{BASE}/proposals", omitted).json()
    assert (read["effect"], read["sections"][0]["section"]) == ("sections", "12.2")
