"""Correcting a session or a proposal after it was entered, and publishing a proposal later."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.table.models import Proposal, ProposalEvent
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db


def edit_url(table: Any, proposal: Proposal) -> str:
    return reverse("table:proposal_edit", args=[table.slug, proposal.pk])


def edit_data(proposal: Proposal, **fields: Any) -> dict[str, Any]:
    data = {
        "kind": proposal.kind,
        "article": proposal.article_id,
        "title": proposal.title,
        "text": proposal.text,
        "summary": proposal.summary,
        "passed_on": proposal.passed_on.isoformat(),
        "economic_terms": "null",
    }
    if proposal.is_published:
        data["is_published"] = "on"
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_the_team_publishes_a_proposal_it_entered_as_a_draft(cast: Any, table: Any) -> None:
    draft = table.proposal(is_published=False, title="Staffing floor")
    client = cast.client("team")
    response = client.post(edit_url(table, draft), edit_data(draft, is_published="on"), follow=True)
    draft.refresh_from_db()
    assert draft.is_published
    assert "Published to members" in response.content.decode()
    site = cast.client(None).get(reverse("site:proposal", args=[table.slug, draft.pk]))
    assert site.status_code == 200
    assert "Staffing floor" in site.content.decode()
    event = ProposalEvent.objects.get(proposal=draft, what="edited")
    assert event.note == "Changed: is published."
    assert event.actor == cast["team"]
    assert AuditEvent.objects.filter(action="table.proposal_publish", actor=cast["team"]).exists()


def test_a_correction_records_which_fields_changed(cast: Any, table: Any) -> None:
    proposal = table.proposal(title="Wages: 5%", text="Five percent.")
    cast.client("team").post(
        edit_url(table, proposal), edit_data(proposal, title="Wages: 5.5%", text="5.5 percent.")
    )
    proposal.refresh_from_db()
    assert (proposal.title, proposal.text) == ("Wages: 5.5%", "5.5 percent.")
    audit = AuditEvent.objects.get(action="table.proposal_edit")
    assert audit.detail["changed"] == ["title", "text"]
    assert proposal.side == "union"  # not on the form, never changed by it


def test_a_correction_with_bad_terms_changes_nothing(cast: Any, table: Any) -> None:
    proposal = table.proposal(title="Wages: 5%")
    response = cast.client("team").post(
        edit_url(table, proposal),
        edit_data(proposal, title="Changed", economic_terms='{"raises": [{"percent": -200}]}'),
    )
    assert response.status_code == 400
    assert "raises[0].effective: is required" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "Wages: 5%"
    assert not ProposalEvent.objects.filter(what="edited").exists()


def test_a_correction_cannot_make_a_proposal_answer_its_own_side(cast: Any, table: Any) -> None:
    ours = table.proposal("union", title="Ours")
    later = table.proposal("union", title="Also ours")
    response = cast.client("team").post(edit_url(table, later), edit_data(later, answers=ours.pk))
    assert response.status_code == 400
    assert "answers one of the other side" in response.content.decode()


@pytest.mark.parametrize("who", ["comms", "officer_a", "observer", "member_a", "outsider", None])
def test_only_the_team_corrects_proposals(cast: Any, table: Any, who: str | None) -> None:
    proposal = table.proposal(title="Wages: 5%")
    response = cast.client(who).post(edit_url(table, proposal), edit_data(proposal, title="X"))
    if response.status_code != 404:
        assert_refused(response)
    proposal.refresh_from_db()
    assert proposal.title == "Wages: 5%"


def test_the_team_corrects_a_session_and_the_audit_log_says_what(cast: Any, table: Any) -> None:
    session = table.session(place="Union hall")
    url = reverse("table:session_edit", args=[table.slug, session.pk])
    client = cast.client("team")
    assert "Correct the session" in client.get(url).content.decode()
    response = client.post(
        url,
        {"date": "2026-03-02", "place": "Hotel Marlowe, room 4", "public_summary": "We met."},
        follow=True,
    )
    assert "Hotel Marlowe, room 4" in response.content.decode()
    audit = AuditEvent.objects.get(action="table.session_edit")
    assert audit.detail["changed"] == ["place", "public_summary"]


def test_staff_outside_the_team_cannot_correct_a_session(cast: Any, table: Any) -> None:
    session = table.session(place="Union hall")
    url = reverse("table:session_edit", args=[table.slug, session.pk])
    response = cast.client("comms").post(url, {"date": "2026-03-02", "place": "Elsewhere"})
    assert response.status_code in (403, 404)
    session.refresh_from_db()
    assert session.place == "Union hall"
