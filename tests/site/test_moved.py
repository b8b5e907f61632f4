"""What moved at the table since the reader's last update, grouped by article."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.site.factories import make_agreement, make_proposal, make_update

pytestmark = pytest.mark.django_db


def _moved(client: Any, world: Any) -> str:
    response = client.get(reverse("site:moved", args=[world.negotiation.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_passes_and_agreements_after_the_last_update_are_listed_by_article(
    cast: Any, world: Any
) -> None:
    today = timezone.localdate()
    make_update(world, "Last week's news", published_at=timezone.now() - timedelta(days=7))
    make_proposal(world, "Old wage pass", passed_on=today - timedelta(days=10))
    make_proposal(world, "New wage pass", passed_on=today - timedelta(days=2))
    make_agreement(world, world.article_seniority, today - timedelta(days=1))
    page = _moved(cast.client(None), world)
    assert "Since the last update" in page
    assert "Last week&#x27;s news" in page
    assert "New wage pass" in page
    assert "Old wage pass" not in page
    wages = page.index("Article 12: Wages")
    seniority = page.index("Article 7: Seniority")
    assert seniority < wages  # contract order
    assert "Tentative agreement signed" in page[seniority:wages]


def test_unpublished_passes_never_show(cast: Any, world: Any) -> None:
    make_proposal(world, "Hidden pass", is_published=False)
    assert "Hidden pass" not in _moved(cast.client(None), world)


def test_with_nothing_new_the_page_says_so(cast: Any, world: Any) -> None:
    make_proposal(world, "Old pass", passed_on=timezone.localdate() - timedelta(days=30))
    make_update(world, "Fresh news")
    page = _moved(cast.client(None), world)
    assert "Nothing new has moved at the table since then." in page
    assert "Old pass" not in page


def test_a_member_counts_from_their_own_latest_update(cast: Any, world: Any) -> None:
    today = timezone.localdate()
    make_update(world, "Coalition news", published_at=timezone.now() - timedelta(days=9))
    make_update(
        world,
        "Local A news",
        unions=[world.union_a],
        published_at=timezone.now() - timedelta(days=3),
    )
    make_proposal(world, "Pass between them", passed_on=today - timedelta(days=5))
    assert "Pass between them" in _moved(cast.client(None), world)
    assert "Pass between them" not in _moved(cast.client("member_a"), world)


def test_the_home_page_shows_what_moved(cast: Any, world: Any) -> None:
    make_proposal(world, "Fresh union pass")
    page = cast.client(None).get(reverse("site:home")).content.decode()
    assert "What moved at the table" in page
    assert "Fresh union pass" in page
