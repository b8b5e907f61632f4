"""The tracker's staff pages: a commitment from a TA, the employer's figures entered or
imported with their source, where it stands by region, the request for missing figures, and
publishing it to members."""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from caucus.audit.models import AuditEvent
from caucus.commitments.models import Commitment, FigureRequest, Report, SourceDocument
from caucus.table.models import InformationRequest, Proposal, TentativeAgreement

pytestmark = pytest.mark.django_db


def _url(cast: Any, rest: str = "") -> str:
    return f"/staff/commitments/{cast.world.negotiation.slug}/{rest}"


def _text(response: Any) -> str:
    return html.unescape(response.content.decode())


def _words(response: Any) -> str:
    """The page's words as read, without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", _text(response)))


def test_the_team_tracks_a_commitment_from_a_tentative_agreement(cast: Any) -> None:
    world = cast.world
    proposal = Proposal.objects.create(
        negotiation=world.negotiation,
        article=world.article_seniority,
        side="employer",
        title="Hiring",
    )
    ta = TentativeAgreement.objects.create(
        negotiation=world.negotiation,
        article=world.article_seniority,
        proposal=proposal,
        text="Hire.",
    )
    client = cast.client("team")
    listing = _text(client.get(_url(cast)))
    assert f'href="{_url(cast, "new/")}?ta={ta.pk}">Track Article 7: Seniority</a>' in listing
    assert "Track Article 7" not in _text(cast.client("officer_a").get(_url(cast)))
    page = _text(client.get(_url(cast, f"new/?ta={ta.pk}")))
    assert 'value="Article 7: Seniority"' in page
    response = client.post(
        _url(cast, "new/"),
        {
            "tentative_agreement": ta.pk,
            "title": "10,000 new hires",
            "measure": "new hires into coalition positions",
            "unit": "hires",
            "kind": "cumulative",
            "baseline": "0",
            "target": "10000",
            "starts_on": "2022-01-01",
            "due_on": "2023-12-31",
            "period": "quarter",
            "sharing_formula": "equal",
            "grace_days": "30",
            "region_targets": "North: 6,000\nS: 4000",
        },
    )
    commitment = Commitment.objects.get()
    assert response["Location"] == _url(cast, f"{commitment.pk}/")
    assert commitment.tentative_agreement == ta
    assert sorted((t.region.name, int(t.target)) for t in commitment.region_targets.all()) == [
        ("North", 6000),
        ("South", 4000),
    ]
    assert "Track Article 7" not in _text(client.get(_url(cast)))


def test_a_region_that_is_not_the_employers_is_refused_by_line(cast: Any) -> None:
    response = cast.client("team").post(
        _url(cast, "new/"),
        {
            "title": "x",
            "measure": "m",
            "unit": "u",
            "kind": "cumulative",
            "baseline": "0",
            "target": "1",
            "starts_on": "2022-01-01",
            "due_on": "2023-12-31",
            "period": "quarter",
            "sharing_formula": "equal",
            "grace_days": "30",
            "region_targets": "Atlantis: 5",
        },
    )
    assert response.status_code == 400
    assert "Line 1: “Atlantis: 5” is not “Region: target”" in _text(response)


def test_the_commitment_page_shows_it_behind_in_the_region_that_is(hiring: Any, cast: Any) -> None:
    response = cast.client("officer_a").get(_url(cast, f"{hiring.commitment.pk}/"))
    assert "Behind in 1 region: North." in _words(response)
    page = _text(response)
    assert 'id="chart-0"' in page  # the whole commitment, then each region
    assert 'id="chart-2-data"' in page
    assert "Enter a figure" not in page  # an officer reads, never edits


def test_staff_enter_the_employers_figure_with_its_source_document(hiring: Any, cast: Any) -> None:
    client = cast.client("team")
    end = hiring.ends[3]
    response = client.post(
        _url(cast, f"{hiring.commitment.pk}/figures/new/"),
        {
            "source": "employer",
            "region": cast.world.region.pk,
            "period_end": end.isoformat(),
            "value": "250",
            "document": SimpleUploadedFile("q.pdf", b"%PDF-1.7\nhires\n"),
            "document_title": "Quarterly hiring report",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get(region=cast.world.region, period_end=end)
    assert (report.value, report.document.title) == (250, "Quarterly hiring report")
    download = client.get(_url(cast, f"{hiring.commitment.pk}/documents/{report.document.pk}/"))
    assert download["Content-Disposition"] == 'attachment; filename="q.pdf"'
    page = _text(client.get(_url(cast, f"{hiring.commitment.pk}/")))
    assert "The employer's figures missing or late" in page
    assert "<p>None.</p>" in page


def _sheet(text: str, name: str = "hiring.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_an_employer_file_with_any_bad_row_records_nothing_and_names_each_problem(
    hiring: Any, cast: Any
) -> None:
    before = Report.objects.count()
    first = hiring.ends[0].isoformat()
    sheet = (
        f"Quarter,Region,Hires\n2099-Q1,North,10\nQ5 2024,N,5\n{first},Atlantis,5\n{first},S,many\n"
    )
    response = cast.client("team").post(
        _url(cast, f"{hiring.commitment.pk}/figures/import/"),
        {"source": "employer", "file": _sheet(sheet)},
    )
    assert response.status_code == 400
    page = _text(response)
    assert "4 problems: nothing was recorded" in page
    assert "is outside the commitment" in page
    assert "“Q5 2024” is not a date or a period like 2024-Q3" in page
    assert "no region “Atlantis”" in page
    assert "“many” is not a number like 1250 or 1,250.50" in page
    assert Report.objects.count() == before
    assert not SourceDocument.objects.exists()


def test_the_employers_quarterly_report_is_imported_with_the_file_as_its_source(
    hiring: Any, cast: Any
) -> None:
    end = hiring.ends[3]
    quarter = f"{end.year}-Q{(end.month - 1) // 3 + 1}"
    response = cast.client("team").post(
        _url(cast, f"{hiring.commitment.pk}/figures/import/"),
        {
            "source": "employer",
            "file": _sheet(
                f'Period,Region,Hires\n{quarter},North,"1,200"\n{end:%m/%d/%Y},South,450\n'
            ),
        },
    )
    assert response.status_code == 302
    north = Report.objects.get(region=cast.world.region, period_end=end)
    south = Report.objects.get(region=cast.world.region_south, period_end=end)
    assert (north.value, south.value) == (1200, 450)  # South's 400 replaced
    assert north.document == south.document
    assert north.document.original_name == "hiring.csv"
    assert AuditEvent.objects.get(action="commitments.import").detail["rows"] == 2


def test_one_step_files_an_information_request_for_the_missing_figures(
    hiring: Any, cast: Any
) -> None:
    InformationRequest.objects.create(
        negotiation=cast.world.negotiation,
        number=4,
        title="Earlier",
        items="x",
        asked_on=date(2026, 1, 1),
    )
    client = cast.client("team")
    url = _url(cast, f"{hiring.commitment.pk}/ask-for-figures/")
    end = hiring.ends[3]
    assert f"to {end:%B} {end.day}, {end.year}, North" in _text(client.get(url))
    response = client.post(url)
    assert response.status_code == 302
    rfi = InformationRequest.objects.get(number=5)
    assert rfi.title == "Figures for “10,000 new hires into coalition positions”"
    assert rfi.items.endswith(f"to {end:%B} {end.day}, {end.year}, North")
    assert (rfi.due_on - rfi.asked_on).days == 14
    assert FigureRequest.objects.get().request == rfi
    assert AuditEvent.objects.filter(action="table.request_create", object_id=str(rfi.pk)).exists()
    page = _text(client.get(_url(cast, f"{hiring.commitment.pk}/")))
    assert "Request 5: Figures for" in page
    assert "0 days ago" in page


def test_a_local_officer_sees_the_tracker_but_not_the_teams_requests(
    hiring: Any, cast: Any
) -> None:
    from django.utils import timezone

    from caucus.commitments.actions import do_request_figures
    from caucus.commitments.board import standing

    do_request_figures(
        cast["team"], hiring.commitment, standing(hiring.commitment, timezone.localdate()).missing
    )
    page = _text(cast.client("officer_a").get(_url(cast, f"{hiring.commitment.pk}/")))
    assert "Request 1" not in page
    assert (
        cast.client("officer_a")
        .get(_url(cast, f"{hiring.commitment.pk}/ask-for-figures/"))
        .status_code
        == 403
    )


def test_publishing_puts_it_on_the_members_page(hiring: Any, cast: Any) -> None:
    client = cast.client("team")
    site = f"/n/{cast.world.negotiation.slug}/promises/"
    assert cast.client(None).get(f"{site}{hiring.commitment.pk}/").status_code == 404
    response = client.post(_url(cast, f"{hiring.commitment.pk}/publish/"), {"publish": "yes"})
    assert response.status_code == 302
    assert "10,000 new hires into coalition positions" in _text(cast.client(None).get(site))
    assert cast.client(None).get(f"{site}{hiring.commitment.pk}/").status_code == 200
    client.post(_url(cast, f"{hiring.commitment.pk}/publish/"), {"publish": "no"})
    assert cast.client(None).get(f"{site}{hiring.commitment.pk}/").status_code == 404
    assert "Nothing is published here yet." in _text(cast.client(None).get(site))
