"""What providers post back: bounces and complaints through django-anymail's tracking
webhooks (each provider's signature checked by anymail, plus the shared secret of
``ANYMAIL_WEBHOOK_SECRET`` in the URL's basic auth), and replies to texts (Twilio's signature
checked with its own validator) where STOP suppresses the number and START lifts it.
"""

from __future__ import annotations

import logging
from typing import Any

from anymail.signals import AnymailTrackingEvent, tracking
from anymail.webhooks.amazon_ses import AmazonSESTrackingWebhookView
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridTrackingWebhookView
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from caucus.delivery import sms
from caucus.delivery.actions import record_bounce, suppress
from caucus.delivery.letters import outbox_id_of
from caucus.delivery.models import Channel, OutboxMessage, Suppression
from caucus.members.models import Member

log = logging.getLogger(__name__)


@receiver(tracking)
def on_tracking_event(
    sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any
) -> None:
    """Hard bounces and complaints suppress; anything else (deferred, delivered) is noted."""
    if event.event_type not in ("bounced", "complained", "unsubscribed", "rejected"):
        return
    # Relays that keep our Message-ID (Mailgun, SES over SMTP) name the row; others, the address.
    outbox_id = outbox_id_of(event.message_id or "")
    detail = f"{esp_name}: {event.event_type} {event.description or ''} {event.mta_response or ''}"
    record_bounce(
        address=event.recipient or "",
        permanent=event.event_type in ("bounced", "rejected"),
        complaint=event.event_type in ("complained", "unsubscribed"),
        detail=detail.strip(),
        outbox_id=outbox_id,
    )


def _twilio_signed(request: HttpRequest) -> bool:
    if not settings.TWILIO_AUTH_TOKEN:
        # No Twilio account (the console backend of the demo and tests): nothing to check.
        return settings.CAUCUS_SMS_BACKEND.endswith("ConsoleBackend")
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
    url = f"{settings.SITE_URL}{request.path}"
    return bool(
        validator.validate(url, request.POST.dict(), request.headers.get("X-Twilio-Signature", ""))
    )


def handle_reply(phone: str, body: str) -> str:
    """STOP (and its usual synonyms) suppresses the number in every union that texted it;
    START lifts that. Returns what was done."""
    word = body.strip().split()[0].lower() if body.strip() else ""
    key = sms.phone_key(phone)
    rows = OutboxMessage.objects.filter(channel=Channel.SMS, address__contains=key[-4:])
    unions = {
        (row.union_id, row.member_id)
        for row in rows.only("union_id", "member_id", "address")
        if key and sms.phone_key(row.address) == key
    }
    if word in sms.STOP_WORDS:
        for union_id, member_id in unions:
            suppress(
                Member.objects.filter(pk=member_id).first(),
                union_id=union_id,
                channel=Channel.SMS,
                address=key,
                reason=Suppression.Reason.STOP,
                detail=body[:100],
            )
        return "stopped"
    if word in sms.START_WORDS:
        Suppression.objects.filter(
            channel=Channel.SMS, address=key, reason=Suppression.Reason.STOP, lifted_at__isnull=True
        ).update(lifted_at=timezone.now(), lift_reason="The member replied START.")
        return "started"
    return "ignored"


@csrf_exempt
@require_POST
def sms_inbound(request: HttpRequest) -> HttpResponse:
    if not _twilio_signed(request):
        return HttpResponseForbidden("Bad signature.")
    done = handle_reply(request.POST.get("From", ""), request.POST.get("Body", ""))
    log.info("text reply: %s", done)
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="text/xml"
    )


urlpatterns = [
    path("delivery/hooks/sms/inbound/", sms_inbound),
    path("delivery/hooks/postmark/tracking/", PostmarkTrackingWebhookView.as_view()),
    path("delivery/hooks/mailgun/tracking/", MailgunTrackingWebhookView.as_view()),
    path("delivery/hooks/sendgrid/tracking/", SendGridTrackingWebhookView.as_view()),
    path("delivery/hooks/amazon_ses/tracking/", AmazonSESTrackingWebhookView.as_view()),
]
