"""The cross-cutting checks on staff views: signed in, second factor verified, permission held.

Object-level checks (this union's member, this negotiation's draft) happen in each app's
``access.py`` helpers, which answer 404 for both "missing" and "not yours".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from caucus.accounts.models import User
from caucus.accounts.permissions import has_perm, is_staff_member

View = Callable[..., HttpResponseBase]


class StaffRequest(HttpRequest):
    """What a staff view receives: ``staff_required`` has checked that a user is signed in
    (with their second factor and the view's permission), so ``user`` is a ``User``."""

    user: User


def staff_required(perm: str = "staff.enter") -> Callable[[View], View]:
    """Staff views: a verified second factor and ``perm`` (coalition-wide or for some union)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_staff_member(user):
                # A member or a person with no role: refused, never asked to enrol a second factor.
                raise PermissionDenied
            if settings.CAUCUS_REQUIRE_2FA and not user.is_verified():  # type: ignore[attr-defined]  # django-otp adds it
                return redirect(f"{reverse('accounts:verify')}?next={request.get_full_path()}")
            if not has_perm(user, perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
