"""Signing in: staff with a password and a TOTP second factor; members with a one-time link
(asked for on the roster's side, ``caucus.members.signin``; redeemed here)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.decorators import ratelimit

from caucus.accounts.forms import LoginForm, TokenForm
from caucus.accounts.models import LoginToken, User
from caucus.accounts.permissions import is_staff_member
from caucus.audit.log import record


def safe_next_url(request: HttpRequest, default: str) -> str:
    """The ``next`` the request names, if it stays on this site; else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def ratelimited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "accounts/ratelimited.html", status=429)


def _login_rate(group: str, request: HttpRequest) -> str:
    return settings.CAUCUS_LOGIN_RATE


def _typed_name(request: HttpRequest) -> str:
    return (request.POST.get("username") or "").strip()


def _account_key(group: str, request: HttpRequest) -> str:
    """Tries count per account, whether it is named by user name or by e-mail; a name that
    is no account counts by itself."""
    account = User.for_sign_in(_typed_name(request))
    return f"user:{account.pk}" if account is not None else f"name:{_typed_name(request).lower()}"


@ratelimit(key="ip", rate=_login_rate, method="POST")
@ratelimit(key=_account_key, rate=_login_rate, method="POST")
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        record(user, "auth.login", user, request=request)
        next_url = safe_next_url(request, reverse(settings.LOGIN_REDIRECT_URL))
        if is_staff_member(user) and settings.CAUCUS_REQUIRE_2FA:
            return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': next_url})}")
        return redirect(next_url)
    if request.method == "POST":
        record(None, "auth.login_failed", request=request, username=_typed_name(request)[:150])
    return render(
        request, "accounts/login.html", {"form": form, "next": safe_next_url(request, "")}
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
@ratelimit(key="user", rate=_login_rate, method="POST")
def verify_view(request: HttpRequest) -> HttpResponse:
    """Second factor: enter a TOTP code; enrol a device first if the user has none."""
    user: Any = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('accounts:totp_setup')}?next={safe_next_url(request, '')}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(safe_next_url(request, reverse(settings.LOGIN_REDIRECT_URL)))
        form.add_error(
            "token", "That code is not right or has expired. Codes change every 30 seconds."
        )
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": safe_next_url(request, ""),
            "demo_username": user.get_username() if settings.DEMO else "",
        },
    )


@login_required
def totp_setup_view(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the secret as a QR code, confirm with one code."""
    user: Any = request.user
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:verify")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record(user, "auth.totp_enrolled", user, request=request)
            django_otp.login(request, device)
            messages.success(request, "Your authenticator app is set up.")
            return redirect(safe_next_url(request, reverse(settings.LOGIN_REDIRECT_URL)))
        form.add_error(
            "token", "That code does not match. Check the time on your phone and try the next code."
        )
    import qrcode
    import qrcode.image.svg

    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string(
        encoding="unicode"
    )
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "qr_svg": svg, "secret": secret, "next": safe_next_url(request, "")},
    )


def magic_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (so mail scanners that follow links do not use it up); POST signs in."""
    if request.method == "POST":
        user = LoginToken.redeem(token)
        if user is None:
            return render(request, "accounts/magic_invalid.html", status=400)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        record(user, "auth.member_link_used", user, request=request)
        return redirect(safe_next_url(request, reverse("site:home")))
    return render(
        request, "accounts/magic_confirm.html", {"token": token, "next": safe_next_url(request, "")}
    )
