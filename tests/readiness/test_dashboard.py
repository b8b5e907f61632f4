"""The readiness dashboard: shares assessed 1–2, pledged and reached, per local and in all; the
chart over time; the team's threshold and the plain words the team reads out."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caucus.readiness.access import members_at, unions_at
from caucus.readiness.actions import (
    do_assess,
    do_create_action,
    do_pledge,
    do_set_threshold,
)
from caucus.readiness.figures import readiness_figures
from caucus.readiness.models import Threshold

pytestmark = pytest.mark.django_db

URL = "/staff/readiness/national-2026/"


def _page(cast: Any, who: str) -> str:
    """The dashboard's text as a reader sees it (entities such as &#x27; unescaped)."""
    return html.unescape(cast.client(who).get(URL).content.decode())


def _drive(local: Any, cast: Any) -> Any:
    """Union A (8 members): Ana, Ben at 1–2, Chen at 3; Ana, Ben, Chen, Dara, Eli and Fay6
    signed (6 of 8 = 75%). Union B (2): Bo1 at 2, and signed (1 of 2 = 50%)."""
    now = timezone.now()
    action = do_create_action(
        cast["team"],
        cast.world.negotiation,
        title="Strike pledge",
        text="I will strike if we have to.",
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=10),
    )
    ana, ben, chen, dara, eli = local.store_1
    for member, level in ((ana, 1), (ben, 2), (chen, 3)):
        do_assess(cast["organizer_a"], member, level)
    do_assess(cast["admin"], local.union_b[0], 2)
    for member in (ana, ben, chen, dara, eli, local.store_2[0], local.union_b[0]):
        do_pledge(None, action, member, channel="link")
    return action


def test_the_dashboard_gives_each_locals_shares_and_the_total(local: Any, cast: Any) -> None:
    _drive(local, cast)
    page = _page(cast, "team")
    table = page.split("<caption>Readiness by local")[1].split("</table>")[0]
    rows = [row.split("</tr>")[0] for row in table.split('<th scope="row">')[1:]]
    assert rows[0].startswith("Local A</th><td>8</td><td>75% (6)</td><td>25%</td><td>38%</td>")
    assert rows[1].startswith("Local B</th><td>2</td><td>50% (1)</td><td>50%</td><td>50%</td>")
    assert rows[2].startswith("All</th><td>10</td><td>70% (7)</td><td>30%</td><td>40%</td>")


def test_without_a_threshold_the_summary_says_so(local: Any, cast: Any) -> None:
    _drive(local, cast)
    page = _page(cast, "team")
    today = timezone.localdate()
    assert (
        f"As of {today:%B} {today.day}, {today.year}, of the 10 members of the 2 locals at National Agreement "
        "2026, 70% have signed “Strike pledge” (7); 30% are assessed 1 or 2 and 40% have been "
        "talked to."
    ) in page
    assert "The bargaining team has not set a readiness threshold yet." in page


def test_the_team_sets_a_threshold_and_the_summary_measures_every_local_against_it(
    local: Any, cast: Any
) -> None:
    _drive(local, cast)
    client = cast.client("team")
    response = client.post(
        f"{URL}threshold/", {"percent": "67", "measure": "pledged", "scope": "every_local"}
    )
    assert response.status_code == 302
    page = html.unescape(client.get(URL).content.decode())
    assert "Threshold set: two thirds pledged in every local." in page
    assert (
        "The bargaining team's threshold, two thirds pledged in every local, is met in 1 of 2 "
        "locals: Local A."
    ) in page
    # Local B: 67% of 2 is 1.34, so 2 must sign; 1 has.
    assert "Furthest from it: Local B (50%, 1 more)." in page
    assert "Not ready yet by the team's threshold" in page


def test_the_pace_of_the_last_week_says_when_the_threshold_would_be_met(
    local: Any, cast: Any
) -> None:
    _drive(local, cast)
    do_set_threshold(
        cast["team"], cast.world.negotiation, percent=100, measure="pledged", scope="coalition"
    )
    figures = readiness_figures(
        cast.world.negotiation,
        members_at(cast["team"], cast.world.negotiation),
        unions_at(cast["team"], cast.world.negotiation, "readiness.view"),
    )
    from caucus.readiness.figures import summary

    sentences = summary(figures, scope="the table")
    # 7 signed this week, 1 a day; 3 more needed: 3 days from today.
    when = figures.today + timedelta(days=3)
    assert sentences[-1] == (
        f"7 members signed in the last 7 days; at that pace the threshold would be met by "
        f"{when:%B} {when.day}, {when.year}."
    )
    assert sentences[1] == (
        "The bargaining team's threshold, all pledged across the coalition, is not met yet: "
        "70% against 100%."
    )


def test_an_organizer_reads_their_own_locals_readiness_only(local: Any, cast: Any) -> None:
    _drive(local, cast)
    page = _page(cast, "organizer_a")
    assert "Local B" not in page
    assert "of the 8 members of Local A, 75% have signed" in page


def test_the_chart_adds_the_moves_up_to_todays_figures(local: Any, cast: Any) -> None:
    _drive(local, cast)
    ana = local.store_1[0]
    do_assess(cast["organizer_a"], ana, 4)  # out of 1–2 today
    figures = readiness_figures(
        cast.world.negotiation,
        members_at(cast["team"], cast.world.negotiation),
        unions_at(cast["team"], cast.world.negotiation, "readiness.view"),
    )
    last = figures.points[-1]
    assert (last.ones_twos, last.reached, last.pledged) == (2, 4, 7)
    assert (figures.total.ones_twos, figures.total.reached, figures.total.pledged) == (2, 4, 7)
    assert figures.points[0].pledged == 0  # twelve weeks ago, before the drive


def test_an_assessment_entered_for_weeks_ago_counts_from_that_week(local: Any, cast: Any) -> None:
    do_assess(cast["organizer_a"], local.store_1[0], 1, at=timezone.now() - timedelta(days=30))
    figures = readiness_figures(
        cast.world.negotiation,
        members_at(cast["team"], cast.world.negotiation),
        unions_at(cast["team"], cast.world.negotiation, "readiness.view"),
    )
    counts = [p.ones_twos for p in figures.points]
    assert counts[-1] == counts[-4] == 1
    assert counts[-6] == 0


def test_a_local_officer_cannot_set_the_threshold(cast: Any) -> None:
    response = cast.client("officer_a").post(f"{URL}threshold/", {"percent": "50"})
    assert response.status_code == 403
    assert not Threshold.objects.exists()


def test_the_dashboard_asks_the_same_number_of_queries_for_a_bigger_roster(
    local: Any, cast: Any, django_assert_num_queries: Any
) -> None:
    _drive(local, cast)
    do_set_threshold(cast["team"], cast.world.negotiation, percent=67)
    client = cast.client("team")
    client.get(URL)
    # Sign-in (3: the session is read from the cache), the table and its unions (2), the locals (1),
    # the threshold and its pledge (2), members by local (1), pledges by local (1), the chart's
    # three lines (3).
    with django_assert_num_queries(13):
        client.get(URL)
    for n in range(30):
        member = cast.world.member(cast.world.union_b, member_id=f"B-X{n}")
        do_assess(cast["admin"], member, 1 + n % 5)
    with django_assert_num_queries(13):
        client.get(URL)
