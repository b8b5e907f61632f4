"""The admin sits behind the staff sign-in and its second factor, and never shows a secret."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _superuser(cast: Any) -> Any:
    admin = cast["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return admin


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_the_admin_sends_a_stranger_to_the_staff_sign_in(cast: Any) -> None:
    client = Client()
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('accounts:login')}?next=/admin/"


def test_the_admin_login_page_takes_no_password(cast: Any) -> None:
    _superuser(cast)
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": "admin", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_signed_in_without_a_second_factor_are_asked_for_it(cast: Any) -> None:
    client = Client()
    client.force_login(_superuser(cast))
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:verify"))


def test_sign_in_then_code_opens_the_admin_and_is_audited_once(cast: Any) -> None:
    admin = _superuser(cast)
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": "admin", "password": "correct horse battery", "next": "/admin/"},
    )
    assert response["Location"] == f"{reverse('accounts:verify')}?next=%2Fadmin%2F"
    response = client.post(reverse("accounts:verify"), {"token": _code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    entries = AuditEvent.objects.filter(action="admin.signed_in")
    assert [(e.actor_label, e.object_id) for e in entries] == [("admin", str(admin.pk))]


def test_verified_staff_without_is_staff_are_refused(cast: Any) -> None:
    client = cast.client("team")
    assert client.get(reverse("admin:login")).status_code == 403
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))


def test_the_admin_never_shows_an_authenticator_key(cast: Any) -> None:
    _superuser(cast)
    client = cast.client("admin")
    device = TOTPDevice.objects.create(user=cast["team"], name="phone", confirmed=True)
    pages = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert device.key not in response.content.decode(), page
        assert "qrcode" not in response.content.decode().lower(), page
    for name in ("otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{name}", args=[device.pk])
    assert client.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403


def test_the_admin_never_shows_backup_tokens(cast: Any) -> None:
    _superuser(cast)
    client = cast.client("admin")
    device = StaticDevice.objects.create(user=cast["team"], name="backup", confirmed=True)
    StaticToken.objects.create(device=device, token="sesame42")
    response = client.get(reverse("admin:otp_static_staticdevice_change", args=[device.pk]))
    assert response.status_code == 200
    assert "sesame42" not in response.content.decode()
    assert client.get(reverse("admin:otp_static_staticdevice_add")).status_code == 403


def test_removing_a_lost_device_in_the_admin_is_audited(cast: Any) -> None:
    _superuser(cast)
    client = cast.client("admin")
    device = TOTPDevice.objects.create(user=cast["team"], name="lost phone", confirmed=True)
    response = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    event = AuditEvent.objects.get(action="auth.device_removed")
    assert (event.actor_label, event.object_id) == ("admin", str(cast["team"].pk))
    assert event.detail == {"device": "lost phone"}
