"""Every URL and API route, for every role in the cast: who gets in, who is refused.

Each route names the people allowed; everyone else in the cast must be refused (signed-in:
403 or 404; anonymous: sent to sign in, or 401 from the API). A route added without a line here
fails ``test_every_route_is_in_the_matrix``, so rights are decided when a page is written.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.costing import rights as costing_rights
from tests.sheets import rights as sheets_rights

pytestmark = pytest.mark.django_db

STAFF = {"admin", "team", "comms", "officer_a", "officer_b", "organizer_a", "observer"}
EVERYONE = STAFF | {"outsider", "member_a", None}
TEAM = {"admin", "team"}
UPDATES = {"admin", "team", "comms"}
DIRECT_DEALING = {"admin", "team", "comms"}
ROSTER = {"admin", "officer_a", "officer_b", "organizer_a"}
ROSTER_OF_A = {"admin", "officer_a", "organizer_a"}
IMPORT = {"admin", "officer_a", "officer_b"}
IMPORT_OF_A = {"admin", "officer_a"}
SIGNED_IN = EVERYONE - {None}
PEOPLE = sorted(EVERYONE, key=lambda n: n or "")

# route: (method, allowed, kwargs) — each kwarg is "name" or "name=object", from _objects().
MATRIX: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "site:home": ("GET", EVERYONE, ()),
    "site:negotiation": ("GET", EVERYONE, ("slug",)),
    "site:updates": ("GET", EVERYONE, ("slug",)),
    "site:feed": ("GET", EVERYONE, ("slug",)),
    "site:update": ("GET", EVERYONE, ("slug", "update_slug")),
    "site:tracker": ("GET", EVERYONE, ("slug",)),
    "site:moved": ("GET", EVERYONE, ("slug",)),
    "site:proposals": ("GET", EVERYONE, ("slug",)),
    "site:proposal": ("GET", EVERYONE, ("slug", "pk=published_pk")),
    "site:sessions": ("GET", EVERYONE, ("slug",)),
    "site:sessions_ics": ("GET", EVERYONE, ("slug",)),
    "site:report": ("GET", EVERYONE, ("slug",)),
    "site:report_thanks": ("GET", EVERYONE, ("slug",)),
    "accounts:login": ("GET", EVERYONE, ()),
    "accounts:member_link": ("GET", EVERYONE, ()),
    "accounts:magic": ("GET", EVERYONE, ("token",)),
    "accounts:logout": ("POST", EVERYONE, ()),
    "accounts:verify": ("GET", SIGNED_IN, ()),
    "accounts:totp_setup": ("GET", SIGNED_IN, ()),
    "table:home": ("GET", STAFF, ()),
    "table:dashboard": ("GET", STAFF, ("slug",)),
    "table:search": ("GET", STAFF, ("slug",)),
    "table:article": ("GET", STAFF, ("slug", "pk=article_pk")),
    "table:proposal": ("GET", STAFF, ("slug", "pk=published_pk")),
    "table:session": ("GET", STAFF, ("slug", "pk=session_pk")),
    "table:proposal_new": ("GET", TEAM, ("slug",)),
    "table:session_new": ("GET", TEAM, ("slug",)),
    "table:session_edit": ("GET", TEAM, ("slug", "pk=session_pk")),
    "table:proposal_edit": ("GET", TEAM, ("slug", "pk=published_pk")),
    "table:requests": ("GET", TEAM, ("slug",)),
    "table:request_new": ("GET", TEAM, ("slug",)),
    "table:request": ("GET", TEAM, ("slug", "pk=request_pk")),
    "table:charges": ("GET", TEAM, ("slug",)),
    "table:charge_new": ("GET", TEAM, ("slug",)),
    "table:charge": ("GET", TEAM, ("slug", "pk=charge_pk")),
    "table:charge_edit": ("GET", TEAM, ("slug", "pk=charge_pk")),
    "table:direct_dealing": ("GET", DIRECT_DEALING, ("slug",)),
    "table:direct_dealing_new": ("GET", DIRECT_DEALING, ("slug",)),
    "table:direct_dealing_report": ("GET", DIRECT_DEALING, ("slug", "pk=report_pk")),
    "updates:list": ("GET", UPDATES, ()),
    "updates:new": ("GET", UPDATES, ()),
    "updates:edit": ("GET", UPDATES, ("pk=draft_pk",)),
    "updates:preview": ("GET", UPDATES, ("pk=draft_pk",)),
    "updates:publish": ("POST", UPDATES, ("pk=draft_pk",)),
    "members:list": ("GET", ROSTER, ()),
    "members:detail": ("GET", ROSTER_OF_A, ("pk=member_pk",)),
    "members:export": ("GET", IMPORT, ()),
    "members:import_start": ("GET", IMPORT, ()),
    "members:import_map": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "members:import_detail": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "members:import_progress": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "admin:index": ("GET", set(), ()),
    "api:openapi-json": ("GET", EVERYONE, ()),
    "api:openapi-view": ("GET", EVERYONE, ()),
    "api:list_negotiations": ("GET", STAFF, ()),
    "api:get_negotiation": ("GET", STAFF, ("slug",)),
    "api:list_articles": ("GET", STAFF, ("slug",)),
    "api:get_article": ("GET", STAFF, ("slug", "number")),
    "api:list_sessions": ("GET", STAFF, ("slug",)),
    "api:get_session": ("GET", STAFF, ("slug", "session_id")),
    "api:list_proposals": ("GET", STAFF, ("slug",)),
    "api:get_proposal": ("GET", STAFF, ("slug", "proposal_id")),
    "api:list_updates": ("GET", STAFF, ("slug",)),
    "api:get_update": ("GET", STAFF, ("slug", "update_slug")),
}
MATRIX.update(sheets_rights.RIGHTS)
MATRIX.update(costing_rights.RIGHTS)
# Writes through the API are checked role by role in tests/api/test_writes.py and
# tests/api/test_access.py (they need a valid body); the admin's own pages sit behind admin:index.
NOT_HERE = {"api:post_session", "api:post_proposal", "api:api-root"}


def _named_routes() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name:
                names.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, None)
    return {n for n in names if not n.startswith("admin:") or n == "admin:index"}


def test_every_route_is_in_the_matrix() -> None:
    missing = _named_routes() - set(MATRIX) - NOT_HERE
    assert not missing, f"routes with no declared rights: {sorted(missing)}"


def _objects(cast: Any) -> dict[str, Any]:
    from caucus.members.models import RosterImport
    from caucus.table.models import (
        Charge,
        DirectDealingReport,
        InformationRequest,
        Proposal,
        Session,
    )
    from caucus.updates.models import Update

    w = cast.world
    session = Session.objects.create(
        negotiation=w.negotiation, date=date.today() - timedelta(days=3), public_summary="We met."
    )
    published = Proposal.objects.create(
        negotiation=w.negotiation,
        article=w.article_wages,
        side="union",
        title="Wages: 5%",
        text="5% a year.",
        session=session,
        is_published=True,
    )
    rfi = InformationRequest.objects.create(
        negotiation=w.negotiation,
        number=1,
        title="Staffing data",
        items="Headcount by store",
        asked_on=date.today() - timedelta(days=20),
        due_on=date.today() - timedelta(days=6),
    )
    charge = Charge.objects.create(
        negotiation=w.negotiation, title="Refusal to provide information", allegations="RFI 1"
    )
    report = DirectDealingReport.objects.create(
        negotiation=w.negotiation, received_on=date.today(), channel="email", text="Vote no!"
    )
    public_update = Update.objects.create(
        negotiation=w.negotiation,
        title="We passed wages",
        slug="we-passed-wages",
        body="Read on.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    draft = Update.objects.create(
        negotiation=w.negotiation, title="Draft", slug="draft", body="Soon."
    )
    roster_import = RosterImport.objects.create(
        union=w.union_a,
        uploaded_by=cast["officer_a"],
        original_name="roster.csv",
        file=ContentFile(b"member_id\n1\n", name="roster.csv"),
    )
    return {
        **sheets_rights.objects(cast),
        **costing_rights.objects(cast),
        "slug": w.negotiation.slug,
        "update_slug": public_update.slug,
        "published_pk": published.pk,
        "proposal_id": published.pk,
        "article_pk": w.article_wages.pk,
        "number": w.article_wages.number,
        "session_pk": session.pk,
        "session_id": session.pk,
        "request_pk": rfi.pk,
        "charge_pk": charge.pk,
        "report_pk": report.pk,
        "draft_pk": draft.pk,
        "member_pk": cast.member_record.pk,
        "import_pk": roster_import.pk,
        "token": "not-a-real-token",
    }


def _request(cast: Any, who: str | None, route: str, objects: dict[str, Any]) -> Any:
    from caucus.accounts.models import ApiToken

    method, _, keys = MATRIX[route]
    kwargs = {}
    for key in keys:
        name, _, source = key.partition("=")
        kwargs[name] = objects[source or name]
    url = reverse(route, kwargs=kwargs)
    client = cast.client(who)
    headers = {}
    if route.startswith("api:") and who is not None:
        _, raw = ApiToken.issue(cast[who], "matrix")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        client = cast.client(None)
    return client.post(url, **headers) if method == "POST" else client.get(url, **headers)


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("who", PEOPLE)
def test_route_lets_in_exactly_the_people_it_names(cast: Any, route: str, who: str | None) -> None:
    objects = _objects(cast)
    response = _request(cast, who, route, objects)
    allowed = who in MATRIX[route][1]
    location = response.get("Location", "")
    if allowed:
        assert response.status_code in (200, 302), (route, who, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" not in location and "/admin/login/" not in location, (
                route,
                who,
                location,
            )
    elif who is None:
        if route.startswith("api:"):
            assert response.status_code == 401, (route, response.status_code)
        else:
            assert response.status_code == 302, (route, response.status_code)
            assert "login" in location, (route, location)
    elif route == "admin:index":
        assert response.status_code == 302 and "/admin/login/" in location, (who, location)
    else:
        assert response.status_code in (403, 404), (route, who, response.status_code)
