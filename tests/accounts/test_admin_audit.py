"""Changes to who may do what, made in the admin, reach the audit log with the old value."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms import CheckboxInput, MultiWidget
from django.urls import reverse

from caucus.accounts.models import RoleGrant
from caucus.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _fields(form: Any) -> dict[str, Any]:
    """What a browser would send back for ``form`` as it stands."""
    data: dict[str, Any] = {}
    for bound in form:
        value, widget = bound.value(), bound.field.widget
        if isinstance(widget, MultiWidget):
            for i, part in enumerate(widget.decompress(value)):
                data[f"{bound.html_name}_{i}"] = "" if part is None else str(part)
        elif isinstance(widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif value is not None:
            data[bound.html_name] = str(value)
    return data


def _change_form(client: Any, user: Any) -> tuple[str, dict[str, Any]]:
    """The user's admin change page and the data its form (with the role grants) would post."""
    url = reverse("admin:accounts_user_change", args=[user.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = _fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(_fields(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(_fields(form))
    return url, data


@pytest.fixture
def admin_client(cast: Any) -> Any:
    admin = cast["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return cast.client("admin")


def test_user_flags_changed_in_the_admin_are_audited_before_and_after(
    cast: Any, admin_client: Any
) -> None:
    team = cast["team"]
    url, data = _change_form(admin_client, team)
    data["is_staff"] = "on"
    del data["is_active"]
    assert admin_client.post(url, data).status_code == 302
    event = AuditEvent.objects.get(action="accounts.flags_changed")
    assert (event.actor_label, event.object_id) == ("admin", str(team.pk))
    assert event.detail == {
        "is_active": {"before": True, "after": False},
        "is_staff": {"before": False, "after": True},
    }


def test_a_save_that_changes_no_flag_writes_no_flag_row(cast: Any, admin_client: Any) -> None:
    url, data = _change_form(admin_client, cast["team"])
    data["display_name"] = "Terry Table"
    assert admin_client.post(url, data).status_code == 302
    assert not AuditEvent.objects.filter(action="accounts.flags_changed").exists()


def test_a_grant_moved_to_another_union_is_audited_before_and_after(
    cast: Any, admin_client: Any
) -> None:
    officer = cast["officer_a"]
    url, data = _change_form(admin_client, officer)
    data["role_grants-0-union"] = str(cast.world.union_b.pk)
    assert admin_client.post(url, data).status_code == 302
    assert officer.role_grants.get().union == cast.world.union_b
    event = AuditEvent.objects.get(action__startswith="roles.")
    assert event.action == "roles.changed"
    assert event.union == cast.world.union_b
    assert event.detail == {
        "role": {"before": "local_officer", "after": "local_officer"},
        "scope": {"before": "local-a", "after": "local-b"},
    }


def test_a_grant_widened_to_the_coalition_is_audited_before_and_after(
    cast: Any, admin_client: Any
) -> None:
    url, data = _change_form(admin_client, cast["officer_a"])
    data["role_grants-0-union"] = ""
    data["role_grants-0-role"] = "coalition_admin"
    assert admin_client.post(url, data).status_code == 302
    event = AuditEvent.objects.get(action="roles.changed")
    assert event.detail == {
        "role": {"before": "local_officer", "after": "coalition_admin"},
        "scope": {"before": "local-a", "after": "coalition"},
    }


def test_a_union_grant_added_and_one_revoked_are_audited_with_their_scope(
    cast: Any, admin_client: Any
) -> None:
    officer = cast["officer_a"]
    url, data = _change_form(admin_client, officer)
    data["role_grants-0-DELETE"] = "on"
    data["role_grants-TOTAL_FORMS"] = "2"
    data.update(
        {
            "role_grants-1-user": str(officer.pk),
            "role_grants-1-role": "organizer",
            "role_grants-1-union": str(cast.world.union_b.pk),
        }
    )
    assert admin_client.post(url, data).status_code == 302
    assert list(RoleGrant.objects.filter(user=officer).values_list("role", "union")) == [
        ("organizer", cast.world.union_b.pk)
    ]
    events = AuditEvent.objects.filter(action__startswith="roles.").order_by("id")
    assert [(e.action, e.union_id, e.detail) for e in events] == [
        ("roles.revoked", cast.world.union_a.pk, {"role": "local_officer", "scope": "local-a"}),
        ("roles.granted", cast.world.union_b.pk, {"role": "organizer", "scope": "local-b"}),
    ]
