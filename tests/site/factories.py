"""Small builders for the member site's tests: updates, proposals, sessions, agreements."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone


def make_update(world: Any, title: str = "Wages: we held the line", **fields: Any) -> Any:
    from django.utils.text import slugify

    from caucus.updates.models import Update

    unions = fields.pop("unions", None)
    published = fields.pop("published", True)
    defaults: dict[str, Any] = {
        "negotiation": world.negotiation,
        "slug": slugify(title),
        "body": f"## {title}\n\nThe team met the employer today.",
        "summary": f"Summary of {title}.",
        "to_whole_coalition": unions is None,
    }
    if published:
        defaults["status"] = Update.Status.PUBLISHED
        defaults["published_at"] = timezone.now() - timedelta(hours=1)
    defaults.update(fields)
    update = Update.objects.create(title=title, **defaults)
    if unions:
        update.unions.set(unions)
    return update


def make_proposal(world: Any, title: str = "Union wages proposal", **fields: Any) -> Any:
    from caucus.table.models import Proposal

    defaults: dict[str, Any] = {
        "negotiation": world.negotiation,
        "article": world.article_wages,
        "side": "union",
        "text": "Employees shall receive a raise of 6% each year.",
        "is_published": True,
        "passed_on": timezone.localdate(),
    }
    defaults.update(fields)
    return Proposal.objects.create(title=title, **defaults)


def make_session(world: Any, on: date, **fields: Any) -> Any:
    from caucus.table.models import Session

    defaults: dict[str, Any] = {
        "negotiation": world.negotiation,
        "starts_at": time(9, 30),
        "ends_at": time(16, 0),
        "place": "Union Hall, 100 Main St",
        "public_summary": "We passed our wage proposal.",
        "internal_notes": "SECRET: the employer's lead looked tired.",
        "attendees": "Jane Negotiator",
    }
    defaults.update(fields)
    return Session.objects.create(date=on, **defaults)


def make_agreement(world: Any, article: Any, on: date, **fields: Any) -> Any:
    from caucus.table.models import TentativeAgreement

    return TentativeAgreement.objects.create(
        negotiation=world.negotiation, article=article, signed_on=on, text="Agreed text.", **fields
    )


def days_ago(n: int) -> datetime:
    return timezone.now() - timedelta(days=n)
