from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db


def article_url(cast: Any) -> str:
    return reverse("table:article", args=["national-2026", cast.world.article_wages.pk])


def test_the_history_shows_every_pass_of_both_sides_in_order(cast: Any, table: Any) -> None:
    session = table.session(on=date(2026, 3, 9))
    table.proposal("employer", title="Employer 1%", passed_on=date(2026, 3, 9), session=session)
    table.proposal("union", title="Union 6%", passed_on=date(2026, 3, 2), status="superseded")
    table.proposal("union", title="Union 5%", passed_on=date(2026, 3, 16), kind="counter")
    page = cast.client("team").get(article_url(cast)).content.decode()
    assert page.index("Union 6%") < page.index("Employer 1%") < page.index("Union 5%")
    assert "Counter-proposal" in page
    assert "Superseded" in page
    assert "session of March 9, 2026" in page


def test_the_history_leaves_out_unpublished_passes_for_other_staff(cast: Any, table: Any) -> None:
    table.proposal("union", title="Draft opener", is_published=False)
    table.proposal("employer", title="Employer opener")
    page = cast.client("officer_a").get(article_url(cast)).content.decode()
    assert "Employer opener" in page
    assert "Draft opener" not in page


def test_an_article_of_another_negotiation_is_not_found(cast: Any) -> None:
    url = reverse("table:article", args=["national-2026", 9999])
    assert cast.client("team").get(url).status_code == 404


def test_members_are_refused_the_article_history(cast: Any) -> None:
    assert_refused(cast.client("member_a").get(article_url(cast)))
