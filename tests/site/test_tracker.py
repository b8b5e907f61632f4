"""The table tracker says where each article stands, in plain words, from public facts only."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tests.site.factories import make_agreement, make_proposal

pytestmark = pytest.mark.django_db


def _row(page: str, article_title: str) -> str:
    start = page.index(f". {article_title}</th>")
    return page[start : page.index("</tr>", start)]


def _tracker(client: Any, world: Any) -> str:
    response = client.get(reverse("site:tracker", args=[world.negotiation.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_article_nobody_has_proposed_on_is_not_yet_opened(cast: Any, world: Any) -> None:
    assert "Not yet opened" in _row(_tracker(cast.client(None), world), "Seniority")


def test_a_union_proposal_waits_for_the_employers_answer(cast: Any, world: Any) -> None:
    make_proposal(world, side="union")
    row = _row(_tracker(cast.client(None), world), "Wages")
    assert "Union proposal waiting for the employer&#x27;s answer" in row


def test_the_latest_pass_decides_whose_move_it_is(cast: Any, world: Any) -> None:
    make_proposal(world, side="union", passed_on=date(2026, 3, 1))
    make_proposal(world, "Employer counter", side="employer", passed_on=date(2026, 3, 8))
    row = _row(_tracker(cast.client(None), world), "Wages")
    assert "Employer proposal waiting for our answer" in row
    assert "March 8, 2026" in row


def test_a_signed_tentative_agreement_marks_the_article_agreed(cast: Any, world: Any) -> None:
    make_proposal(world, side="employer")
    make_agreement(world, world.article_wages, date(2026, 4, 1))
    row = _row(_tracker(cast.client(None), world), "Wages")
    assert "Agreed" in row
    assert "✓" in row
    assert "Signed" in row


def test_unpublished_proposals_do_not_move_the_tracker(cast: Any, world: Any) -> None:
    make_proposal(world, "Secret plan", side="union", is_published=False)
    page = _tracker(cast.client(None), world)
    assert "Not yet opened" in _row(page, "Wages")
    assert "Secret plan" not in page


def test_a_withdrawn_last_pass_leaves_the_article_open(cast: Any, world: Any) -> None:
    make_proposal(world, side="union", status="withdrawn")
    assert "no proposal on the table" in _row(_tracker(cast.client(None), world), "Wages")


def test_the_tracker_costs_the_same_few_queries_however_many_articles(
    cast: Any, world: Any, django_assert_max_num_queries: Any
) -> None:
    from caucus.table.models import Article

    for n in range(20, 40):
        article = Article.objects.create(
            negotiation=world.negotiation, number=str(n), title=f"Article {n}", order=n
        )
        make_proposal(world, f"Pass {n}", article=article)
    client = cast.client(None)
    with django_assert_max_num_queries(6):
        client.get(reverse("site:tracker", args=[world.negotiation.slug]))
