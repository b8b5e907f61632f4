"""caucus.delivery in the JSON API: the same access helpers and reports as its pages. Sends of
a negotiation's updates and one send's progress and report by local (``delivery.send``); the
suppression list (``delivery.suppressions``). Sending itself is done from the send page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from caucus.api.access import require
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug, RowId
from caucus.api.schemas import Message
from caucus.delivery.access import access_send, visible_sends, visible_suppressions
from caucus.delivery.models import Send, Suppression
from caucus.delivery.reports import progress, report_by_local
from caucus.table.access import access_negotiation

router = Router(tags=["delivery"])
ERRORS = {401: Message, 403: Message, 404: Message}


class SendOut(Schema):
    id: int
    update: str = Field(description="The update's slug.")
    status: str = Field(description="scheduled, queued, running, paused, cancelled, done, failed")
    channels: list[str] = Field(description="email and/or sms")
    audience: str
    scheduled_for: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    messages: int = Field(description="Outbox rows: one per recipient and channel.")
    finished_messages: int
    pause_reason: str


class LocalReport(Schema):
    local: str
    channel: str
    total: int
    sent: int
    failed: int
    bounced: int
    unsubscribed: int


class SendDetail(SendOut):
    progress: dict[str, int] = Field(description="Messages by state: queued, sent, failed, ...")
    by_local: list[LocalReport]


class SendPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SendOut]


class SuppressionOut(Schema):
    address: str
    local: str
    channel: str
    reason: str
    since: datetime
    lifted_at: datetime | None
    lift_reason: str


class SuppressionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SuppressionOut]


def _send_out(send: Send) -> dict[str, Any]:
    return {
        "id": send.pk,
        "update": send.update.slug,
        "status": send.status,
        "channels": send.channels,
        "audience": send.audience_label(),
        "scheduled_for": send.scheduled_for,
        "started_at": send.started_at,
        "finished_at": send.finished_at,
        "messages": send.rows_total,
        "finished_messages": send.rows_done,
        "pause_reason": send.pause_reason,
    }


@router.get("/negotiations/{slug}/sends", response={200: SendPage, **ERRORS})
def list_sends(request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]) -> Any:
    """Sends of the negotiation's updates, newest first."""
    user = require(request, "delivery.send")
    negotiation = access_negotiation(user, slug, "delivery.send")
    sends = (
        visible_sends(user)
        .filter(update__negotiation=negotiation)
        .select_related("update")
        .order_by("-created_at", "-id")
    )
    return page(sends, paging, _send_out)


@router.get("/sends/{send_id}", response={200: SendDetail, **ERRORS})
def get_send(request: HttpRequest, send_id: RowId) -> Any:
    """One send: its progress while it runs, its report by local afterwards."""
    user = require(request, "delivery.send")
    send = access_send(user, send_id)
    states = progress(send)["states"]
    return {
        **_send_out(send),
        "progress": {key: n for key, _, n in states},
        "by_local": [
            {
                "local": row["union__short_name"],
                "channel": row["channel"],
                **{k: row[k] for k in ("total", "sent", "failed", "bounced", "unsubscribed")},
            }
            for row in report_by_local(send)
        ],
    }


def _suppression_out(entry: Suppression) -> dict[str, Any]:
    return {
        "address": entry.address,
        "local": str(entry.union),
        "channel": entry.channel,
        "reason": entry.reason,
        "since": entry.created_at,
        "lifted_at": entry.lifted_at,
        "lift_reason": entry.lift_reason,
    }


@router.get("/suppressions", response={200: SuppressionPage, **ERRORS})
def list_suppressions(request: HttpRequest, paging: Query[PageParams]) -> Any:
    """The suppression list of the unions the token's user keeps it for, newest first."""
    user = require(request, "delivery.suppressions")
    entries = visible_suppressions(user).select_related("union").order_by("-created_at", "-id")
    return page(entries, paging, _suppression_out)
