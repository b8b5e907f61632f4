"""The demo's wage proposals can be costed on the demo roster, and the employer's latest makes
some workers lose: the story the tour tells. The demo seeds that run, published."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from caucus.costing.inputs import terms_problems
from caucus.costing.models import CostingRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    from caucus.demo.build import build_demo

    build_demo(seed=7, members=3000)


def test_every_demo_wage_proposal_can_be_costed(demo: None) -> None:
    from caucus.table.models import Proposal

    wages = Proposal.objects.filter(article__title="Wages")
    assert wages.count() == 4
    assert {p.title: terms_problems(p) for p in wages} == {p.title: [] for p in wages}


def test_the_employers_latest_wage_proposal_makes_some_workers_lose(demo: None) -> None:
    run = CostingRun.objects.get()
    assert run.status == CostingRun.Status.DONE, run.errors
    assert run.is_published
    assert run.labels() == [
        "Union: Wages: 6%, 5% and 4.5%, and a $19.50 floor",
        "Employer: Wages: 3%, 2.5% and 2.5%",
    ]
    union_result, employer_result = run.summary["proposals"]
    assert union_result["losers"] == 0
    assert 0 < employer_result["losers"] < employer_result["workers"] == 3000
    by_region = {g["key"]: g for g in employer_result["groups"]["region"]}
    # the first-year freeze falls on California and the Northeast
    assert by_region["California"]["mean"] < by_region["Midwest"]["mean"]
    assert employer_result["term_total"]["total"] < union_result["term_total"]["total"]


def test_the_workbook_of_the_seeded_run_is_left_to_the_worker(demo: None) -> None:
    from caucus.costing.tasks import write_workbook_in_background

    run = CostingRun.objects.get()
    assert not run.workbook
    assert run.stage == "Writing the workbook"
    write_workbook_in_background.call(run.pk)
    run.refresh_from_db()
    assert run.workbook
    assert run.stage == ""


def test_the_demo_member_sees_their_own_figures(demo: None) -> None:
    from caucus.accounts.models import User
    from caucus.members.models import Member

    user = User.objects.get(username="member")
    record = Member.objects.get(user=user)
    client = Client()
    client.force_login(user)
    # The demo member's roster language is Spanish; English is chosen on the switcher.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("costing_site:what_it_means", args=["national-2026"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert f"For you, {record.first_name}" in text
    assert f"{record.classification.title}, step {record.step}" in text
    assert "Under the employer&#x27;s proposal you would earn" in text


def test_the_unions_floor_is_costed_as_a_minimum_rate(demo: None) -> None:
    from caucus.engines.costing.describe import uncosted_amounts
    from caucus.engines.costing.terms import parse_terms
    from caucus.table.models import Proposal

    floor = Proposal.objects.get(title="Wages: 6%, 5% and 4.5%, and a $19.50 floor")
    assert floor.economic_terms["minimum_rates"] == [
        {"rate": 19.5, "effective": floor.economic_terms["term"]["start"]}
    ]
    assert uncosted_amounts(floor.text, parse_terms(floor.economic_terms)) == []


def test_the_demo_member_page_sets_the_gap_against_the_employers_money(demo: None) -> None:
    page = Client().get(reverse("costing_site:what_it_means", args=["national-2026"]))
    text = page.content.decode()
    assert "of one year&#x27;s operating income ($910 million in 2025)" in text
    assert "of the $900 million it has announced for a new headquarters (2025)" in text
    assert 'href="https://example.org/harborline/operating_income-2025"' in text
