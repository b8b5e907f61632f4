"""The API's test table: a session, proposals published and not, updates published and not,
and one API token per member of the cast."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

CAST_WITH_TOKENS = ["admin", "team", "comms", "officer_a", "officer_b", "observer", "outsider"]
CAST_WITH_TOKENS += ["member_a"]


class Table:
    def __init__(self, world: Any) -> None:
        from caucus.table.models import Proposal, Session
        from caucus.updates.models import Update

        negotiation = world.negotiation
        self.session = Session.objects.create(
            negotiation=negotiation,
            date=date(2026, 3, 2),
            place="Union hall",
            attendees="Team A\nEmployer counsel",
            internal_notes="They will move on wages if we drop the sick-leave ask.",
            public_summary="We passed our wage proposal.",
        )
        self.published = Proposal.objects.create(
            negotiation=negotiation,
            article=world.article_wages,
            side="union",
            title="Wages: 6% a year",
            text="Raise all rates 6% on April 1 each year.",
            session=self.session,
            is_published=True,
            economic_terms={"raises": [{"effective": "2026-04-01", "percent": 6}]},
        )
        self.unpublished = Proposal.objects.create(
            negotiation=negotiation,
            article=world.article_wages,
            side="employer",
            kind="counter",
            title="Wages: 2% a year",
            text="Raise all rates 2%.",
            answers=self.published,
            is_published=False,
        )
        self.answer_to_unpublished = Proposal.objects.create(
            negotiation=negotiation,
            article=world.article_wages,
            side="union",
            kind="counter",
            title="Wages: 5% a year",
            answers=self.unpublished,
            is_published=True,
        )
        self.update = Update.objects.create(
            negotiation=negotiation,
            title="We passed wages",
            slug="we-passed-wages",
            body="Our wage proposal is on the table.",
            status="published",
            published_at=timezone.now() - timedelta(hours=1),
        )
        self.draft = Update.objects.create(
            negotiation=negotiation, title="Draft", slug="draft", body="Not yet.", status="draft"
        )


@pytest.fixture
def table(world: Any) -> Table:
    return Table(world)


@pytest.fixture
def tokens(cast: Any) -> dict[str, str]:
    from caucus.accounts.models import ApiToken

    return {name: ApiToken.issue(cast[name], "tests")[1] for name in CAST_WITH_TOKENS}


class ApiClient:
    """Calls the API as one member of the cast (or with no token at all)."""

    def __init__(self, raw_token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw_token}"} if raw_token else {}

    def get(self, path: str) -> Any:
        return self.client.get(path, headers=self.headers)

    def post(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.post(
            path, data=data, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api_as(tokens: dict[str, str]) -> Any:
    def make(name: str | None) -> ApiClient:
        return ApiClient(tokens[name] if name else None)

    return make
