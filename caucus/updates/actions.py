"""Writes on updates that must happen together: publishing and its audit row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from caucus.audit.log import record
from caucus.updates.audience import may_address
from caucus.updates.models import Update


def do_publish_update(update: Update, user: Any, request: HttpRequest | None = None) -> Update:
    """Publish now. Refused unless ``user`` may address the update's audience."""
    union_ids = list(update.unions.values_list("pk", flat=True))
    if not may_address(user, to_whole_coalition=update.to_whole_coalition, union_ids=union_ids):
        raise PermissionDenied("Not your audience")
    with transaction.atomic():
        update.status = Update.Status.PUBLISHED
        update.published_at = timezone.now()
        update.save(update_fields=["status", "published_at", "updated_at"])
        record(
            user,
            "update.publish",
            update,
            request=request,
            title=update.title,
            to_whole_coalition=update.to_whole_coalition,
            unions=union_ids,
        )
    return update
