"""Every write of delivery, for the pages, the API, the webhooks and the demo alike: starting,
scheduling, cancelling and resuming a send, a test send to oneself, a member's preferences
and unsubscribe, the suppression list (added to by unsubscribes, bounces, complaints and
STOP; lifted only with a reason, and never for a member's own unsubscribe). Each is atomic,
checks the rules (``DeliveryError`` naming the field) and leaves one audit record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caucus.accounts.permissions import union_ids_with
from caucus.audit.log import record
from caucus.delivery.models import (
    Channel,
    MemberPreference,
    OutboxMessage,
    OutboxStatus,
    Send,
    Suppression,
)
from caucus.delivery.tasks import enqueue_deliver, start_send
from caucus.members.models import Member

MAX_TEXT = 480


class DeliveryError(Exception):
    """A change refused, shown at ``field`` when it is about one field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def check_audience(
    actor: Any,
    update: Any,
    *,
    to_whole_coalition: bool,
    unions: Sequence[Any],
    units: Sequence[Any],
    worksites: Sequence[Any],
) -> None:
    reach = union_ids_with(actor, "delivery.send")
    if to_whole_coalition:
        if reach is not None:
            raise DeliveryError(
                "Only coalition-wide staff send to the whole coalition: choose your unions.",
                field="audience",
            )
        return
    if not (unions or units or worksites):
        raise DeliveryError("Choose unions, units or worksites to send to.", field="unions")
    chosen = {u.pk for u in unions} | {u.union_id for u in units}
    if reach is not None and not chosen <= reach:
        raise DeliveryError("You can only send to members of your unions.", field="unions")
    if not update.to_whole_coalition:
        allowed = set(update.unions.values_list("pk", flat=True))
        if not chosen <= allowed:
            raise DeliveryError(
                "This update is for some unions only: send it to those.", field="unions"
            )


def _check_send(update: Any, *, by_email: bool, by_text: bool, text_body: str) -> None:
    if not (by_email or by_text):
        raise DeliveryError("Choose e-mail, text or both.", field="by_email")
    if len(text_body) > MAX_TEXT:
        raise DeliveryError(f"Keep the text under {MAX_TEXT} characters.", field="text_body")
    if update.sends.filter(
        status__in=[Send.Status.SCHEDULED, Send.Status.QUEUED, Send.Status.RUNNING]
    ).exists():
        raise DeliveryError("This update is being sent already: wait, or cancel that send.")


@transaction.atomic
def do_create_send(
    actor: Any,
    update: Any,
    *,
    by_email: bool,
    by_text: bool,
    to_whole_coalition: bool,
    unions: Sequence[Any] = (),
    units: Sequence[Any] = (),
    worksites: Sequence[Any] = (),
    text_body: str = "",
    attach_sheet: bool = True,
    scheduled_for: datetime | None = None,
    embargo: bool = False,
) -> Send:
    """Send ``update`` now (``scheduled_for`` None or past) or at ``scheduled_for``."""
    _check_send(update, by_email=by_email, by_text=by_text, text_body=text_body)
    check_audience(
        actor,
        update,
        to_whole_coalition=to_whole_coalition,
        unions=unions,
        units=units,
        worksites=worksites,
    )
    now = timezone.now()
    later = scheduled_for is not None and scheduled_for > now
    if embargo and update.is_published:
        raise DeliveryError("This update is already on the member site.", field="embargo")
    send = Send.objects.create(
        update=update,
        by_email=by_email,
        by_text=by_text,
        to_whole_coalition=to_whole_coalition,
        text_body=text_body.strip(),
        attach_sheet=attach_sheet,
        scheduled_for=scheduled_for if later else None,
        status=Send.Status.SCHEDULED if later else Send.Status.QUEUED,
        created_by=actor,
    )
    send.unions.set([] if to_whole_coalition else unions)
    send.units.set([] if to_whole_coalition else units)
    send.worksites.set([] if to_whole_coalition else worksites)
    if embargo and not update.embargoed:
        update.embargoed = True
        update.save(update_fields=["embargoed", "updated_at"])
    _record_send(actor, send, scheduled_for if later else None, embargo=embargo)
    if later and scheduled_for is not None:
        transaction.on_commit(lambda: _start_at(send.pk, scheduled_for))
    else:
        transaction.on_commit(lambda: start_send.enqueue(send.pk))
    return send


def _record_send(actor: Any, send: Send, later: datetime | None, *, embargo: bool) -> None:
    record(
        actor,
        "delivery.schedule" if later else "delivery.send",
        send,
        update=send.update_id,
        channels=send.channels,
        audience=send.audience_label(),
        scheduled_for=later.isoformat() if later else None,
        embargo=embargo,
    )


def _start_at(send_id: int, when: datetime) -> None:
    if start_send.get_backend().supports_defer:
        start_send.using(run_after=when).enqueue(send_id)
    # Without a deferring backend, ``caucus send_due`` (or the next page visit) starts it.


@transaction.atomic
def do_cancel_send(actor: Any, send: Send) -> Send:
    """Stop a scheduled, running or paused send. Messages already handed over stay sent."""
    moved = Send.objects.filter(
        pk=send.pk,
        status__in=[
            Send.Status.SCHEDULED,
            Send.Status.QUEUED,
            Send.Status.RUNNING,
            Send.Status.PAUSED,
        ],
    ).update(status=Send.Status.CANCELLED, finished_at=timezone.now(), stage="")
    if not moved:
        raise DeliveryError("This send has finished: there is nothing left to cancel.")
    left = OutboxMessage.objects.filter(send=send, status=OutboxStatus.QUEUED).update(
        status=OutboxStatus.CANCELLED
    )
    send.refresh_from_db()
    record(actor, "delivery.cancel", send, not_sent=left)
    return send


@transaction.atomic
def do_resume_send(actor: Any, send: Send) -> Send:
    """Go on with a paused send (the relay is fixed): its waiting rows are tried again now."""
    moved = Send.objects.filter(pk=send.pk, status=Send.Status.PAUSED).update(
        status=Send.Status.RUNNING, pause_reason=""
    )
    if not moved:
        raise DeliveryError("Only a paused send can be resumed.")
    OutboxMessage.objects.filter(send=send, status=OutboxStatus.QUEUED).update(next_attempt_at=None)
    record(actor, "delivery.resume", send)
    transaction.on_commit(lambda: enqueue_deliver(send.pk))
    send.refresh_from_db()
    return send


def _in_force(union_id: int, channel: str, address: str) -> Any:
    return Suppression.objects.filter(
        union_id=union_id, channel=channel, address=address, lifted_at__isnull=True
    )


def suppress(
    member: Member | None,
    *,
    union_id: int,
    channel: str,
    address: str,
    reason: str,
    detail: str = "",
) -> Suppression:
    """Put an address on the union's list (once: an entry in force is kept as it is)."""
    existing = _in_force(union_id, channel, address).first()
    if existing is not None:
        return existing
    found = Suppression.objects.create(
        union_id=union_id,
        channel=channel,
        address=address,
        reason=reason,
        detail=detail[:500],
        member=member,
    )
    record(None, f"delivery.suppress_{reason}", found, channel=channel, union=found.union)
    return found


def _address_of(member: Member, channel: str) -> str:
    from caucus.delivery.sms import phone_key

    return member.email.lower() if channel == Channel.EMAIL else phone_key(member.phone)


@transaction.atomic
def do_unsubscribe(member: Member, channel: str) -> Suppression | None:
    """The member's own one-click unsubscribe: that channel stops for every update."""
    if channel not in Channel.values:
        raise DeliveryError("No such channel.", field="channel")
    address = _address_of(member, channel)
    if not address:
        return None
    preference, _ = MemberPreference.objects.get_or_create(member=member)
    setattr(preference, "by_email" if channel == Channel.EMAIL else "by_text", False)
    preference.save()
    OutboxMessage.objects.filter(member=member, channel=channel, status=OutboxStatus.QUEUED).update(
        status=OutboxStatus.UNSUBSCRIBED
    )
    return suppress(
        member,
        union_id=member.union_id,
        channel=channel,
        address=address,
        reason=Suppression.Reason.UNSUBSCRIBED,
    )


@transaction.atomic
def do_save_preferences(
    member: Member,
    *,
    language: str,
    by_email: bool,
    by_text: bool,
    coalition_updates: bool,
    local_updates: bool,
) -> MemberPreference:
    """The member's choices. Choosing a channel again lifts their own unsubscribe from it."""
    preference, _ = MemberPreference.objects.get_or_create(member=member)
    preference.language = language
    preference.by_email, preference.by_text = by_email, by_text
    preference.coalition_updates, preference.local_updates = coalition_updates, local_updates
    preference.save()
    for channel, wanted in ((Channel.EMAIL, by_email), (Channel.SMS, by_text)):
        if wanted:
            _in_force(member.union_id, channel, _address_of(member, channel)).filter(
                reason__in=[Suppression.Reason.UNSUBSCRIBED, Suppression.Reason.STOP]
            ).update(lifted_at=timezone.now(), lift_reason="The member chose it again.")
    record(None, "delivery.preferences", member, union=member.union)
    return preference


@transaction.atomic
def do_lift_suppression(actor: Any, suppression: Suppression, *, reason: str) -> Suppression:
    """Staff lift a hard bounce (the address was fixed): with a reason, on the record."""
    if not suppression.is_in_force:
        raise DeliveryError("This entry was lifted already.")
    if suppression.reason in (Suppression.Reason.UNSUBSCRIBED, Suppression.Reason.STOP):
        raise DeliveryError(
            "Only the member can undo their own unsubscribe, from their preference page.",
            field="reason",
        )
    if len(reason.strip()) < 10:
        raise DeliveryError("Say why, in a sentence: it stays on the record.", field="reason")
    suppression.lifted_at = timezone.now()
    suppression.lifted_by = actor
    suppression.lift_reason = reason.strip()[:300]
    suppression.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    record(
        actor,
        "delivery.lift_suppression",
        suppression,
        union=suppression.union,
        reason=suppression.lift_reason,
        was=suppression.reason,
    )
    return suppression


def record_bounce(
    *, address: str, permanent: bool, complaint: bool, detail: str, outbox_id: int | None = None
) -> int:
    """A bounce or complaint about ``address`` (or the outbox row a Message-ID of ours named):
    the address suppressed in each union that wrote to it (hard bounces and complaints only),
    the latest message marked. Returns the rows marked."""
    if not (permanent or complaint):
        return 0  # a delay or a soft bounce: the outbox's own retries deal with it
    emails = OutboxMessage.objects.filter(channel=Channel.EMAIL)
    named = emails.filter(pk=outbox_id).first() if outbox_id else None
    address = named.address if named is not None else address.strip().lower()
    rows = emails.filter(address=address)
    reason = Suppression.Reason.COMPLAINT if complaint else Suppression.Reason.HARD_BOUNCE
    with transaction.atomic():
        for union_id, member_id in set(rows.values_list("union_id", "member_id")):
            suppress(
                Member.objects.filter(pk=member_id).first(),
                union_id=union_id,
                channel=Channel.EMAIL,
                address=address,
                reason=reason,
                detail=detail,
            )
        latest = named or rows.filter(status=OutboxStatus.SENT).order_by("-sent_at").first()
        if latest is None:
            return 0
        status = OutboxStatus.UNSUBSCRIBED if complaint else OutboxStatus.BOUNCED
        return OutboxMessage.objects.filter(pk=latest.pk).update(status=status, error=detail[:500])
