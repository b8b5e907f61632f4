"""Helpers for real browser tests (the `browser` and `page` fixtures live in tests/conftest.py,
so one Playwright runs per test process).

Skipped where Chromium is missing, except when CAUCUS_REQUIRE_BROWSER is set (CI), where a
missing browser fails the run instead of hiding it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def axe_violations(
    page: Any, impacts: tuple[str, ...] = ("serious", "critical")
) -> list[tuple[str, str, int]]:
    """axe-core's violations of at least the given impact: (rule id, help text, node count)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci`")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']})"
        ".then(r => r.violations.map(v => [v.id, v.impact, v.help, v.nodes.length]))"
    )
    return [
        (rule, help_text, nodes) for rule, impact, help_text, nodes in found if impact in impacts
    ]


def sign_in_as_team(page: Any, base: str, cast: Any) -> None:
    """The bargaining-team member signs in with a password and a fresh authenticator code."""
    device = TOTPDevice.objects.create(user=cast["team"], name="phone", confirmed=True)
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("User name or e-mail").fill("team")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}/staff/table/national-2026/")
