"""The member page "what it means for me": a member's own pay under each proposal, year by
year, checked by hand; the same for details entered by anyone; nothing before publishing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.costing.actions import do_publish
from tests.costing.helpers import finished_run

pytestmark = pytest.mark.django_db


def page_url(world: Any) -> str:
    return reverse("costing_site:what_it_means", args=[world.negotiation.slug])


def published(cast: Any, world: Any) -> Any:
    run = finished_run(cast, world)
    do_publish(cast["team"], run, "")
    return run


def test_the_page_is_missing_until_a_run_is_published(cast: Any, world: Any) -> None:
    finished_run(cast, world)
    for name in (None, "member_a", "team"):
        assert cast.client(name).get(page_url(world)).status_code == 404


def test_a_signed_in_member_sees_their_own_pay_checked_by_hand(cast: Any, world: Any) -> None:
    published(cast, world)
    page = cast.client("member_a").get(page_url(world)).content.decode()
    # Mara: Clerk step 2 at $21.50, full time (2,080 hours), North. The employer's proposal
    # freezes steps and raises 2% on each 1 January from 2027 (the freeze is the South's only):
    # 2027: 21.50 x 1.02 = 21.93 an hour       x 2,080 = $45,614.40
    # 2028: 21.93 x 1.02 = 22.3686             x 2,080 = $46,526.69
    # 2029: 22.3686 x 1.02 = 22.815972         x 2,080 = $47,457.22
    assert "For you, Mara" in page
    assert "Clerk, step 2, North, 2080 hours a year at 21.50 dollars an hour today." in page
    for pay in ("$45,614", "$46,527", "$47,457"):
        assert pay in page
    # Today's contract moves her to step 3 ($23.00) on her anniversary, 1 May 2027: 120 days
    # at 21.50 and 245 at 23.00 of 365 -> 2,080 x 22.50685 = $46,814.25, so the employer's
    # 2027 pays $1,199.85 less.
    assert (
        "Under the employer&#x27;s proposal you would earn $1,200 less in the year from January 1, "
        in page
    )
    # The union's 4% a year on the same rate, with her step moving up as today's contract does,
    # pays more than the employer's in every year; the page says so in words.
    assert "Under our union&#x27;s proposal you would earn $" in page
    assert "Under the employer&#x27;s proposal you would earn $" in page
    assert 'id="mine-chart"' in page


def test_entered_details_give_the_same_pay_as_the_run_for_that_worker(
    cast: Any, world: Any
) -> None:
    run = published(cast, world)
    query = {"classification": "Clerk", "step": 1, "region": "South", "hours": 20, "local": ""}
    response = cast.client(None).get(page_url(world), query)
    page = response.content.decode()
    assert response.status_code == 200
    # Step 1 at $20.00, 1,040 hours, South: the employer freezes 2027, then 2% and 2%:
    # 20.00 x 1,040 = $20,800; 20.40 x 1,040 = $21,216; 20.808 x 1,040 = $21,640.32.
    assert "For the details you entered" in page
    for pay in ("$20,800", "$21,216", "$21,640"):
        assert pay in page
    employer = run.summary["proposals"][1]
    assert employer["name"] == "Employer: Wages: 2% a year, South frozen"
    assert "you would earn" in page
    assert "less in the year from January 1, 2027" in page


def test_wrong_details_are_explained_and_nothing_is_costed(cast: Any, world: Any) -> None:
    published(cast, world)
    query = {"classification": "Clerk", "step": 9, "region": "South", "hours": 20}
    response = cast.client(None).get(page_url(world), query)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The scale for this job has 3 steps." in page
    assert "For the details you entered" not in page


def test_someone_not_on_the_roster_is_asked_for_details(cast: Any, world: Any) -> None:
    published(cast, world)
    page = cast.client("outsider").get(page_url(world)).content.decode()
    assert "Enter your details" in page
    assert "For you" not in page


def test_the_negotiation_page_links_the_member_page_only_once_published(
    cast: Any, world: Any
) -> None:
    home = reverse("site:negotiation", args=[world.negotiation.slug])
    run = finished_run(cast, world)
    assert page_url(world) not in cast.client(None).get(home).content.decode()
    do_publish(cast["team"], run, "")
    page = cast.client(None).get(home).content.decode()
    assert f'href="{page_url(world)}"' in page
    assert "What the wage proposals mean for your pay" in page
