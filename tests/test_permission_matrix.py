"""Every URL and API route, for every person in the cast, at both tables: who gets in, who is
refused.

Each route names the people allowed (``tests/people.py``); everyone else in the cast must be
refused (signed-in: 403 or 404; anonymous: sent to sign in, or 401 from the API). A route added
without a line here fails ``test_every_route_is_in_the_matrix``, so rights are decided when a
page is written.

Routes that belong to a negotiation are asked at both tables of the world: ``national`` (both
unions) and ``local_a`` (union A only), where people whose every grant is for union B are
refused (``at_local_a_table``). A key ``route#variant`` asks the same route about another object
(an unpublished proposal, a draft, an update addressed to union B).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.audit import rights as audit_rights
from tests.commitments import rights as commitments_rights
from tests.costing import rights as costing_rights
from tests.delivery import rights as delivery_rights
from tests.people import (
    COALITION_WIDE,
    DIRECT_DEALING,
    EVERYONE,
    IMPORT,
    IMPORT_OF_A,
    NOBODY,
    ONLY_B,
    ROSTER,
    ROSTER_OF_A,
    SIGNED_IN,
    STAFF,
    TEAM,
    UPDATES,
    UPDATES_COALITION_WIDE,
    People,
    at_local_a_table,
)
from tests.readiness import rights as readiness_rights
from tests.sheets import rights as sheets_rights
from tests.votes import rights as votes_rights

pytestmark = pytest.mark.django_db

PEOPLE = sorted(EVERYONE, key=lambda n: n or "")
# Readers of a published update addressed to union B only.
READERS_OF_B = COALITION_WIDE | ONLY_B

# route: (method, allowed, kwargs) — each kwarg is "name" or "name=object", from _objects().
MATRIX: dict[str, tuple[str, People, tuple[str, ...]]] = {
    "site:home": ("GET", EVERYONE, ()),
    # The member pages' language switcher (Django's own view): a cookie, then back.
    "set_language": ("POST", EVERYONE, ()),
    "site:negotiation": ("GET", EVERYONE, ("slug",)),
    "site:updates": ("GET", EVERYONE, ("slug",)),
    "site:feed": ("GET", EVERYONE, ("slug",)),
    "site:update": ("GET", EVERYONE, ("slug", "update_slug")),
    "site:update#to_b": ("GET", READERS_OF_B, ("slug", "update_slug=b_update_slug")),
    "site:tracker": ("GET", EVERYONE, ("slug",)),
    "site:moved": ("GET", EVERYONE, ("slug",)),
    "site:proposals": ("GET", EVERYONE, ("slug",)),
    "site:proposal": ("GET", EVERYONE, ("slug", "pk=published_pk")),
    "site:sessions": ("GET", EVERYONE, ("slug",)),
    "site:sessions_ics": ("GET", EVERYONE, ("slug",)),
    "site:report": ("GET", EVERYONE, ("slug",)),
    "site:report_thanks": ("GET", EVERYONE, ("slug",)),
    "accounts:login": ("GET", EVERYONE, ()),
    "member_signin:link": ("GET", EVERYONE, ()),
    "accounts:magic": ("GET", EVERYONE, ("token",)),
    "accounts:logout": ("POST", EVERYONE, ()),
    "accounts:verify": ("GET", SIGNED_IN, ()),
    "accounts:totp_setup": ("GET", SIGNED_IN, ()),
    "table:home": ("GET", STAFF, ()),
    "table:dashboard": ("GET", STAFF, ("slug",)),
    "table:search": ("GET", STAFF, ("slug",)),
    "table:article": ("GET", STAFF, ("slug", "pk=article_pk")),
    "table:proposal": ("GET", STAFF, ("slug", "pk=published_pk")),
    "table:proposal#unpublished": ("GET", TEAM, ("slug", "pk=unpublished_pk")),
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
    "table:direct_dealing_attachment": ("GET", DIRECT_DEALING, ("slug", "pk=report_pk")),
    "table:charge_document": ("GET", TEAM, ("slug", "pk=charge_pk", "document_pk")),
    "table:letters": ("GET", TEAM, ("slug",)),
    "table:letter_new": ("GET", TEAM, ("slug",)),
    "table:letter": ("GET", TEAM, ("slug", "pk=letter_pk")),
    "table:letter_edit": ("GET", TEAM, ("slug", "pk=letter_pk")),
    "table:letter_document": ("GET", TEAM, ("slug", "pk=letter_pk")),
    "api:list_letters": ("GET", TEAM, ("slug",)),
    "api:get_letter": ("GET", TEAM, ("slug", "letter_id=letter_pk")),
    "api:get_letter_document": ("GET", TEAM, ("slug", "letter_id=letter_pk")),
    "updates:list": ("GET", UPDATES, ()),
    "updates:new": ("GET", UPDATES, ()),
    "updates:edit": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk",)),
    "updates:preview": ("GET", UPDATES_COALITION_WIDE, ("pk=draft_pk",)),
    "updates:publish": ("POST", UPDATES_COALITION_WIDE, ("pk=draft_pk",)),
    "members:list": ("GET", ROSTER, ()),
    "members:detail": ("GET", ROSTER_OF_A, ("pk=member_pk",)),
    "members:export": ("GET", IMPORT, ()),
    "members:import_start": ("GET", IMPORT, ()),
    "members:import_map": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "members:import_detail": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "members:import_progress": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "members:import_file": ("GET", IMPORT_OF_A, ("pk=import_pk",)),
    "admin:index": ("GET", NOBODY, ()),
    "api:openapi-json": ("GET", EVERYONE, ()),
    "api:openapi-view": ("GET", EVERYONE, ()),
    "api:list_negotiations": ("GET", STAFF, ()),
    "api:get_negotiation": ("GET", STAFF, ("slug",)),
    "api:list_articles": ("GET", STAFF, ("slug",)),
    "api:get_article": ("GET", STAFF, ("slug", "number")),
    "api:list_sessions": ("GET", STAFF, ("slug",)),
    "api:get_session": ("GET", STAFF, ("slug", "session_id")),
    "api:list_proposals": ("GET", STAFF, ("slug",)),
    "api:get_proposal": ("GET", STAFF, ("slug", "proposal_id=published_pk")),
    "api:get_proposal#unpublished": ("GET", TEAM, ("slug", "proposal_id=unpublished_pk")),
    "api:list_updates": ("GET", STAFF, ("slug",)),
    "api:get_update": ("GET", STAFF, ("slug", "update_slug")),
    "api:get_update#to_b": ("GET", READERS_OF_B, ("slug", "update_slug=b_update_slug")),
    "api:get_update#draft": ("GET", UPDATES_COALITION_WIDE, ("slug", "update_slug=draft_slug")),
}
MATRIX.update(sheets_rights.RIGHTS)
MATRIX.update(costing_rights.RIGHTS)
MATRIX.update(audit_rights.RIGHTS)
# Each app's own file, so each app's routes are declared beside its tests.
APP_RIGHTS = (votes_rights, delivery_rights, readiness_rights, commitments_rights)
for app_rights in APP_RIGHTS:
    MATRIX.update(app_rights.RIGHTS)
# Writes through the API need a valid body: tests/test_parity.py asks them of every person at
# both tables, beside the page that makes the same write. The admin's own pages sit behind
# admin:index.
NOT_HERE = {"api:post_session", "api:post_proposal", "api:api-root"}
# Routes that belong to no negotiation: asked once.
NOT_AT_A_TABLE = {
    "site:home",
    "set_language",
    "table:home",
    "updates:list",
    "updates:new",
    "costing:list",
    "admin:index",
    "api:openapi-json",
    "api:openapi-view",
    "api:list_negotiations",
    "votes:home",
} | {route for route in MATRIX if route.startswith(("accounts:", "members:", "audit:"))}
# Objects that only exist at the national table (an update addressed to union B).
NATIONAL_ONLY = {"site:update#to_b", "api:get_update#to_b"}
TABLES = ("national", "local_a")
MEMBER_SITE = ("site:", "sheets_site:", "costing_site:")


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
    declared = {key.split("#")[0] for key in MATRIX}
    missing = _named_routes() - declared - NOT_HERE
    assert not missing, f"routes with no declared rights: {sorted(missing)}"


def negotiation_of(cast: Any, table: str) -> Any:
    """The world's national table, or (made on first use) the one covering only union A."""
    if table == "national":
        return cast.world.negotiation
    if not hasattr(cast.world, "_local_a"):
        cast.world._local_a = cast.world.local_a_negotiation()
    return cast.world._local_a


def table_objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """One of each protected object at ``negotiation``, by the names the matrix uses."""
    from caucus.table.models import (
        Charge,
        ChargeDocument,
        Correspondence,
        DirectDealingReport,
        InformationRequest,
        Proposal,
        Session,
    )
    from caucus.updates.models import Update

    wages = negotiation.articles.get(number="12")
    session = Session.objects.create(
        negotiation=negotiation,
        date=timezone.localdate() - timedelta(days=3),
        public_summary="We met.",
    )
    published = Proposal.objects.create(
        negotiation=negotiation,
        article=wages,
        side="union",
        title="Wages: 5%",
        text="5% a year.",
        session=session,
        is_published=True,
    )
    unpublished = Proposal.objects.create(
        negotiation=negotiation,
        article=wages,
        side="employer",
        title="Wages: 1%",
        text="1% a year.",
        answers=published,
    )
    rfi = InformationRequest.objects.create(
        negotiation=negotiation,
        number=1,
        title="Staffing data",
        items="Headcount by store",
        asked_on=timezone.localdate() - timedelta(days=20),
        due_on=timezone.localdate() - timedelta(days=6),
    )
    charge = Charge.objects.create(
        negotiation=negotiation, title="Refusal to provide information", allegations="RFI 1"
    )
    report = DirectDealingReport.objects.create(
        negotiation=negotiation,
        received_on=timezone.localdate(),
        channel="email",
        text="Vote no!",
        attachment=ContentFile(b"%PDF-1.7\n", name="flyer.pdf"),
    )
    document = ChargeDocument.objects.create(
        charge=charge, title="Letter", file=ContentFile(b"%PDF-1.7\n", name="letter.pdf")
    )
    letter = Correspondence.objects.create(
        negotiation=negotiation,
        sent_on=timezone.localdate(),
        direction="sent",
        sender="Coalition bargaining team",
        recipient="Labor relations",
        channel="email",
        subject="Resume bargaining with the full team",
        document=ContentFile(b"%PDF-1.7\n", name="letter.pdf"),
        document_name="letter.pdf",
    )
    an_hour_ago = timezone.now() - timedelta(hours=1)
    public_update = Update.objects.create(
        negotiation=negotiation,
        title="We passed wages",
        slug="we-passed-wages",
        body="Read on.",
        status=Update.Status.PUBLISHED,
        published_at=an_hour_ago,
    )
    to_b = Update.objects.create(
        negotiation=negotiation,
        title="Local B meets Tuesday",
        slug="local-b-meets",
        body="For Local B.",
        status=Update.Status.PUBLISHED,
        published_at=an_hour_ago,
        to_whole_coalition=False,
    )
    to_b.unions.set([cast.world.union_b])
    draft = Update.objects.create(
        negotiation=negotiation, title="Draft", slug="draft", body="Soon."
    )
    return {
        "slug": negotiation.slug,
        "update_slug": public_update.slug,
        "b_update_slug": to_b.slug,
        "draft_slug": draft.slug,
        "published_pk": published.pk,
        "unpublished_pk": unpublished.pk,
        "article_pk": wages.pk,
        "number": wages.number,
        "session_pk": session.pk,
        "session_id": session.pk,
        "request_pk": rfi.pk,
        "charge_pk": charge.pk,
        "report_pk": report.pk,
        "document_pk": document.pk,
        "letter_pk": letter.pk,
        "draft_pk": draft.pk,
    }


def _objects(cast: Any, table: str) -> dict[str, Any]:
    from caucus.members.models import RosterImport

    negotiation = negotiation_of(cast, table)
    roster_import = RosterImport.objects.create(
        union=cast.world.union_a,
        uploaded_by=cast["officer_a"],
        original_name="roster.csv",
        file=ContentFile(b"member_id\n1\n", name="roster.csv"),
    )
    return {
        **table_objects(cast, negotiation),
        **sheets_rights.objects(cast, negotiation),
        **costing_rights.objects(cast, negotiation),
        **audit_rights.objects(cast),
        **{k: v for app in APP_RIGHTS for k, v in app.objects(cast, negotiation).items()},
        "member_pk": cast.member_record.pk,
        "import_pk": roster_import.pk,
        "token": "not-a-real-token",
    }


def url_of(route: str, objects: dict[str, Any]) -> str:
    _, _, keys = MATRIX[route]
    kwargs = {}
    for key in keys:
        name, _, source = key.partition("=")
        kwargs[name] = objects[source or name]
    return reverse(route.split("#")[0], kwargs=kwargs)


def ask(cast: Any, who: str | None, route: str, objects: dict[str, Any]) -> Any:
    """The response to ``who`` asking ``route`` (the API with a token of theirs)."""
    from caucus.accounts.models import ApiToken

    method = MATRIX[route][0]
    url = url_of(route, objects)
    client = cast.client(who)
    headers = {}
    if route.startswith("api:") and who is not None:
        _, raw = ApiToken.issue(cast[who], "matrix")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        client = cast.client(None)
    return client.post(url, **headers) if method == "POST" else client.get(url, **headers)


def is_let_in(route: str, response: Any) -> bool:
    location = response.get("Location", "")
    if response.status_code == 302:
        return not any(part in location for part in ("/accounts/login/", "/admin/login/"))
    return response.status_code in (200, 201)


def _wrong_answer(route: str, who: str | None, allowed: bool, response: Any) -> str | None:
    """Why the response is wrong for this person, or None if it is right."""
    status, location = response.status_code, response.get("Location", "")
    if allowed:
        return None if is_let_in(route, response) else f"refused with {status} {location}"
    if who is None:
        if route.startswith("api:"):
            return None if status == 401 else f"anonymous got {status}"
        if route.startswith(MEMBER_SITE) and status == 404:
            return None  # what the member site does not show anyone signed out is not there
        return None if status == 302 and "login" in location else f"anonymous got {status}"
    if route == "admin:index":
        return None if status == 302 and "/admin/login/" in location else f"got {status}"
    return None if status in (403, 404) else f"let in with {status}"


def allowed_at(route: str, table: str) -> People:
    allowed = MATRIX[route][1]
    return allowed if table == "national" else at_local_a_table(allowed)


CASES = [
    (route, table)
    for route in sorted(MATRIX)
    for table in (("national",) if route in NOT_AT_A_TABLE | NATIONAL_ONLY else TABLES)
]


@pytest.mark.parametrize(("route", "table"), CASES)
def test_route_lets_in_exactly_the_people_it_names(cast: Any, route: str, table: str) -> None:
    objects = _objects(cast, table)
    allowed = allowed_at(route, table)
    wrong = {}
    for who in PEOPLE:
        why = _wrong_answer(route, who, who in allowed, ask(cast, who, route, objects))
        if why:
            wrong[who] = why
    assert not wrong, (route, table, wrong)
