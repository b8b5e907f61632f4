from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.table.access import access_proposal
from caucus.table.models import Negotiation
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db


def test_the_only_negotiation_opens_straight_on_its_dashboard(cast: Any) -> None:
    response = cast.client("team").get(reverse("table:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("table:dashboard", args=["national-2026"])


def test_several_negotiations_are_listed(cast: Any) -> None:
    w = cast.world
    Negotiation.objects.create(
        coalition=w.coalition, employer=w.employer, name="Local table B", slug="local-b-2026"
    )
    page = cast.client("observer").get(reverse("table:home")).content.decode()
    assert "National Agreement 2026" in page
    assert "Local table B" in page


@pytest.mark.parametrize("who", ["outsider", "member_a"])
def test_people_without_a_staff_role_are_refused_the_table(cast: Any, who: str) -> None:
    response = cast.client(who).get(reverse("table:dashboard", args=["national-2026"]))
    assert_refused(response)
    assert "National Agreement 2026" not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in(cast: Any) -> None:
    response = cast.client(None).get(reverse("table:dashboard", args=["national-2026"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_negotiation_is_not_found(cast: Any) -> None:
    response = cast.client("team").get(reverse("table:dashboard", args=["nope"]))
    assert response.status_code == 404


def test_an_unpublished_proposal_is_missing_for_staff_outside_the_team(
    cast: Any, table: Any
) -> None:
    from django.http import Http404

    draft = table.proposal(is_published=False)
    assert access_proposal(cast["team"], table.negotiation, draft.pk) == draft
    with pytest.raises(Http404):
        access_proposal(cast["observer"], table.negotiation, draft.pk)
    with pytest.raises(Http404):
        access_proposal(cast["observer"], table.negotiation, draft.pk + 1000)


def test_only_editors_get_a_proposal_for_edit(cast: Any, table: Any) -> None:
    from django.http import Http404

    shown = table.proposal()
    assert access_proposal(cast["team"], table.negotiation, shown.pk, for_edit=True) == shown
    with pytest.raises(Http404):
        access_proposal(cast["comms"], table.negotiation, shown.pk, for_edit=True)
