"""The demo's part of caucus.delivery: what `make run` shows on the delivery pages.

- the latest update carries the published comparison sheet and a reviewed Spanish
  translation (written by the team, reviewed by communications), ready to send;
- some members chose their language or stopped texts on their preference page;
- a suppression or two (an unsubscribe, a hard bounce with the server's words);
- a finished send of an earlier update to one local, with its delivery report: made as the
  worker would have made it (the fan-out, then each row's outcome), without a real SMTP
  conversation, so building the demo sends nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from caucus.delivery.actions import do_save_preferences, do_unsubscribe, suppress
from caucus.delivery.fanout import fan_out
from caucus.delivery.models import Channel, OutboxMessage, OutboxStatus, Send, Suppression
from caucus.members.models import Member
from caucus.sheets.models import Sheet
from caucus.updates.actions import do_link_sheet, do_review_translation, do_save_translation
from caucus.updates.models import Update

if TYPE_CHECKING:
    from caucus.demo.build import Demo

LATEST = "the-company-package"
EARLIER = "two-percent-is-an-insult"


def _ready_to_send(demo: Demo) -> None:
    update = Update.objects.get(negotiation=demo.round.negotiation, slug=LATEST)
    sheet = Sheet.objects.filter(negotiation=update.negotiation, status="published").first()
    if sheet is not None:
        do_link_sheet(demo.users["team"], update, sheet)
    translation = do_save_translation(
        demo.users["team"],
        update,
        None,
        language="es",
        title="El paquete de la empresa: lean la letra chica",
        summary="Salarios, reparto de ganancias y beneficios, todo o nada.",
        body="La empresa juntó salarios, reparto de ganancias **sin mínimo garantizado** y "
        "beneficios en un solo paquete. Esto es lo que significaría para ustedes.",
    )
    do_review_translation(demo.users["comms"], translation)
    earlier = Update.objects.get(negotiation=update.negotiation, slug=EARLIER)
    for spanish in earlier.translations.filter(is_reviewed=False):
        do_review_translation(demo.users["comms"], spanish)


def _preferences(demo: Demo) -> list[Member]:
    local = demo.orgs.unions[0]
    members = list(Member.objects.filter(union=local).exclude(email="").order_by("pk")[:6])
    for member in members[:3]:
        do_save_preferences(
            member,
            language="es",
            by_email=True,
            by_text=member is not members[2],
            coalition_updates=True,
            local_updates=True,
        )
    if len(members) > 3:
        do_unsubscribe(members[3], Channel.EMAIL)
    if len(members) > 4:
        suppress(
            members[4],
            union_id=local.pk,
            channel=Channel.EMAIL,
            address=members[4].email.lower(),
            reason=Suppression.Reason.HARD_BOUNCE,
            detail="550 5.1.1 The email account that you tried to reach does not exist.",
        )
    return members


def _finished_send(demo: Demo) -> Send:
    """A send of the earlier update to the first local, settled as a worker leaves one."""
    update = Update.objects.get(negotiation=demo.round.negotiation, slug=EARLIER)
    local = demo.orgs.unions[0]
    started = timezone.now() - timedelta(days=3)
    send = Send.objects.create(
        update=update,
        by_email=True,
        by_text=True,
        to_whole_coalition=False,
        text_body="Harborline offered 2%. Wear your button this week.",
        status=Send.Status.RUNNING,
        created_by=demo.users["comms"],
    )
    send.unions.set([local])
    total = fan_out(send)
    rows = OutboxMessage.objects.filter(send=send).order_by("pk")
    failed = list(rows.filter(channel=Channel.EMAIL).values_list("pk", flat=True)[:2])
    bounced = list(rows.filter(channel=Channel.EMAIL).values_list("pk", flat=True)[2:4])
    rows.update(status=OutboxStatus.SENT, attempts=1, sent_at=started + timedelta(minutes=2))
    rows.filter(pk__in=failed).update(
        status=OutboxStatus.FAILED, sent_at=None, error="550 5.1.1 No such user here"
    )
    rows.filter(pk__in=bounced).update(
        status=OutboxStatus.BOUNCED, error="postmark: bounced Hard bounce"
    )
    Send.objects.filter(pk=send.pk).update(
        status=Send.Status.DONE,
        rows_total=total,
        rows_done=total,
        started_at=started,
        finished_at=started + timedelta(minutes=3),
        created_at=started,
    )
    return send


def build_delivery(demo: Demo) -> None:
    _ready_to_send(demo)
    _preferences(demo)
    _finished_send(demo)
