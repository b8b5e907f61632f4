"""Workers and the outbox: claim a batch, send it, record each outcome, settle the send.

- ``claim`` moves up to a batch of rows to ``claimed`` with a conditional UPDATE (only rows
  still queued, or claimed by a worker whose lease ran out), under a token of its own, so two
  workers never hold the same row;
- ``send_batch`` sends them over one SMTP connection (texts through the SMS backend) and marks
  each row ``sent`` right after the server accepted it — one row at a time, so a killed worker
  leaves at most the one message in flight unrecorded, which the next worker sends again with
  the same Message-ID;
- temporary refusals go back to ``queued`` with a growing wait; permanent ones, or too many
  tries, are ``failed`` with the server's answer; a batch mostly refused pauses the send;
- ``settle`` finishes the send once no row is left to try.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F, Min, Q
from django.utils import timezone, translation

from caucus.delivery import sms
from caucus.delivery.letters import Letter, compose, message_id
from caucus.delivery.models import (
    FINAL,
    Channel,
    OutboxMessage,
    OutboxStatus,
    Send,
    Suppression,
    lease_expired_before,
)
from caucus.delivery.transport import Refused, SmtpConnection

CLAIM_TRIES = 3
# What sending a row reads: the member's name for the greeting, nothing else of theirs.
CLAIMED_FIELDS = (
    "send_id", "update_id", "member_id", "union_id", "channel", "address", "language",
    "status", "attempts", "claimed_by", "member__first_name",
)  # fmt: skip


def _claimable(send_id: int, now: datetime) -> Any:
    waiting = Q(status=OutboxStatus.QUEUED) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    abandoned = Q(status=OutboxStatus.CLAIMED, claimed_at__lt=lease_expired_before())
    return OutboxMessage.objects.filter(send_id=send_id).filter(waiting | abandoned)


def claim(send_id: int, size: int | None = None) -> tuple[str, list[OutboxMessage]]:
    """A batch of rows this worker alone now holds, and the token it holds them under."""
    size = size or settings.CAUCUS_DELIVERY_BATCH
    token = uuid.uuid4().hex
    for _ in range(CLAIM_TRIES):
        now = timezone.now()
        ids = list(_claimable(send_id, now).order_by("id").values_list("id", flat=True)[:size])
        if not ids:
            return token, []
        # The same conditions again: a row another worker took in between is left alone.
        moved = (
            _claimable(send_id, now)
            .filter(pk__in=ids)
            .update(status=OutboxStatus.CLAIMED, claimed_by=token, claimed_at=now)
        )
        if moved:
            rows = OutboxMessage.objects.filter(claimed_by=token, status=OutboxStatus.CLAIMED)
            return token, list(rows.select_related("member").only(*CLAIMED_FIELDS).order_by("id"))
    return token, []


@dataclass
class BatchOutcome:
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    suppressed: int = 0
    last_error: str = ""
    lost_claim: bool = False

    @property
    def tried(self) -> int:
        return self.sent + self.failed + self.retrying


def _suppressed_addresses(rows: list[OutboxMessage]) -> set[tuple[int, str, str]]:
    """(union, channel, address) of the batch's rows that a suppression now covers."""
    emails = {r.address for r in rows if r.channel == Channel.EMAIL}
    phones = {sms.phone_key(r.address) for r in rows if r.channel == Channel.SMS}
    found = Suppression.objects.filter(lifted_at__isnull=True).filter(
        Q(channel=Channel.EMAIL, address__in=emails) | Q(channel=Channel.SMS, address__in=phones)
    )
    return set(found.values_list("union_id", "channel", "address"))


def _key(row: OutboxMessage) -> tuple[int, str, str]:
    address = sms.phone_key(row.address) if row.channel == Channel.SMS else row.address
    return (row.union_id, row.channel, address)


# Letters rendered by this worker process, by (send, update's last change, language): each
# batch of a send reuses them instead of rendering the templates again.
_LETTERS: dict[tuple[int, Any, str], Letter] = {}


def letter_for(send: Send, language: str) -> Letter:
    key = (send.pk, send.update.updated_at, language)
    if key not in _LETTERS:
        if len(_LETTERS) > 64:
            _LETTERS.clear()
        _LETTERS[key] = compose(send.update, language, attach=send.attach_sheet)
    return _LETTERS[key]


def _mark_sent(row_id: int, token: str, provider_id: str) -> int:
    """Mark one row sent, if this worker still holds it; 1 if it did. Once per message, so one
    plain statement rather than a queryset compiled each time."""
    table = connection.ops.quote_name(OutboxMessage._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, sent_at = %s, attempts = attempts + 1, "  # noqa: S608 - the table's own name
            "provider_id = %s, claimed_by = '', error = '' WHERE id = %s AND claimed_by = %s",
            [OutboxStatus.SENT.value, now, provider_id, row_id, token],
        )
        return int(cursor.rowcount)


class Sender:
    """Sends one batch's rows, the e-mails over one SMTP connection."""

    def __init__(self, send: Send, token: str) -> None:
        self.send = send
        self.token = token
        self.letters: dict[str, Letter] = {}
        self.connection = SmtpConnection()
        self.outcome = BatchOutcome()
        self.envelope_from = settings.CAUCUS_DELIVERY_RETURN_PATH or settings.CAUCUS_DELIVERY_FROM
        self._sms: Any = None

    def _letter(self, language: str) -> Letter:
        if language not in self.letters:
            self.letters[language] = letter_for(self.send, language)
        return self.letters[language]

    def _deliver(self, row: OutboxMessage, then: str | None = None) -> str:
        """Hand ``row`` over; ``then``: the next e-mail's recipient, whose envelope may go
        along with this message's end (never its content: one message is in flight at most)."""
        if row.channel == Channel.SMS:
            if self._sms is None:
                self._sms = sms.backend()
            with translation.override(row.language):
                return str(
                    self._sms.send(row.address, sms.text_of(self.send.text_body, self.send.update))
                )
        letter = self._letter(row.language)
        raw = letter.message(
            to=row.address,
            name=row.member.first_name,
            member_id=row.member_id,
            message_id=message_id(row.pk, row.update_id),
        )
        self.connection.send(self.envelope_from, row.address, raw, then=then)
        return ""

    def _mine(self, row: OutboxMessage) -> Any:
        return OutboxMessage.objects.filter(pk=row.pk, claimed_by=self.token)

    def _record_refusal(self, row: OutboxMessage, error: Refused) -> None:
        attempts = row.attempts + 1
        self.outcome.last_error = error.answer
        if error.permanent or attempts >= settings.CAUCUS_DELIVERY_MAX_ATTEMPTS:
            self.outcome.failed += 1
            answer = error.answer if error.permanent else f"gave up after {attempts} tries: {error}"
            self._mine(row).update(
                status=OutboxStatus.FAILED, attempts=attempts, error=answer[:500], claimed_by=""
            )
            return
        self.outcome.retrying += 1
        wait = settings.CAUCUS_DELIVERY_RETRY_SECONDS * 2 ** (attempts - 1)
        self._mine(row).update(
            status=OutboxStatus.QUEUED,
            attempts=attempts,
            error=error.answer[:500],
            claimed_by="",
            next_attempt_at=timezone.now() + timedelta(seconds=wait),
        )

    def _leave_suppressed(self, rows: list[OutboxMessage]) -> list[OutboxMessage]:
        """Mark the rows a suppression now covers; returns the others, to send."""
        suppressed = _suppressed_addresses(rows)
        left = [row for row in rows if _key(row) in suppressed]
        if left:
            OutboxMessage.objects.filter(
                pk__in=[row.pk for row in left], claimed_by=self.token
            ).update(status=OutboxStatus.SUPPRESSED, claimed_by="")
            self.outcome.suppressed += len(left)
        return [row for row in rows if _key(row) not in suppressed]

    def run(self, rows: list[OutboxMessage]) -> BatchOutcome:
        rows = self._leave_suppressed(rows)
        emails = [row.address for row in rows if row.channel == Channel.EMAIL]
        with self.connection:
            for row in rows:
                then = None
                if row.channel == Channel.EMAIL:
                    emails.pop(0)
                    then = emails[0] if emails else None
                try:
                    provider_id = self._deliver(row, then)
                except Refused as error:
                    self._record_refusal(row, error)
                    continue
                marked = _mark_sent(row.pk, self.token, provider_id)
                self.outcome.sent += 1
                if not marked:  # our lease ran out and another worker has the rest
                    self.outcome.lost_claim = True
                    break
        return self.outcome


def should_pause(outcome: BatchOutcome) -> bool:
    """Most of a batch refused, and more than a few messages: a bad relay, not bad addresses."""
    failures = outcome.failed + outcome.retrying
    share = settings.CAUCUS_DELIVERY_PAUSE_SHARE * outcome.tried
    return failures >= settings.CAUCUS_DELIVERY_PAUSE_FAILURES and failures * 100 >= share


def pause(send: Send, outcome: BatchOutcome) -> bool:
    reason = (
        f"Paused by itself: {outcome.failed + outcome.retrying} of the last {outcome.tried} "
        f"messages were refused. The server said: {outcome.last_error}"
    )[:300]
    moved = Send.objects.filter(pk=send.pk, status=Send.Status.RUNNING).update(
        status=Send.Status.PAUSED, pause_reason=reason
    )
    return bool(moved)


def next_wake(send: Send) -> datetime | None:
    """When a row of the send next becomes claimable (a retry due, a lease running out)."""
    rows = OutboxMessage.objects.filter(send=send)
    retry = rows.filter(status=OutboxStatus.QUEUED).aggregate(at=Min("next_attempt_at"))["at"]
    claimed = rows.filter(status=OutboxStatus.CLAIMED).aggregate(at=Min("claimed_at"))["at"]
    lease = timedelta(seconds=settings.CAUCUS_DELIVERY_LEASE_SECONDS)
    times = [t for t in (retry, claimed + lease if claimed else None) if t is not None]
    return min(times) if times else None


def settle(send: Send) -> bool:
    """Finish the send if every row is final; True if it is (now or already) done."""
    rows = OutboxMessage.objects.filter(send=send)
    if rows.exclude(status__in=FINAL).exists():
        send.report(rows.filter(status__in=FINAL).count())
        return False
    Send.objects.filter(pk=send.pk, status=Send.Status.RUNNING).update(
        status=Send.Status.DONE,
        rows_done=F("rows_total"),
        finished_at=timezone.now(),
        stage="",
    )
    return True
