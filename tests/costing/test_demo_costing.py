"""The demo's wage proposals can be costed on the demo roster, and the employer's latest makes
some workers lose: the story the tour tells."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.costing.actions import do_create_run
from caucus.costing.inputs import terms_problems
from caucus.costing.models import CostingRun
from caucus.costing.tasks import run_costing

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
    from caucus.accounts.models import User
    from caucus.table.models import Negotiation, Proposal

    wages = Proposal.objects.filter(article__title="Wages", status="open").order_by("side")
    employer, union = list(wages)
    run = do_create_run(
        User.objects.get(username="team"),
        Negotiation.objects.get(),
        name="Latest wages",
        proposals=[union, employer],
    )
    run_costing(run.pk)
    run.refresh_from_db()
    assert run.status == CostingRun.Status.DONE, run.errors
    union_result, employer_result = run.summary["proposals"]
    assert union_result["losers"] == 0
    assert 0 < employer_result["losers"] < employer_result["workers"]
    by_region = {g["key"]: g for g in employer_result["groups"]["region"]}
    # the first-year freeze falls on California and the Northeast
    assert by_region["California"]["mean"] < by_region["Midwest"]["mean"]
    assert employer_result["term_total"]["total"] < union_result["term_total"]["total"]
