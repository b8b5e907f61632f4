"""Builders for table rows in tests, and the shared "refused" assertion."""

from __future__ import annotations

from datetime import date
from typing import Any

from caucus.table.models import InformationRequest, Proposal, Session


class Table:
    def __init__(self, world: Any) -> None:
        self.world = world
        self.negotiation = world.negotiation
        self.slug = world.negotiation.slug

    def session(self, on: date = date(2026, 3, 2), **fields: Any) -> Session:
        fields.setdefault("place", "Union hall")
        return Session.objects.create(negotiation=self.negotiation, date=on, **fields)

    def proposal(self, side: str = "union", article: Any = None, **fields: Any) -> Proposal:
        fields.setdefault("title", f"{side} proposal")
        fields.setdefault("text", "Proposed text.")
        fields.setdefault("passed_on", date(2026, 3, 2))
        fields.setdefault("is_published", True)
        return Proposal.objects.create(
            negotiation=self.negotiation,
            side=side,
            article=article if article is not None else self.world.article_wages,
            **fields,
        )

    def rfi(self, number: int = 1, **fields: Any) -> InformationRequest:
        fields.setdefault("title", f"Request {number}")
        fields.setdefault("items", "Payroll data")
        fields.setdefault("asked_on", date(2026, 2, 1))
        return InformationRequest.objects.create(
            negotiation=self.negotiation, number=number, **fields
        )


def assert_refused(response: Any) -> None:
    """Refused: 403, or sent to sign in / verify a second factor (never the page itself)."""
    if response.status_code == 302:
        assert response["Location"].startswith(("/accounts/login/", "/accounts/verify/"))
    else:
        assert response.status_code == 403
