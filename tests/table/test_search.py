from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.table.search import highlight
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db

SEARCH = reverse("table:search", args=["national-2026"])


def results(cast: Any, who: str, q: str) -> str:
    response = cast.client(who).get(SEARCH, {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_proposals_are_found_by_title_text_or_summary(cast: Any, table: Any) -> None:
    table.proposal(title="Pension plan", text="Defined benefit.")
    table.proposal(title="Wages", text="A raise for night shifts.")
    table.proposal(title="Leave", summary="More parental leave.")
    page = results(cast, "team", "pension")
    assert "<mark>Pension</mark> plan" in page
    assert "night shifts" not in results(cast, "team", "pension")
    assert "<mark>night</mark> shifts" in results(cast, "team", "night")
    assert "<mark>parental</mark> leave" in results(cast, "team", "parental")


def test_results_are_grouped_into_proposals_and_sessions(cast: Any, table: Any) -> None:
    table.proposal(title="Staffing ratios")
    table.session(public_summary="We discussed staffing at length.")
    page = results(cast, "team", "staffing")
    proposals, sessions = page.split('id="sessions"')
    assert "<mark>Staffing</mark> ratios" in proposals.split('id="proposals"')[1]
    assert "discussed <mark>staffing</mark> at length" in sessions


def test_highlighting_escapes_what_was_typed_and_what_was_stored(cast: Any, table: Any) -> None:
    table.proposal(title="<script>alert(1)</script> bonus")
    page = results(cast, "team", "<script>")
    assert "<script>alert" not in page
    assert "<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt; bonus" in page
    assert highlight("a<b", "<") == "a<mark>&lt;</mark>b"


def test_the_team_finds_sessions_by_their_internal_notes(cast: Any, table: Any) -> None:
    table.session(internal_notes="Their chief negotiator hinted at a strike fund.")
    page = results(cast, "team", "strike fund")
    assert "<mark>strike fund</mark>" in page
    assert "internal notes" in page


@pytest.mark.parametrize("who", ["comms", "officer_a", "observer"])
def test_search_does_not_leak_internal_notes_to_staff_outside_the_team(
    cast: Any, table: Any, who: str
) -> None:
    table.session(
        public_summary="A productive day on wages.",
        internal_notes="Their chief negotiator hinted at a strike fund.",
    )
    assert "strike" not in results(cast, who, "strike fund").split('id="proposals"')[1]
    # Found by its public summary, the snippet still never comes from the notes.
    page = results(cast, who, "wages")
    assert "productive day on <mark>wages</mark>" in page
    assert "chief negotiator" not in page


def test_search_does_not_find_unpublished_proposals_for_other_staff(cast: Any, table: Any) -> None:
    table.proposal(title="Draft pension opener", is_published=False)
    assert "pension opener" not in results(cast, "observer", "pension").lower()
    assert "<mark>pension</mark> opener" in results(cast, "team", "pension")


def test_members_and_outsiders_are_refused_search(cast: Any) -> None:
    assert_refused(cast.client("member_a").get(SEARCH, {"q": "wages"}))
    assert_refused(cast.client("outsider").get(SEARCH, {"q": "wages"}))
