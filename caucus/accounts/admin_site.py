"""The admin behind the staff sign-in: one password form, one rate limit, one second factor.

Django's admin brings its own password-only login form. Here the admin's login page has no
form: it sends people to ``accounts:login`` (rate-limited, audited), then to the second
factor, and only then back. As in django-otp's ``OTPAdminSite``, a session without a verified
device counts as not staff, whatever ``is_staff`` says. Entering the admin is audited once per
session (``admin.signed_in``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.admin import AdminSite
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from caucus.audit.log import record

_ENTERED = "caucus_admin_signed_in"


def _is_verified(user: Any) -> bool:
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's OTPMiddleware
    return bool(is_verified and is_verified())


class StaffAdminSite(AdminSite):
    site_header = "Caucus administration"
    site_title = "Caucus admin"

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        if not (user.is_active and user.is_staff and _is_verified(user)):
            return False
        if not request.session.get(_ENTERED):
            request.session[_ENTERED] = True
            record(user, "admin.signed_in", user, request=request)
        return True

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """No form here: the staff sign-in, then the second factor, then back to ``next``."""
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user: Any = request.user
        if not user.is_authenticated:
            return redirect_to_login(next_url)
        if not _is_verified(user):
            return HttpResponseRedirect(
                f"{reverse('accounts:verify')}?{urlencode({'next': next_url})}"
            )
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        raise PermissionDenied
