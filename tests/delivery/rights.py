"""Who may reach each caucus.delivery route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

Sending needs ``delivery.send`` (admin, the bargaining team, communications) at the update's
negotiation; the suppression list ``delivery.suppressions`` (admin, communications, of their unions). A
member's preference and unsubscribe pages open from the signed link alone, for anyone holding
it. Translations need ``updates.translate`` and, like editing, reach a whole-coalition draft
only for coalition-wide holders. The providers' webhooks have no name: machines post to them
(tests/delivery/test_bounces.py and test_texts.py).
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE, UPDATES, UPDATES_COALITION_WIDE

DELIVERY = UPDATES  # admin, team, team_b, comms, comms_a
SUPPRESSIONS = {"admin", "comms", "comms_a"}  # the suppression asked about is Local A's
UPDATE = ("pk=delivery_update_pk",)
SEND = ("pk=send_pk",)

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "delivery:home": ("GET", DELIVERY, ("slug",)),
    "delivery:new": ("GET", DELIVERY, UPDATE),
    "delivery:test_send": ("POST", DELIVERY, UPDATE),
    "delivery:send": ("GET", DELIVERY, SEND),
    "delivery:progress": ("GET", DELIVERY, SEND),
    "delivery:cancel": ("POST", DELIVERY, SEND),
    "delivery:resume": ("POST", DELIVERY, SEND),
    "delivery:suppressions": ("GET", SUPPRESSIONS, ()),
    "delivery:lift": ("GET", SUPPRESSIONS, ("pk=suppression_pk",)),
    "delivery_site:preferences": ("GET", EVERYONE, ("token=member_token",)),
    "delivery_site:unsubscribe": ("GET", EVERYONE, ("token=member_token", "channel")),
    "updates:translations": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk",)),
    "updates:translation": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk", "language")),
    "updates:review_translation": ("POST", UPDATES_COALITION_WIDE, ("pk=draft_pk", "language")),
    "updates:documents": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk",)),
    "updates:document": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk", "document_id")),
    "updates:remove_document": ("POST", UPDATES_COALITION_WIDE, ("pk=draft_pk", "document_id")),
    "site:update_document": ("GET", EVERYONE, ("slug", "update_slug", "pk=public_document_pk")),
    "api:list_sends": ("GET", DELIVERY, ("slug",)),
    "api:get_send": ("GET", DELIVERY, ("send_id=send_pk",)),
    "api:list_suppressions": ("GET", SUPPRESSIONS, ()),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: a published update to the whole coalition with a finished send, a
    draft's translation and document, a hard bounce on Local A's list."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from caucus.delivery.links import member_token
    from caucus.delivery.models import Send, Suppression
    from caucus.updates.models import Update, UpdateDocument, UpdateTranslation

    update = Update.objects.create(
        negotiation=negotiation,
        title="Send me",
        slug="send-me",
        body="News.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    send = Send.objects.create(update=update, status=Send.Status.DONE, created_by=cast["comms"])
    draft = Update.objects.get(negotiation=negotiation, slug="draft")
    UpdateTranslation.objects.create(update=draft, language="es", title="Borrador", body="Pronto.")
    document = UpdateDocument.objects.create(
        update=draft,
        title="Letter",
        original_name="letter.pdf",
        file=ContentFile(b"%PDF-1.7\n", name="letter.pdf"),
    )
    public = Update.objects.get(negotiation=negotiation, slug="we-passed-wages")
    public_document = UpdateDocument.objects.create(
        update=public,
        title="Full proposal",
        original_name="proposal.pdf",
        file=ContentFile(b"%PDF-1.7\n", name="proposal.pdf"),
    )
    suppression, _ = Suppression.objects.get_or_create(
        union=cast.world.union_a,
        channel="email",
        address="bounced@personal.example",
        defaults={"reason": Suppression.Reason.HARD_BOUNCE},
    )
    return {
        "delivery_update_pk": update.pk,
        "send_pk": send.pk,
        "suppression_pk": suppression.pk,
        "member_token": member_token(cast.member_record.pk),
        "channel": "email",
        "language": "es",
        "document_id": document.pk,
        "public_document_pk": public_document.pk,
    }
