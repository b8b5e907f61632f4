"""The fixed test cast (written once, in ``tests/people.py``) and the minimal world they work in.

Every view test includes someone who must be refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.people import ROLES

os.environ.setdefault("CAUCUS_TESTING", "true")
# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (building the world) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CAUCUS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.cache import cache

    cache.clear()


class World:
    """The minimal coalition: two unions, one employer, one negotiation, two articles."""

    def __init__(self) -> None:
        from caucus.orgs.models import (
            BargainingUnit,
            Classification,
            Coalition,
            Employer,
            Region,
            Union,
            Worksite,
        )
        from caucus.table.models import Article, Negotiation

        self.coalition = Coalition.objects.create(name="Test Coalition", slug="test")
        self.employer = Employer.objects.create(
            name="MegaCorp", slug="megacorp", email_domains="megacorp.example"
        )
        self.region = Region.objects.create(employer=self.employer, name="North", code="N")
        self.region_south = Region.objects.create(employer=self.employer, name="South", code="S")
        self.union_a = Union.objects.create(
            coalition=self.coalition, name="Local A", short_name="Local A", slug="local-a"
        )
        self.union_b = Union.objects.create(
            coalition=self.coalition, name="Local B", short_name="Local B", slug="local-b"
        )
        self.unit_a = BargainingUnit.objects.create(union=self.union_a, name="Stores", code="A-ST")
        self.unit_b = BargainingUnit.objects.create(union=self.union_b, name="Stores", code="B-ST")
        self.worksite = Worksite.objects.create(
            employer=self.employer, region=self.region, name="Store 1", code="S1"
        )
        self.worksite_south = Worksite.objects.create(
            employer=self.employer, region=self.region_south, name="Store 2", code="S2"
        )
        self.classification = Classification.objects.create(
            employer=self.employer, code="CLK", title="Clerk", max_step=5
        )
        self.negotiation = Negotiation.objects.create(
            coalition=self.coalition,
            employer=self.employer,
            name="National Agreement 2026",
            slug="national-2026",
            status=Negotiation.Status.BARGAINING,
        )
        self.negotiation.units.set([self.unit_a, self.unit_b])
        self.article_wages = Article.objects.create(
            negotiation=self.negotiation,
            number="12",
            title="Wages",
            order=12,
            is_economic=True,
            current_text="Employees shall receive a raise of 2% on April 1.",
        )
        self.article_seniority = Article.objects.create(
            negotiation=self.negotiation,
            number="7",
            title="Seniority",
            order=7,
            current_text="Seniority is the length of continuous service.",
        )

    def local_a_negotiation(self) -> Any:
        """A second table that covers only union A (a local table beside the national one)."""
        from caucus.table.models import Article, Negotiation

        negotiation = Negotiation.objects.create(
            coalition=self.coalition,
            employer=self.employer,
            name="Local A Stores Agreement 2026",
            slug="local-a-2026",
            status=Negotiation.Status.BARGAINING,
        )
        negotiation.units.set([self.unit_a])
        for number, title, text in (
            ("12", "Wages", "Employees shall receive a raise of 1% on April 1."),
            ("7", "Seniority", "Seniority is the length of service in the store."),
        ):
            Article.objects.create(
                negotiation=negotiation,
                number=number,
                title=title,
                order=int(number),
                is_economic=number == "12",
                current_text=text,
            )
        return negotiation

    def member(self, union: Any = None, member_id: str = "A-1", **fields: Any) -> Any:
        from caucus.members.models import Member

        union = union or self.union_a
        defaults: dict[str, Any] = {
            "first_name": "Rosa",
            "last_name": "Parks" if union == self.union_a else "Other",
            "unit": self.unit_a if union == self.union_a else self.unit_b,
            "worksite": self.worksite,
            "classification": self.classification,
            "step": 2,
            "hourly_rate": Decimal("21.50"),
            "fte": Decimal("1"),
            "hire_date": date(2019, 5, 1),
            "email": f"{member_id.lower()}@personal.example",
        }
        defaults.update(fields)
        return Member.objects.create(union=union, member_id=member_id, **defaults)


class Cast:
    def __init__(self, world: World) -> None:
        from caucus.accounts.models import RoleGrant, User

        self.world = world
        self.users: dict[str, Any] = {}
        for name, (role, union) in ROLES.items():
            user = User.objects.create_user(
                username=name, email=f"{name}@union.example", password="correct horse battery"
            )
            RoleGrant.objects.create(
                user=user,
                role=role,
                union={"a": world.union_a, "b": world.union_b, None: None}[union],
            )
            self.users[name] = user
        self.users["outsider"] = User.objects.create_user(
            username="outsider", password="correct horse battery"
        )
        member = world.member(member_id="A-100", first_name="Mara", last_name="Member")
        member_user = User.objects.create_user(username="member_a", email=member.email)
        member.user = member_user
        member.save()
        self.member_record = member
        self.users["member_a"] = member_user

    def __getitem__(self, name: str) -> Any:
        return self.users[name]

    def client(self, name: str | None) -> Client:
        """A client signed in as ``name`` (staff with a verified second factor), or anonymous."""
        client = Client()
        if name is None:
            return client
        user = self.users[name]
        client.force_login(user)
        if name in ROLES:
            device, _ = TOTPDevice.objects.get_or_create(
                user=user, name="test", defaults={"confirmed": True}
            )
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client


@pytest.fixture
def world(db: Any) -> World:
    return World()


@pytest.fixture
def cast(world: World) -> Cast:
    return Cast(world)


# One Playwright and one Chromium per test process, shared by every browser test: a second
# sync_playwright() in the same process fails ("Sync API inside the asyncio loop").
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CAUCUS_REQUIRE_BROWSER"):
            pytest.fail(f"CAUCUS_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
