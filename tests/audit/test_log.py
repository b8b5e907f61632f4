from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.log import record
from caucus.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_audit_event_cannot_be_changed_or_deleted(cast: Any) -> None:
    event = record(
        cast["admin"], "roster.export", cast.world.union_a, union=cast.world.union_a, rows=3
    )
    event.action = "nothing.happened"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(action="x")
    assert AuditEvent.objects.get().action == "roster.export"


def test_a_sign_in_and_a_failed_one_are_recorded(cast: Any, client: Any) -> None:
    client.post(reverse("accounts:login"), {"username": "team", "password": "wrong"})
    client.post(
        reverse("accounts:login"), {"username": "team", "password": "correct horse battery"}
    )
    actions = list(AuditEvent.objects.order_by("id").values_list("action", "actor_label"))
    assert actions == [("auth.login_failed", "system"), ("auth.login", "team")]


def test_the_admin_shows_the_log_read_only(cast: Any) -> None:
    admin = cast["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    record(admin, "update.publish")
    client = cast.client("admin")
    listing = client.get(reverse("admin:audit_auditevent_changelist"))
    assert "update.publish" in listing.content.decode()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
