"""The member page ("what the employer promised, and where it stands") as a member reads it, and
the employer's report as the Excel file it sends, its source document served only to staff."""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from caucus.commitments.actions import do_create_commitment, do_publish, do_request_figures
from caucus.commitments.board import standing
from caucus.commitments.models import Commitment, Report

pytestmark = pytest.mark.django_db


def _words(response: Any) -> str:
    text = html.unescape(response.content.decode())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def _site(cast: Any, rest: str = "") -> str:
    return f"/n/{cast.world.negotiation.slug}/promises/{rest}"


def test_a_member_reads_the_published_promise_with_its_charts_and_a_table_by_region(
    hiring: Any, cast: Any
) -> None:
    from django.utils import timezone

    do_publish(cast["team"], hiring.commitment, True)
    response = cast.client("member_a").get(_site(cast, f"{hiring.commitment.pk}/"))
    page = response.content.decode()
    # A chart for the whole commitment and one for each region, each with its figures.
    for n in range(3):
        assert f'id="chart-{n}"' in page
        assert f'id="chart-{n}-data"' in page
    words = _words(response)
    # North has reported 300 a quarter for three quarters (900) against a path of 500 a
    # quarter; the South 400 a quarter for four (1,600), ahead of its 333.
    board = standing(hiring.commitment, timezone.localdate())
    north = next(line for line in board.regions if line.label == "North")
    assert north.latest is not None
    assert north.latest.actual == 900
    end = north.latest.period_end
    assert f"North 6,000 {end:%b} {end.day}, {end.year} {north.latest.path:,.0f} 900 Behind" in (
        words
    )
    assert "South 4,000" in words
    assert "1,600 On track" in words


def test_the_member_page_never_shows_the_teams_requests_or_unpublished_promises(
    hiring: Any, cast: Any
) -> None:
    from django.utils import timezone

    do_request_figures(
        cast["team"], hiring.commitment, standing(hiring.commitment, timezone.localdate()).missing
    )
    do_publish(cast["team"], hiring.commitment, True)
    do_create_commitment(
        cast["team"],
        cast.world.negotiation,
        title="Registry hours reduced by 30%",
        measure="registry hours",
        unit="hours",
        kind=Commitment.Kind.REDUCTION,
        baseline=Decimal(1000),
        target=Decimal(700),
        starts_on=hiring.start,
        due_on=hiring.due,
        period=Commitment.Period.QUARTER,
    )
    listing = _words(cast.client(None).get(_site(cast)))
    assert "10,000 new hires into coalition positions" in listing
    assert "Registry hours" not in listing
    one = _words(cast.client(None).get(_site(cast, f"{hiring.commitment.pk}/")))
    assert "Request 1" not in one
    assert "information request" not in one.lower()


def _workbook(rows: list[list[Any]]) -> SimpleUploadedFile:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Quarter ending", "Region", "New hires"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(
        "harborline-q.xlsx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def test_the_employers_excel_report_is_imported_with_dates_and_numbers_as_cells(
    hiring: Any, cast: Any
) -> None:
    end = hiring.ends[3]
    response = cast.client("team").post(
        f"/staff/commitments/{cast.world.negotiation.slug}/{hiring.commitment.pk}/figures/import/",
        {"source": "employer", "file": _workbook([[end, "North", 310], [end, "S", 1250.0]])},
    )
    assert response.status_code == 302
    north = Report.objects.get(region=cast.world.region, period_end=end)
    south = Report.objects.get(region=cast.world.region_south, period_end=end)
    assert (north.value, south.value) == (310, 1250)
    assert north.document is not None
    assert north.document.original_name == "harborline-q.xlsx"
    # The file is the figures' source: staff download it through the tracker; members and
    # other people never reach it.
    url = (
        f"/staff/commitments/{cast.world.negotiation.slug}/{hiring.commitment.pk}/documents/"
        f"{north.document.pk}/"
    )
    download = cast.client("officer_a").get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="harborline-q.xlsx"'
    assert download["Cache-Control"] == "private, no-store"
    assert cast.client("member_a").get(url).status_code in (302, 403, 404)
    assert cast.client(None).get(url).status_code in (302, 403, 404)
    assert north.document.file.name not in html.unescape(
        cast.client("team")
        .get(f"/staff/commitments/{cast.world.negotiation.slug}/{hiring.commitment.pk}/")
        .content.decode()
    )


def test_an_excel_report_with_a_bad_cell_records_nothing(hiring: Any, cast: Any) -> None:
    before = Report.objects.count()
    end = hiring.ends[3]
    response = cast.client("team").post(
        f"/staff/commitments/{cast.world.negotiation.slug}/{hiring.commitment.pk}/figures/import/",
        {"source": "employer", "file": _workbook([[end, "North", 310], [end, "S", "n/a"]])},
    )
    assert response.status_code == 400
    assert "1 problem" in _words(response)
    assert "“n/a” is not a number" in _words(response)
    assert Report.objects.count() == before
