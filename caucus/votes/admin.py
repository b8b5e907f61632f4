"""The admin's view of votes: read-mostly. Ballots are not shown at all (they are sealed, and
a list of them would only invite guessing); a vote's records are not deleted before
``keep_until``."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone

from caucus.votes import models


class VoteTextInline(admin.StackedInline):
    model = models.VoteText
    extra = 0


@admin.register(models.Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["title", "negotiation", "kind", "state", "opens_at", "closes_at"]
    list_filter = ["state", "kind", "negotiation"]
    search_fields = ["title"]
    inlines = [VoteTextInline]
    readonly_fields = [
        "state",
        "roll_size",
        "roll_hash",
        "roll_locked_at",
        "public_key",
        "key_made_at",
        "opened_at",
        "closed_at",
        "tallied_at",
        "certified_at",
        "keep_until",
    ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        kept = obj is not None and obj.keep_until and obj.keep_until > timezone.now()
        return not kept and super().has_delete_permission(request, obj)


@admin.register(models.VoteRole)
class VoteRoleAdmin(admin.ModelAdmin):
    list_display = ["vote", "user", "role", "granted_by", "granted_at", "key_checked_at"]
    list_filter = ["role"]
    readonly_fields = ["granted_by", "granted_at", "key_checked_at"]
