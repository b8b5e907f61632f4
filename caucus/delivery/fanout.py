"""The fan-out: a send's outbox rows, one per recipient × channel, made in ONE set-based
statement per channel (``INSERT … SELECT … ON CONFLICT DO NOTHING``), so 100,000 members take
seconds, not a Python loop. A member who already has a row for this update and channel (an
earlier send of the same update) is skipped by the unique constraint: nobody is sent the same
update twice by the same channel.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import CharField, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from caucus.delivery.audience import recipients
from caucus.delivery.models import Channel, MemberPreference, OutboxMessage, OutboxStatus, Send

COLUMNS = (
    "send_id",
    "update_id",
    "member_id",
    "union_id",
    "channel",
    "address",
    "language",
    "status",
    "attempts",
    "claimed_by",
    "provider_id",
    "error",
)


def _select(send: Send, channel: str) -> tuple[str, Any]:
    """The SELECT that yields one outbox row per recipient, in COLUMNS order."""
    chosen_language = Subquery(
        MemberPreference.objects.filter(member=OuterRef("pk")).values("language")[:1]
    )
    address = Lower("email") if channel == Channel.EMAIL else F("phone")
    rows = (
        recipients(send, channel, send.created_by)
        .annotate(
            o_send=Value(send.pk, output_field=IntegerField()),
            o_update=Value(send.update_id, output_field=IntegerField()),
            o_channel=Value(channel, output_field=CharField()),
            o_address=address,
            o_language=Coalesce(NullIf(chosen_language, Value("")), F("language")),
            o_status=Value(OutboxStatus.QUEUED, output_field=CharField()),
            o_attempts=Value(0, output_field=IntegerField()),
            o_blank=Value("", output_field=CharField()),
        )
        .order_by("union_id", "pk")
        .values_list(
            "o_send",
            "o_update",
            "pk",
            "union_id",
            "o_channel",
            "o_address",
            "o_language",
            "o_status",
            "o_attempts",
            "o_blank",
            "o_blank",
            "o_blank",
        )
    )
    return rows.query.sql_with_params()


def fan_out(send: Send) -> int:
    """Make the send's outbox rows; returns how many it has."""
    table = OutboxMessage._meta.db_table
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in COLUMNS)
    with connection.cursor() as cursor:
        for channel in send.channels:
            sql, params = _select(send, channel)
            # "WHERE" is already in the SELECT, which SQLite needs before ON CONFLICT.
            cursor.execute(
                f"INSERT INTO {quote(table)} ({columns}) {sql} ON CONFLICT DO NOTHING",
                params,
            )
    return OutboxMessage.objects.filter(send=send).count()
