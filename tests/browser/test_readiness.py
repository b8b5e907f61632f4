"""Strike readiness in a real browser on a 360 px phone, as a new user would: an organizer at
a worksite assesses five members (search, tap, next) and records a pledge card; a member opens
their one-tap link and adds their name; the team's dashboard moves. Every page passes axe (no
serious or critical violations) and fits the phone's width."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.readiness.actions import do_create_action
from caucus.readiness.links import pledge_path
from caucus.readiness.models import MemberReadiness, Pledge
from tests.browser.conftest import axe_violations, sign_in_as_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
NAMES = [("Ana", "Alvarez"), ("Ben", "Brooks"), ("Chen", "Cho"), ("Dara", "Diaz"), ("Eli", "Evans")]


def _sign_in(page: Any, base: str, cast: Any, who: str, next_path: str) -> None:
    """Password, then a fresh code from the person's authenticator."""
    device = TOTPDevice.objects.create(user=cast[who], name="phone", confirmed=True)
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.get_by_label("User name or e-mail").fill(who)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}{next_path}")


def _fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"])


def test_an_organizer_assesses_five_members_records_a_card_and_the_dashboard_moves(
    live_server: Any, browser: Any, cast: Any
) -> None:
    world = cast.world
    members = [
        world.member(member_id=f"A-{n}", first_name=first, last_name=last)
        for n, (first, last) in enumerate(NAMES, start=1)
    ]
    world.member(member_id="A-6", first_name="Fay", last_name="Flores")
    now = timezone.now()
    action = do_create_action(
        cast["team"],
        world.negotiation,
        title="Strike pledge",
        text="I will strike if we have to.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=10),
    )
    base = live_server.url
    team = browser.new_context(viewport=PHONE, locale="en-US").new_page()
    sign_in_as_team(team, base, cast)
    team.goto(f"{base}/staff/readiness/national-2026/")
    assert "0% have signed “Strike pledge” (0)" in team.locator("#summary").inner_text()

    phone = browser.new_context(viewport=PHONE, locale="en-US").new_page()
    _sign_in(phone, base, cast, "organizer_a", "/staff/readiness/national-2026/assess/")
    phone.get_by_label("Worksite").select_option(label="Store 1")
    phone.get_by_role("button", name="Find").click()
    phone.get_by_role("link", name=re.compile("Alvarez, Ana")).wait_for()
    assert _fits(phone)
    assert axe_violations(phone) == []
    phone.get_by_role("link", name=re.compile("Alvarez, Ana")).click()
    # The member's page, loaded (measuring the page mid-navigation finds no document).
    phone.get_by_role("heading", level=1).filter(has_text="Ana").wait_for()
    assert _fits(phone)
    assert axe_violations(phone) == []
    for first, level in zip(
        ("Ana", "Ben", "Chen", "Dara", "Eli"), ("1", "2", "2", "3", "5"), strict=True
    ):
        phone.get_by_role("heading", level=1).filter(has_text=first).wait_for()
        phone.get_by_role("button", name=re.compile(f"^{level} ·")).click()
        phone.get_by_role("status").filter(has_text=f"Saved: {first}").wait_for()
    assert MemberReadiness.objects.filter(member__in=members, level__isnull=False).count() == 5

    phone.goto(f"{base}/staff/readiness/national-2026/actions/{action.pk}/cards/")
    phone.get_by_label("Member ID on the card").fill("A-4")
    phone.get_by_label("Card number (optional)").fill("0042")
    phone.get_by_role("button", name="Record the card").click()
    phone.get_by_text("Card recorded: Dara Diaz.").wait_for()
    assert _fits(phone)
    assert axe_violations(phone) == []

    member = browser.new_context(viewport=PHONE, locale="en-US").new_page()
    member.goto(f"{base}{pledge_path(members[0].pk, action)}")
    assert _fits(member)
    assert axe_violations(member) == []
    member.get_by_role("button", name="Add my name (Ana)").click()
    member.get_by_text("Thank you, Ana: your name is on it.").wait_for()
    assert Pledge.objects.filter(action=action).count() == 2

    team.reload()
    summary = team.locator("#summary").inner_text()
    # Union A: Mara, the five and Fay (7); union B: none. 2 signed, 3 at 1–2, 5 talked to.
    assert "of the 7 members of the 2 locals at National Agreement 2026, 29% have signed" in summary
    assert "43% are assessed 1 or 2 and 71% have been talked to" in summary
    team.locator("#locals-chart[data-drawn='true']").wait_for()
    team.locator("#time-chart[data-drawn='true']").wait_for()
    assert _fits(team)
    assert axe_violations(team) == []
    for context in (phone.context, member.context, team.context):
        context.close()
