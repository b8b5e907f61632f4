"""Staff pages need a verified TOTP code; enrolment shows a QR code and confirms with a code."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_signed_in_staff_without_second_factor_is_sent_to_verify(cast: Any) -> None:
    client = Client()
    client.force_login(cast["team"])
    response = client.get(reverse("table:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_staff_without_a_device_enrols_one_with_a_code(cast: Any, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    client.force_login(cast["team"])
    page = client.get(reverse("accounts:totp_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast["team"], confirmed=False)

    wrong = client.post(
        reverse("accounts:totp_setup"),
        {"token": "000000" if _code(device) != "000000" else "111111"},
    )
    assert "does not match" in wrong.content.decode()

    response = client.post(
        reverse("accounts:totp_setup"), {"token": _code(device), "next": reverse("table:home")}
    )
    assert response.status_code == 302
    assert client.get(reverse("table:dashboard", args=["national-2026"])).status_code == 200


def test_a_right_code_opens_the_staff_pages_and_a_wrong_one_does_not(
    cast: Any, settings: Any
) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=cast["comms"], name="phone", confirmed=True)
    client = Client()
    client.force_login(cast["comms"])
    bad = client.post(reverse("accounts:verify"), {"token": "12345"})
    assert "not right" in bad.content.decode()
    assert client.get(reverse("table:home")).status_code == 302

    client.post(reverse("accounts:verify"), {"token": _code(device)})
    assert client.get(reverse("table:dashboard", args=["national-2026"])).status_code == 200


def test_verify_does_not_redirect_off_site(cast: Any) -> None:
    device = TOTPDevice.objects.create(user=cast["comms"], name="phone", confirmed=True)
    client = Client()
    client.force_login(cast["comms"])
    response = client.post(
        reverse("accounts:verify"), {"token": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("table:home")


def test_after_a_wrong_code_even_the_right_one_waits(cast: Any) -> None:
    device = TOTPDevice.objects.create(user=cast["comms"], name="phone", confirmed=True)
    client = Client()
    client.force_login(cast["comms"])
    client.post(
        reverse("accounts:verify"), {"token": "000000" if _code(device) != "000000" else "111111"}
    )
    client.post(reverse("accounts:verify"), {"token": _code(device)})
    assert client.get(reverse("table:home")).status_code == 302
