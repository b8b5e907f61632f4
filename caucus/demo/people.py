"""The demo's people: one staff user per role, each with a confirmed authenticator (TOTP)
device, and one member who signs in by e-mailed link. Their logins are printed by ``caucus
demo`` and ``caucus serve``; ``caucus otp_code USER`` prints a user's current code.

The passwords are public by design: this is a demo, never a deployment.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, TextIO

from django.conf import settings
from django.core.management.base import OutputWrapper
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.accounts.models import Role, RoleGrant, User
from caucus.demo.orgs import Orgs
from caucus.members.models import Member

MEMBER_EMAIL = "demo.member@mailbox.example"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    local: str | None  # slug of the local for a union-scoped role
    display_name: str


LOGINS = [
    DemoLogin("admin", "demo-admin-pass", Role.COALITION_ADMIN, None, "Ada Admin"),
    DemoLogin("team", "demo-team-pass", Role.BARGAINING_TEAM, None, "Terry Table"),
    DemoLogin("comms", "demo-comms-pass", Role.COMMUNICATIONS, None, "Cam Comms"),
    DemoLogin("officer", "demo-officer-pass", Role.LOCAL_OFFICER, "local-34", "Olu Officer"),
    DemoLogin("organizer", "demo-organizer-pass", Role.ORGANIZER, "local-34", "Oren Organizer"),
    DemoLogin("observer", "demo-observer-pass", Role.OBSERVER, None, "Obi Observer"),
]


def build_people(rng: random.Random, orgs: Orgs) -> dict[str, User]:
    unions = {union.slug: union for union in orgs.unions}
    users: dict[str, User] = {}
    for login in LOGINS:
        user = User.objects.create_user(
            username=login.username,
            email=f"{login.username}@caucus-demo.example",
            password=login.password,
            display_name=login.display_name,
            is_staff=login.role == Role.COALITION_ADMIN,
            is_superuser=login.role == Role.COALITION_ADMIN,
        )
        RoleGrant.objects.create(
            user=user, role=login.role, union=unions[login.local] if login.local else None
        )
        TOTPDevice.objects.create(
            user=user, name="Demo authenticator", confirmed=True, key=rng.randbytes(20).hex()
        )
        users[login.username] = user
    member = Member.objects.filter(union=unions["local-34"]).order_by("member_id").first()
    if member is not None:
        member_user = User.objects.create_user(
            username="member", email=MEMBER_EMAIL, display_name=member.full_name
        )
        member.email = MEMBER_EMAIL
        member.email_is_employers = False
        member.user = member_user
        member.save(update_fields=["email", "email_is_employers", "user"])
        users["member"] = member_user
    return users


def print_logins(out: TextIO | OutputWrapper, site_url: str | None = None) -> None:
    """The demo's sign-ins, for the terminal; only users that exist in this database."""
    site_url = site_url or settings.SITE_URL
    existing = set(
        User.objects.filter(username__in=[login.username for login in LOGINS]).values_list(
            "username", flat=True
        )
    )
    if not existing:
        return
    out.write(f"\nDemo sign-ins at {site_url}/accounts/login/ (demo only: public passwords)\n")
    for login in LOGINS:
        if login.username in existing:
            scope = login.local or "coalition"
            out.write(f"  {login.username:<10} {login.password:<20} {login.role} ({scope})\n")
    out.write("  Second factor: run `caucus otp_code USER` for the current 6-digit code.\n")
    if Member.objects.filter(email=MEMBER_EMAIL, user__isnull=False).exists():
        out.write(
            f"  Member: ask for a sign-in link for {MEMBER_EMAIL}; "
            "the e-mail goes to the local mail sink.\n"
        )


def current_code(user: Any) -> str | None:
    """The 6-digit TOTP code of the user's confirmed device now, or None if they have none."""
    from django_otp.oath import totp

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"
