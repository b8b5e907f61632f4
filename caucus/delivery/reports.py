"""What a send's page and the API say about it: its rows by state while it runs, and the
delivery report by local and channel afterwards."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from caucus.delivery.models import OutboxMessage, OutboxStatus, Send

PROGRESS_STATES = [
    ("queued", "Waiting", (OutboxStatus.QUEUED, OutboxStatus.CLAIMED)),
    ("sent", "Sent", (OutboxStatus.SENT,)),
    ("failed", "Failed", (OutboxStatus.FAILED,)),
    ("bounced", "Bounced", (OutboxStatus.BOUNCED,)),
    ("unsubscribed", "Unsubscribed", (OutboxStatus.UNSUBSCRIBED,)),
    (
        "suppressed",
        "Not sent (suppressed or cancelled)",
        (OutboxStatus.SUPPRESSED, OutboxStatus.CANCELLED),
    ),
]


def progress(send: Send) -> dict[str, Any]:
    rows = OutboxMessage.objects.filter(send=send)
    by_status = dict(rows.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    states = [
        (key, label, sum(by_status.get(s, 0) for s in statuses))
        for key, label, statuses in PROGRESS_STATES
    ]
    return {"send": send, "states": states, "total": sum(by_status.values())}


def report_by_local(send: Send) -> list[dict[str, Any]]:
    rows = (
        OutboxMessage.objects.filter(send=send)
        .values("union__short_name", "channel")
        .annotate(
            total=Count("id"),
            sent=Count("id", filter=Q(status=OutboxStatus.SENT)),
            failed=Count("id", filter=Q(status=OutboxStatus.FAILED)),
            bounced=Count("id", filter=Q(status=OutboxStatus.BOUNCED)),
            unsubscribed=Count("id", filter=Q(status=OutboxStatus.UNSUBSCRIBED)),
        )
        .order_by("union__short_name", "channel")
    )
    return list(rows)
