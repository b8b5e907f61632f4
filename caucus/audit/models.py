"""The append-only audit log of sensitive acts: exports, publishing, imports, permission
changes, votes opened and closed. Rows are written once and never changed or deleted."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_unions(self, union_ids: frozenset[int] | None) -> AuditEventQuerySet:
        """Every event (``None``: coalition-wide), or only the events of these unions."""
        return self.all() if union_ids is None else self.filter(union__in=union_ids)

    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text="Who acted, kept if the account goes.")
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    union = models.ForeignKey(
        "orgs.Union", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")

    def detail_summary(self) -> str:
        """The detail in a line for people: ``is_staff: False → True; rows: 3``."""
        parts = []
        for key, value in sorted(self.detail.items()):
            if isinstance(value, dict) and set(value) == {"before", "after"}:
                parts.append(f"{key}: {value['before']} → {value['after']}")
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)
