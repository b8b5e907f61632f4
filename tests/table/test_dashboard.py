from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from caucus.table.models import Article, Proposal, TentativeAgreement

pytestmark = pytest.mark.django_db


def dashboard(cast: Any, who: str = "team") -> str:
    response = cast.client(who).get(reverse("table:dashboard", args=["national-2026"]))
    assert response.status_code == 200
    return response.content.decode()


def article_row(page: str, title: str) -> str:
    """The dashboard's table row for the article titled ``title``."""
    for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S):
        if f": {title}</a>" in row:
            return row
    raise AssertionError(f"no row for {title}")


def test_an_article_nobody_has_proposed_on_is_open(cast: Any) -> None:
    assert "○ Open" in article_row(dashboard(cast), "Seniority")


def test_an_article_with_only_the_unions_proposal_shows_the_union_pending(
    cast: Any, table: Any
) -> None:
    table.proposal("union", title="Raise wages 6%")
    row = article_row(dashboard(cast), "Wages")
    assert "Union proposal pending" in row
    assert "Raise wages 6%" in row


def test_the_side_that_passed_last_is_the_one_pending(cast: Any, table: Any) -> None:
    table.proposal("union", title="Raise wages 6%", passed_on=date(2026, 3, 2))
    table.proposal("employer", title="Raise wages 1%", passed_on=date(2026, 3, 9))
    row = article_row(dashboard(cast), "Wages")
    assert "Employer proposal pending" in row
    assert "Raise wages 6%" in row
    assert "Raise wages 1%" in row


def test_a_withdrawn_proposal_no_longer_holds_the_article(cast: Any, table: Any) -> None:
    table.proposal("union", status=Proposal.Status.WITHDRAWN)
    assert "○ Open" in article_row(dashboard(cast), "Wages")


def test_a_tentative_agreement_marks_the_article_agreed(cast: Any, table: Any) -> None:
    w = cast.world
    p = table.proposal("employer", status=Proposal.Status.TENTATIVELY_AGREED)
    TentativeAgreement.objects.create(
        negotiation=w.negotiation, article=w.article_wages, proposal=p, text="Agreed."
    )
    assert "✔ Tentatively agreed" in article_row(dashboard(cast), "Wages")


def test_days_since_the_last_movement_are_counted_from_the_latest_pass(
    cast: Any, table: Any
) -> None:
    table.proposal("union", passed_on=timezone.localdate() - timedelta(days=9))
    table.proposal("employer", passed_on=timezone.localdate() - timedelta(days=4))
    assert "<td>4</td>" in article_row(dashboard(cast), "Wages")


def test_staff_outside_the_team_see_status_from_published_proposals_only(
    cast: Any, table: Any
) -> None:
    table.proposal("union", title="Secret opening", is_published=False)
    row = article_row(dashboard(cast, "observer"), "Wages")
    assert "Secret opening" not in row
    assert "○ Open" in row


def test_upcoming_and_past_sessions_are_listed_apart(cast: Any, table: Any) -> None:
    today = timezone.localdate()
    table.session(on=today + timedelta(days=3), place="Hotel ballroom")
    table.session(on=today - timedelta(days=3), place="Company HQ")
    page = dashboard(cast)
    upcoming = page.split('id="upcoming"')[1].split('id="past"')[0]
    past = page.split('id="past"')[1]
    assert "Hotel ballroom" in upcoming
    assert "Company HQ" not in upcoming
    assert "Company HQ" in past


def test_open_information_requests_show_an_overdue_flag(cast: Any, table: Any) -> None:
    today = timezone.localdate()
    table.rfi(
        1, title="Payroll", asked_on=today - timedelta(days=20), due_on=today - timedelta(days=6)
    )
    table.rfi(
        2, title="Staffing", asked_on=today - timedelta(days=2), due_on=today + timedelta(days=5)
    )
    table.rfi(3, title="Answered one", asked_on=today - timedelta(days=30), status="answered")
    section = dashboard(cast).split('id="rfis"')[1]
    assert "Payroll" in section
    assert "⚠ Overdue 6 days" in section
    assert "Staffing" in section
    assert "Answered one" not in section


def test_information_requests_are_not_shown_to_staff_outside_the_team(
    cast: Any, table: Any
) -> None:
    table.rfi(1, title="Payroll")
    page = dashboard(cast, "observer")
    assert "Open information requests" not in page
    assert "Payroll" not in page


def build_table(cast: Any, table: Any, start: int, n: int) -> None:
    """``n`` more articles, each with passes of both sides, a session and a request."""
    w = cast.world
    for i in range(start, start + n):
        article = Article.objects.create(
            negotiation=w.negotiation, number=f"{30 + i}", title=f"Article {i}", order=30 + i
        )
        session = table.session(on=date(2026, 1, 1) + timedelta(days=7 * i))
        table.proposal("union", article=article, session=session)
        table.proposal("employer", article=article, session=session)
        table.rfi(100 + i, due_on=date(2026, 2, 10))


def test_the_dashboard_takes_the_same_few_queries_however_big_the_table(
    cast: Any, table: Any, django_assert_num_queries: Any
) -> None:
    client = cast.client("team")
    url = reverse("table:dashboard", args=["national-2026"])
    build_table(cast, table, 0, 2)
    # user, OTP device, role grants (the session is read from the cache), negotiation, articles,
    # proposals, TAs, upcoming sessions, past sessions, open requests, new direct-dealing reports.
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200
    build_table(cast, table, 2, 12)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200


def test_new_direct_dealing_reports_are_flagged_until_reviewed(cast: Any, table: Any) -> None:
    from caucus.table.actions import do_report_direct_dealing, do_review_report

    report = do_report_direct_dealing(
        None, table.negotiation, received_on=date(2026, 3, 3), channel="text", text="Vote no."
    )
    page = dashboard(cast)
    assert "⚠ 1 new report of the employer messaging members directly" in page
    assert "?status=new" in page
    do_review_report(cast["team"], report, "evidence", "Kept.")
    assert "new report" not in dashboard(cast)


def test_staff_who_do_not_review_reports_see_no_flag(cast: Any, table: Any) -> None:
    from caucus.table.models import DirectDealingReport

    DirectDealingReport.objects.create(
        negotiation=table.negotiation, received_on=date(2026, 3, 3), channel="text", text="X"
    )
    assert "new report" not in dashboard(cast, "observer")
