"""Bulk assessments from a sign-in sheet (CSV or XLSX): all or nothing, problems by row and
column, the latest assessment counting as on the phone."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from caucus.audit.models import AuditEvent
from caucus.readiness.actions import do_assess
from caucus.readiness.models import Assessment, AssessmentImport, MemberReadiness

pytestmark = pytest.mark.django_db

URL = "/staff/readiness/national-2026/imports/"


def _csv(text: str, name: str = "sheet.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.fixture
def upload(cast: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """Post a sheet; the import queued when the upload commits runs at once, as a worker would."""

    def post(sheet: Any, who: str = "organizer_a", union: Any = None) -> Any:
        union = union or cast.world.union_a
        with django_capture_on_commit_callbacks(execute=True):
            return cast.client(who).post(URL, {"union": union.pk, "file": sheet})

    return post


def test_a_sign_in_sheet_records_every_members_assessment(
    upload: Any, local: Any, cast: Any
) -> None:
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    sheet = _csv(
        "Member ID,Level,Date,Shift,Notes\n"
        f"A-1,1,{yesterday},Nights,Will lead the night crew\n"
        f"a-2,3,{yesterday},,\n"
        "A-3,5.0,,day,\n"
    )
    response = upload(sheet)
    job = AssessmentImport.objects.get()
    assert response["Location"] == f"{URL}{job.pk}/"
    page = cast.client("organizer_a").get(response["Location"]).content.decode()
    assert "✓ Applied" in page
    assert "3 assessments recorded from 3 rows." in page
    ana, ben, chen = local.store_1[:3]
    states = {s.member_id: s for s in MemberReadiness.objects.all()}
    assert (states[ana.pk].level, states[ana.pk].shift) == (1, "night")
    assert timezone.localtime(states[ana.pk].assessed_at).date().isoformat() == yesterday
    assert states[ben.pk].level == 3
    assert (states[chen.pk].level, states[chen.pk].shift) == (5, "day")
    assert states[chen.pk].assessed_by == cast["organizer_a"]
    history = Assessment.objects.get(member=ana)
    assert (history.source, history.note, history.import_job) == (
        "import",
        "Will lead the night crew",
        job,
    )
    assert AuditEvent.objects.get(action="readiness.import").detail["written"] == 3


def test_a_sheet_with_any_problem_changes_nothing_and_names_each_row_and_column(
    upload: Any, local: Any, cast: Any
) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    sheet = _csv(
        "member #,Rating,Date\n"
        "A-1,2,\n"  # fine, but the sheet is refused whole
        "A-99,2,\n"
        "A-2,7,\n"
        "A-3,2,31/12/2025\n"
        f"A-4,2,{tomorrow}\n"
        "A-1,1,\n"
        ",3,\n"
    )
    upload(sheet)
    job = AssessmentImport.objects.get()
    assert job.status == "failed"
    assert {(e["row"], e["column"], e["message"]) for e in job.errors} == {
        (3, "member #", "no member “A-99” on Local A's roster"),
        (4, "Rating", "“7” is not a level from 1 to 5"),
        (5, "Date", "“31/12/2025” is not a date (YYYY-MM-DD or MM/DD/YYYY)"),
        (6, "Date", "is in the future"),
        (7, "member #", "member “A-1” is on row 2 too: one row per member"),
        (8, "member #", "is required"),
    }
    assert not Assessment.objects.exists()
    assert not MemberReadiness.objects.exists()
    page = cast.client("organizer_a").get(f"{URL}{job.pk}/").content.decode()
    assert "6 problems found; nothing changed." in page


def test_another_locals_member_cannot_be_assessed_by_sheet(
    upload: Any, local: Any, cast: Any
) -> None:
    upload(_csv("Member ID,Level\nB-1,1\n"))
    job = AssessmentImport.objects.get()
    assert job.errors == [
        {"row": 2, "column": "Member ID", "message": "no member “B-1” on Local A's roster"}
    ]
    assert not Assessment.objects.exists()


def test_an_organizer_cannot_import_for_another_local(upload: Any, local: Any, cast: Any) -> None:
    response = upload(_csv("Member ID,Level\nB-1,1\n"), union=cast.world.union_b)
    assert response.status_code == 400
    assert not AssessmentImport.objects.exists()


def test_an_xlsx_sheet_with_numbers_and_dates_reads_like_a_csv(
    upload: Any, local: Any, cast: Any
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Member ID", "Level", "Date"])
    sheet.append(["A-1", 2, date(2025, 3, 4)])
    sheet.append(["A-2", 4.0, None])
    data = io.BytesIO()
    book.save(data)
    upload(SimpleUploadedFile("sheet.xlsx", data.getvalue()))
    assert AssessmentImport.objects.get().status == "done"
    ana = MemberReadiness.objects.get(member=local.store_1[0])
    assert (ana.level, timezone.localtime(ana.assessed_at).date()) == (2, date(2025, 3, 4))
    assert MemberReadiness.objects.get(member=local.store_1[1]).level == 4


def test_a_sheet_without_a_level_column_is_refused_before_it_is_stored(
    upload: Any, local: Any, cast: Any
) -> None:
    response = upload(_csv("Member ID,Score out of ten\nA-1,9\n"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "no column for Level" in text
    assert "Its columns: Member ID, Score out of ten." in text
    assert not AssessmentImport.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused_at_upload(
    upload: Any, local: Any, cast: Any
) -> None:
    response = upload(SimpleUploadedFile("sheet.pdf", b"%PDF-1.7\n"))
    assert response.status_code == 400
    assert "Choose a CSV or Excel (.xlsx) file." in response.content.decode()


def test_a_row_dated_before_the_latest_assessment_joins_the_history_only(
    upload: Any, local: Any, cast: Any
) -> None:
    ana = local.store_1[0]
    do_assess(cast["admin"], ana, 1, shift="day")
    long_ago = (timezone.localdate() - timedelta(days=40)).isoformat()
    upload(_csv(f"Member ID,Level,Date\nA-1,4,{long_ago}\n"))
    state = MemberReadiness.objects.get(member=ana)
    assert (state.level, state.assessed_by, state.shift) == (1, cast["admin"], "day")
    assert timezone.localtime(state.first_assessed_at).date().isoformat() == long_ago
    assert Assessment.objects.filter(member=ana).count() == 2


def test_a_leader_stays_a_leader_after_an_import(upload: Any, local: Any, cast: Any) -> None:
    from caucus.readiness.actions import do_set_leader

    ana = local.store_1[0]
    do_set_leader(cast["organizer_a"], ana, True)
    upload(_csv("Member ID,Level\nA-1,2\n"))
    state = MemberReadiness.objects.get(member=ana)
    assert (state.level, state.is_leader) == (2, True)


def test_an_import_of_another_local_is_not_found_by_union_bs_people(
    upload: Any, local: Any, cast: Any
) -> None:
    upload(_csv("Member ID,Level\nA-1,2\n"))
    job = AssessmentImport.objects.get()
    assert cast.client("officer_b").get(f"{URL}{job.pk}/").status_code == 403
    assert cast.client("team").get(f"{URL}{job.pk}/").status_code == 403


def test_an_imported_moment_is_stored_as_the_orm_stores_it(
    upload: Any, local: Any, cast: Any
) -> None:
    """The sheet is written below the ORM: a row dated a day counts from noon that day, and
    the database must find it by that exact moment, as it finds one the ORM wrote."""
    from datetime import datetime, time

    from caucus.readiness.actions import do_assess

    day = timezone.localdate() - timedelta(days=3)
    upload(_csv(f"Member ID,Level,Date\nA-1,2,{day.isoformat()}\n"))
    noon = datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())
    ana = local.store_1[0]
    assert Assessment.objects.filter(member=ana, assessed_at=noon).count() == 1
    assert MemberReadiness.objects.filter(member=ana, assessed_at=noon, first_assessed_at=noon)
    # A phone conversation at the same moment sorts beside it, neither before nor after.
    do_assess(cast["organizer_a"], ana, 3, at=noon)
    assert Assessment.objects.filter(member=ana, assessed_at__lt=noon).count() == 0
    assert Assessment.objects.filter(member=ana, assessed_at__gt=noon).count() == 0
    assert Assessment.objects.filter(member=ana, assessed_at=noon).count() == 2
