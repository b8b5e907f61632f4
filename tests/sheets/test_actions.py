"""Creating, building, versioning and publishing sheets."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.audit.models import AuditEvent
from caucus.sheets.actions import SheetError, do_publish, do_save_rows, do_unpublish
from caucus.sheets.forms import RowsForm
from caucus.sheets.models import Sheet, SheetVersion

pytestmark = pytest.mark.django_db


def test_a_new_sheet_includes_the_articles_with_proposals_on_the_table(sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    rows = {row.article.title: row.included for row in sheet.rows.select_related("article")}
    assert rows == {"Wages": True, "Seniority": False}


def test_a_three_way_row_attributes_each_change_to_its_side(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet())
    assert version.status == SheetVersion.Status.DONE
    (row,) = version.rows.all()
    assert row.heading == "Article 12: Wages"
    assert row.texts["union"].endswith("5% on April 1.")
    assert row.texts["employer"].endswith("0.5% on July 1.")
    assert "proposed by union" in row.html
    assert "proposed by employer" in row.html
    assert [s["title"] for s in row.sources] == ["Wages: 5%", "Wages: 0.5%"]


def test_a_regression_row_compares_the_employers_last_two_passes(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet(columns="regression"))
    (row,) = version.rows.all()
    assert row.texts == {
        "previous": "Employees shall receive a raise of 1% on April 1.",
        "latest": "Employees shall receive a raise of 0.5% on July 1.",
    }
    deleted = "".join(op["old_text"] for op in row.ops if op["op"] != "equal")
    inserted = "".join(op["new_text"] for op in row.ops if op["op"] != "equal")
    assert "1%" in deleted
    assert "April" in deleted
    assert "0.5%" in inserted
    assert "July" in inserted


def test_withdrawn_passes_and_supposals_are_not_the_latest(sheets: Any) -> None:
    w = sheets.world
    sheets.passes()
    sheets.table.proposal(
        "union", w.article_wages, title="Wages: 9%", text="9%", status="withdrawn"
    )
    sheets.table.proposal("union", w.article_wages, kind="supposal", title="Wages: 4%", text="4%")
    (row,) = sheets.built(sheets.sheet()).rows.all()
    assert row.texts["union"] == "Employees shall receive a raise of 5% on April 1."


def test_a_side_with_no_pass_keeps_the_current_text_and_says_so(sheets: Any) -> None:
    w = sheets.world
    sheets.table.proposal("union", w.article_seniority, text="Seniority is seniority.")
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    (row,) = version.rows.all()
    assert row.texts["employer"] == w.article_seniority.current_text
    assert row.note == "The employer has made no proposal on this article."


def test_building_records_who_built_it_and_numbers_the_versions(sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    first, second = sheets.built(sheet), sheets.built(sheet)
    assert (first.number, second.number) == (1, 2)
    assert first.built_by == sheets.cast["team"]
    assert first.built_at is not None
    assert AuditEvent.objects.filter(action="sheet.build", object_id=str(sheet.pk)).count() == 2


def test_a_sheet_with_no_article_included_cannot_be_built(sheets: Any) -> None:
    sheet = sheets.sheet(included=[])
    from caucus.sheets.actions import do_request_build

    with pytest.raises(SheetError, match="Include at least one article"):
        do_request_build(sheets.cast["team"], sheet)
    assert not SheetVersion.objects.exists()


def test_publishing_shows_one_version_and_later_edits_make_a_new_draft_version(
    sheets: Any,
) -> None:
    sheet = sheets.published()
    published = sheet.published_version
    assert sheet.status == Sheet.Status.PUBLISHED
    assert published.number == 1
    rows = list(sheet.rows.select_related("article"))
    form = RowsForm(
        {
            **{f"order_{r.article_id}": r.order for r in rows},
            **{f"included_{r.article_id}": "on" for r in rows},
            **{f"summary_{r.article_id}": "Changed." for r in rows},
        },
        rows=rows,
    )
    assert form.is_valid(), form.errors
    do_save_rows(sheets.cast["team"], sheet, form.changes())
    second = sheets.built(sheet)
    sheet.refresh_from_db()
    assert sheet.published_version == published
    assert second.number == 2
    assert second.rows.count() == 2
    assert published.rows.get().summary == "The employer now offers **half** a percent."
    assert AuditEvent.objects.filter(action="sheet.publish").count() == 1


def test_a_version_still_building_cannot_be_published(sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    version = SheetVersion.objects.create(
        sheet=sheet, number=1, title="t", columns="three_way", layout="inline"
    )
    with pytest.raises(SheetError, match="Only a built version"):
        do_publish(sheets.cast["team"], sheet, version)
    sheet.refresh_from_db()
    assert sheet.status == Sheet.Status.DRAFT


def test_unpublishing_hides_the_sheet_and_is_audited(sheets: Any) -> None:
    sheet = sheets.published()
    do_unpublish(sheets.cast["team"], sheet)
    sheet.refresh_from_db()
    assert sheet.status == Sheet.Status.DRAFT
    assert sheet.published_version is None
    assert AuditEvent.objects.filter(action="sheet.unpublish").exists()


def test_a_build_that_fails_leaves_no_rows_and_says_why(sheets: Any, monkeypatch: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()

    def broken(*args: Any) -> bytes:
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("caucus.sheets.building.sheet_pdf", broken)
    version = sheets.built(sheet)
    assert version.status == SheetVersion.Status.FAILED
    assert "printer on fire" in version.error
    assert not version.rows.exists()


def test_summaries_are_sanitized_markdown(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet(), summary="**Less** <script>alert(1)</script>")
    row = version.rows.get()
    assert "<strong>Less</strong>" in row.summary_html
    assert "script" not in row.summary_html
    assert "alert" not in row.summary_html
