"""The pages and the API are two doors into the same rooms: for every person, at both tables,
the same object is shown or refused by both, the same write is made or refused by both, and a
write made through either leaves the same rows and the same audit record."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from tests.people import EVERYONE
from tests.test_permission_matrix import TABLES, _objects, ask, is_let_in, negotiation_of

pytestmark = pytest.mark.django_db

PEOPLE = sorted(EVERYONE, key=lambda n: n or "")
# (page route, API route): the same object through each door.
READ_PAIRS = [
    ("table:dashboard", "api:get_negotiation"),
    ("table:article", "api:get_article"),
    ("table:session", "api:get_session"),
    ("table:proposal", "api:get_proposal"),
    ("table:proposal#unpublished", "api:get_proposal#unpublished"),
    ("updates:preview", "api:get_update#draft"),
    ("site:update", "api:get_update"),
    ("site:update#to_b", "api:get_update#to_b"),
    ("sheets:sheet", "api:get_sheet#draft"),
]


# The member site is public, the API is for the staff of each table: they answer alike for
# staff at a table that covers them (``national``).
CASES = [
    (page, api, table)
    for page, api in READ_PAIRS
    for table in (("national",) if page.startswith("site:") else TABLES)
]


@pytest.mark.parametrize(("page", "api", "table"), CASES)
def test_the_page_and_the_api_show_an_object_to_the_same_people(
    cast: Any, page: str, api: str, table: str
) -> None:
    objects = _objects(cast, table)
    differ = {}
    for who in PEOPLE:
        if who is None or (page.startswith("site:") and who in ("outsider", "member_a")):
            continue
        by_page = is_let_in(page, ask(cast, who, page, objects))
        by_api = is_let_in(api, ask(cast, who, api, objects))
        if by_page != by_api:
            differ[who] = f"page {'lets in' if by_page else 'refuses'}, API the other"
    assert not differ, (page, api, table, differ)


def _api(cast: Any, who: str | None, path: str, body: dict[str, Any]) -> Any:
    from caucus.accounts.models import ApiToken

    headers = {}
    if who is not None:
        headers["Authorization"] = f"Bearer {ApiToken.issue(cast[who], 'parity')[1]}"
    return Client().post(path, data=body, content_type="application/json", headers=headers)


def _page(cast: Any, who: str | None, path: str, form: dict[str, Any]) -> Any:
    return cast.client(who).post(path, form)


def _session_writes(negotiation: Any) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
    slug = negotiation.slug
    # Every person records the same day's session through both doors: each says it is another.
    session = {"date": "2026-04-01", "place": "Union hall", "public_summary": "We met."}
    return (
        f"/staff/table/{slug}/sessions/new/",
        {**session, "another_session": "on"},
        f"/api/negotiations/{slug}/sessions",
        {**session, "another_session": True},
    )


def _proposal_writes(negotiation: Any) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
    slug = negotiation.slug
    article = negotiation.articles.get(number="7")
    title, text = "Seniority: bidding by seniority", "Shifts are bid by seniority."
    return (
        f"/staff/table/{slug}/proposals/new/",
        {
            "side": "union",
            "kind": "formal",
            "article": article.pk,
            "title": title,
            "text": text,
            "passed_on": "2026-04-01",
        },
        f"/api/negotiations/{slug}/proposals",
        {"side": "union", "article": "7", "title": title, "text": text, "passed_on": "2026-04-01"},
    )


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("write", ["session", "proposal"])
def test_the_page_and_the_api_let_the_same_people_write(cast: Any, write: str, table: str) -> None:
    from caucus.table.models import Proposal, Session

    negotiation = negotiation_of(cast, table)
    page_path, form, api_path, body = (_session_writes if write == "session" else _proposal_writes)(
        negotiation
    )
    rows = (Session if write == "session" else Proposal).objects.filter(negotiation=negotiation)
    differ = {}
    for who in PEOPLE:
        before = rows.count()
        _page(cast, who, page_path, form)
        by_page = rows.count() - before
        _api(cast, who, api_path, body)
        by_api = rows.count() - before - by_page
        if by_page != by_api:
            differ[who] = f"page wrote {by_page}, API wrote {by_api}"
    assert not differ, (write, table, differ)


def _a_pass_through(door: str, cast: Any) -> dict[str, Any]:
    """Pass the union's second wage proposal through ``door`` after its first one and the
    employer's answer; return what the table and the audit log then hold, without ids."""
    from caucus.audit.models import AuditEvent
    from caucus.table.actions import do_pass_proposal
    from caucus.table.models import Proposal, ProposalEvent

    w = cast.world
    first = do_pass_proposal(
        cast["team"],
        w.negotiation,
        side="union",
        article=w.article_wages,
        title="Wages: 6%",
        text="6% a year.",
        passed_on=date(2026, 3, 2),
    )
    answer = do_pass_proposal(
        cast["team"],
        w.negotiation,
        side="employer",
        kind="counter",
        article=w.article_wages,
        title="Wages: 1%",
        text="1% a year.",
        answers=first,
        passed_on=date(2026, 3, 9),
    )
    audit_before = AuditEvent.objects.count()
    fields = {"title": "Wages: 5%", "text": "5% a year.", "summary": "We moved to 5%."}
    if door == "page":
        response = cast.client("team").post(
            f"/staff/table/{w.negotiation.slug}/proposals/new/",
            {
                **fields,
                "side": "union",
                "kind": "counter",
                "article": w.article_wages.pk,
                "answers": answer.pk,
                "passed_on": "2026-03-16",
                "economic_terms": '{"raises": [{"effective": "2027-01-01", "percent": 5}]}',
            },
        )
        assert response.status_code == 302, response.content
    else:
        response = _api(
            cast,
            "team",
            f"/api/negotiations/{w.negotiation.slug}/proposals",
            {
                **fields,
                "side": "union",
                "kind": "counter",
                "article": "12",
                "answers_id": answer.pk,
                "passed_on": "2026-03-16",
                "economic_terms": {"raises": [{"effective": "2027-01-01", "percent": 5}]},
            },
        )
        assert response.status_code == 201, response.content
    proposals = [
        {
            "title": p.title,
            "side": p.side,
            "kind": p.kind,
            "status": p.status,
            "text": p.text,
            "summary": p.summary,
            "answers": p.answers.title if p.answers else None,
            "economic_terms": p.economic_terms,
            "is_published": p.is_published,
            "passed_on": p.passed_on,
        }
        for p in Proposal.objects.order_by("id")
    ]
    events = [
        (e.proposal.title, e.what, e.from_status, e.to_status, e.note.split("#")[0])
        for e in ProposalEvent.objects.select_related("proposal").order_by("id")
    ]
    audit = [
        (a.action, a.actor_label, a.object_type, sorted(a.detail))
        for a in AuditEvent.objects.order_by("id")[audit_before:]
    ]
    return {"proposals": proposals, "events": events, "audit": audit}


def test_a_pass_through_the_api_leaves_the_same_rows_and_audit_as_through_the_page(
    cast: Any,
) -> None:
    from caucus.table.models import Proposal, ProposalEvent

    by_page = _a_pass_through("page", cast)
    # the audit log is append-only: each door's result holds only the rows it added
    ProposalEvent.objects.all().delete()
    Proposal.objects.all().delete()
    by_api = _a_pass_through("api", cast)
    assert by_page["proposals"] == by_api["proposals"]
    # the union's first wage proposal is superseded by the new one, whichever door it came by
    assert [p["status"] for p in by_api["proposals"]] == ["superseded", "open", "open"]
    assert by_page["events"] == by_api["events"]
    assert by_page["audit"] == by_api["audit"]


def test_the_page_and_the_api_refuse_the_same_session_twice_alike(cast: Any) -> None:
    from caucus.table.models import Session

    negotiation = negotiation_of(cast, "national")
    page_path, form, api_path, body = _session_writes(negotiation)
    once = {k: v for k, v in form.items() if k != "another_session"}
    assert _page(cast, "team", page_path, once).status_code == 302
    page = _page(cast, "team", page_path, once)
    assert "A session is already scheduled on April 1, 2026 at Union hall" in page.content.decode()
    api = _api(cast, "team", api_path, {k: v for k, v in body.items() if k != "another_session"})
    assert api.status_code == 422
    assert "A session is already scheduled on April 1, 2026" in api.content.decode()
    assert Session.objects.filter(negotiation=negotiation, date="2026-04-01").count() == 1
    assert _api(cast, "team", api_path, body).status_code == 201
