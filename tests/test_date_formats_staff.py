"""One date format, staff side: the staff pages write a moment by the same named formats
(caucus/formats) as the member pages, so a day reads the same to the team and to members."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.site.factories import make_proposal, make_session

CAUCUS = Path(__file__).resolve().parents[1] / "caucus"
# Machine-readable forms (datetime attributes, data attributes) may spell ISO 8601 out, and a
# weekday ("l") or a time zone ("T") may stand beside a named format; nothing else.
ALLOWED = {"Y-m-d", "c", "l", "T"}
# The audit log is the record itself: to the second, in ISO 8601.
AUDIT_LOG = ("audit/log.html", "Y-m-d H:i:s")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_template_names_its_date_formats() -> None:
    ad_hoc = []
    for template in sorted(CAUCUS.glob("**/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for spelled in re.findall(r"\|(?:date|time):[\"']([^\"']*)[\"']", text):
            if spelled in ALLOWED or spelled.endswith("_FORMAT"):
                continue
            if template.as_posix().endswith(AUDIT_LOG[0]) and spelled == AUDIT_LOG[1]:
                continue
            ad_hoc.append(f"{template.relative_to(CAUCUS)}: {spelled}")
    assert not ad_hoc


def test_a_proposal_reads_passed_on_the_same_day_to_staff_and_members(
    cast: Any, world: Any
) -> None:
    proposal = make_proposal(world, passed_on=date(2026, 3, 8))
    slug = world.negotiation.slug
    staff = cast.client("team").get(reverse("table:proposal", args=[slug, proposal.pk]))
    member = cast.client(None).get(reverse("site:proposal", args=[slug, proposal.pk]))
    assert "Passed March 8, 2026" in _text(staff.content.decode())
    assert "Passed March 8, 2026" in _text(member.content.decode())


def test_a_session_reads_the_same_day_and_time_to_staff_and_members(cast: Any, world: Any) -> None:
    session = make_session(world, date(2026, 3, 10), starts_at=time(9, 30), ends_at=time(16, 0))
    slug = world.negotiation.slug
    staff = _text(
        cast.client("team").get(reverse("table:session", args=[slug, session.pk])).content.decode()
    )
    member = _text(cast.client(None).get(reverse("site:sessions", args=[slug])).content.decode())
    assert "Session of Tuesday, March 10, 2026" in staff
    assert "Tuesday, March 10, 2026" in member
    assert "9:30 AM" in staff
    assert "9:30 AM" in member


def test_a_staff_table_shows_the_short_form(cast: Any, world: Any) -> None:
    from caucus.table.models import InformationRequest

    InformationRequest.objects.create(
        negotiation=world.negotiation,
        number=1,
        title="Wage data",
        items="Wage rates",
        asked_on=date(2026, 3, 8),
    )
    page = cast.client("team").get(reverse("table:requests", args=[world.negotiation.slug]))
    assert "<td>Mar 8, 2026</td>" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "March 10, 2026, 11:00 AM"), ("es", "10 de marzo de 2026, 11:00")],
)
def test_a_votes_mail_and_its_page_write_the_window_alike(language: str, written: str) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from caucus.votes.credentials import in_zone
    from caucus.votes.models import Vote

    opens = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
    vote = Vote(
        opens_at=opens, closes_at=opens + timedelta(days=2), time_zone="America/Los_Angeles"
    )
    with translation.override(language):
        mailed = in_zone(vote, vote.opens_at)
        page = render_to_string("votes/_site_window.html", {"vote": vote})
    assert mailed == f"{written} (America/Los_Angeles)"
    assert f"<dd>{written}</dd>" in page


def test_the_charge_form_offers_letters_by_the_short_form(cast: Any, world: Any) -> None:
    from caucus.table.models import Correspondence

    Correspondence.objects.create(
        negotiation=world.negotiation,
        sent_on=date(2026, 3, 2),
        direction="sent",
        sender="Coalition bargaining team",
        recipient="Harborline labor relations",
        channel="letter",
        subject="Resume bargaining",
    )
    page = cast.client("team").get(reverse("table:charge_new", args=[world.negotiation.slug]))
    text = _text(page.content.decode())
    assert "Mar 2, 2026 Coalition bargaining team to Harborline labor relations" in text
