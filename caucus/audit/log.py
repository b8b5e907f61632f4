"""One call to record a sensitive act: ``record(request_or_user, "roster.export", obj, ...)``."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from caucus.audit.models import AuditEvent


def record(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    union: Any = None,
    request: HttpRequest | None = None,
    **detail: Any,
) -> AuditEvent:
    """Append an audit event. ``actor`` is a user, or None for the system."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=(user.get_username() if user else "system"),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        union=union,
        detail=detail,
        ip=ip,
    )
