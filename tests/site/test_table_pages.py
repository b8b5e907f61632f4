"""Published proposals and the session calendar: what members may read, and nothing else."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.site.factories import make_proposal, make_session, make_update

pytestmark = pytest.mark.django_db


def test_published_proposals_are_listed_by_article(cast: Any, world: Any) -> None:
    make_proposal(world, "Raise of six percent")
    make_proposal(world, "Seniority by hire date", article=world.article_seniority)
    page = (
        cast.client(None).get(reverse("site:proposals", args=[world.negotiation.slug])).content
    ).decode()
    assert "Article 12: Wages" in page
    assert "Raise of six percent" in page
    assert page.index("Article 7: Seniority") < page.index("Article 12: Wages")


def test_unpublished_proposals_are_neither_listed_nor_found(cast: Any, world: Any) -> None:
    hidden = make_proposal(world, "Our fallback position", is_published=False)
    client = cast.client(None)
    page = client.get(reverse("site:proposals", args=[world.negotiation.slug])).content.decode()
    assert "Our fallback position" not in page
    url = reverse("site:proposal", args=[world.negotiation.slug, hidden.pk])
    assert client.get(url).status_code == 404
    assert cast.client("team").get(url).status_code == 404


def test_a_proposal_page_shows_its_text_and_what_answered_it(cast: Any, world: Any) -> None:
    ours = make_proposal(world, "Union wages", summary="Six percent a year.")
    make_proposal(world, "Employer counter", side="employer", kind="counter", answers=ours)
    make_proposal(world, "Secret counter", side="employer", answers=ours, is_published=False)
    page = (
        cast.client(None)
        .get(reverse("site:proposal", args=[world.negotiation.slug, ours.pk]))
        .content.decode()
    )
    assert "Employees shall receive a raise of 6% each year." in page
    assert "Six percent a year." in page
    assert "Employer counter" in page
    assert "Secret counter" not in page


def test_proposal_text_is_shown_as_text_not_html(cast: Any, world: Any) -> None:
    passed = make_proposal(world, text="<script>alert(1)</script> wages")
    page = (
        cast.client(None)
        .get(reverse("site:proposal", args=[world.negotiation.slug, passed.pk]))
        .content.decode()
    )
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page


def test_sessions_show_the_public_summary_only(cast: Any, world: Any) -> None:
    make_session(world, timezone.localdate() + timedelta(days=3))
    make_session(world, date(2025, 1, 15), public_summary="Ground rules **signed**.")
    page = (
        cast.client(None).get(reverse("site:sessions", args=[world.negotiation.slug])).content
    ).decode()
    assert "Coming up" in page
    assert "Ground rules <strong>signed</strong>." in page
    assert "SECRET" not in page
    assert "Jane Negotiator" not in page


def test_an_update_links_the_passes_and_sessions_it_cites_with_their_dates(
    cast: Any, world: Any
) -> None:
    proposal = make_proposal(world, "Wage pass", passed_on=date(2026, 2, 3))
    hidden = make_proposal(world, "Unpublished since", passed_on=date(2026, 2, 4))
    session = make_session(world, date(2026, 2, 3))
    update = make_update(world, "Report from the table")
    update.cites_proposals.set([proposal, hidden])
    update.cites_sessions.set([session])
    hidden.is_published = False
    hidden.save()
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    assert reverse("site:proposal", args=[world.negotiation.slug, proposal.pk]) in page
    assert "February 3, 2026" in page
    assert f"#session-{session.pk}" in page
    assert "Unpublished since" not in page


def test_get_involved_text_is_shown_on_the_home_page(cast: Any, world: Any) -> None:
    world.negotiation.get_involved = (
        "Join the **contract action team**: [sign up](https://x.example)"
    )
    world.negotiation.save()
    page = cast.client(None).get(reverse("site:home")).content.decode()
    assert "<strong>contract action team</strong>" in page
    assert 'rel="noopener noreferrer"' in page


def test_with_several_public_negotiations_the_home_page_lists_them(cast: Any, world: Any) -> None:
    from caucus.table.models import Negotiation

    Negotiation.objects.create(
        coalition=world.coalition, employer=world.employer, name="Local table", slug="local"
    )
    page = cast.client(None).get(reverse("site:home")).content.decode()
    assert reverse("site:negotiation", args=["local"]) in page
    assert reverse("site:negotiation", args=[world.negotiation.slug]) in page
