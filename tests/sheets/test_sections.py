"""A sheet says only what each proposal changes: section amendments applied to the current
text, shown in three columns (current | union | employer) on the page, the PDF and the DOCX."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from caucus.sheets.models import SheetVersion
from caucus.table.actions import do_pass_proposal
from tests.tools import libreoffice_convert, need

pytestmark = pytest.mark.django_db

WAGES = (
    "12.1 Employees shall be paid according to the wage scales in Appendix B.\n\n"
    "12.2 Effective ratification, all rates shall increase by two percent (2%).\n\n"
    "12.3 Employees who train new hires receive a premium of one dollar ($1.00) per hour.\n\n"
    "12.4 No employee shall suffer a reduction in pay as a result of this Agreement."
)
UNION = "12.2 All rates shall increase by six percent (6%) each year."
EMPLOYER = "12.2 All rates shall increase by three percent (3%) in the first year."


def _counters(sheets: Any) -> None:
    """Both sides amend 12.2 only, entered through the table's action as the pages do."""
    w = sheets.world
    w.article_wages.current_text = WAGES
    w.article_wages.save(update_fields=["current_text"])
    for side, text, on in (("union", UNION, 2), ("employer", EMPLOYER, 9)):
        do_pass_proposal(
            sheets.cast["team"],
            w.negotiation,
            side=side,
            article=w.article_wages,
            title=f"{side} wages",
            text=text,
            effect="sections",
            passed_on=date(2026, 3, on),
            is_published=True,
        )


def _changed_old_text(version: SheetVersion) -> str:
    (row,) = version.rows.all()
    return "".join(op["old_text"] for op in row.ops if op["op"] != "equal")


def test_a_wage_counter_that_amends_12_2_marks_only_12_2(sheets: Any) -> None:
    _counters(sheets)
    version = sheets.built(sheets.sheet(layout="inline"))
    (row,) = version.rows.all()
    assert row.texts["union"] == WAGES.replace(
        "12.2 Effective ratification, all rates shall increase by two percent (2%).", UNION
    )
    changed = _changed_old_text(version)
    assert "two" in changed
    for untouched in ("Appendix B", "one dollar", "No employee shall suffer", "12.1", "12.3"):
        assert untouched not in changed
    assert [s["changes"] for s in row.sources] == ["amends 12.2", "amends 12.2"]


def test_a_whole_article_replacement_still_compares_against_the_whole_article(
    sheets: Any,
) -> None:
    sheets.passes()
    (row,) = sheets.built(sheets.sheet()).rows.all()
    assert row.texts["union"] == "Employees shall receive a raise of 5% on April 1."
    assert row.sources[0]["changes"] == "replaces the whole article"


def test_a_new_three_way_sheet_shows_three_columns_with_unchanged_sections_unmarked(
    sheets: Any, cast: Any
) -> None:
    from caucus.sheets.actions import do_create_sheet

    _counters(sheets)
    sheet = do_create_sheet(
        cast["team"],
        sheets.world.negotiation,
        title="Where wages stand",
        columns="three_way",
        layout="columns",
        included_article_ids=[sheets.world.article_wages.pk],
    )
    (row,) = sheets.built(sheet).rows.all()
    assert '<table class="rl-cols">' in row.html
    assert '<th scope="col">Union&#x27;s latest proposal</th>' in row.html
    # 12.1, 12.3 and 12.4: unchanged by either side, each in its own row.
    assert row.html.count("No change proposed") == 3
    assert "inserted, proposed by union: </span>six" in row.html
    assert "inserted, proposed by employer: </span>three" in row.html


def test_the_new_sheet_form_offers_three_columns_first_and_ticks_it(cast: Any) -> None:
    from django.urls import reverse

    page = cast.client("team").get(reverse("sheets:new", args=["national-2026"]))
    html = page.content.decode()
    assert html.index('value="columns"') < html.index('value="inline"')
    assert 'value="columns" id="id_layout_0" checked' in html or (
        'value="columns"' in html and "checked" in html.split('value="columns"', 1)[1][:40]
    )


def test_the_three_column_docx_is_a_table_with_each_sides_tracked_changes(
    sheets: Any,
) -> None:
    _counters(sheets)
    version = sheets.built(sheets.sheet(layout="columns"))
    with version.docx.open("rb") as f, zipfile.ZipFile(BytesIO(f.read())) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:tbl>" in xml
    assert "Union&apos;s latest proposal" in xml or "Union's latest proposal" in xml
    assert xml.count("No change") == 6  # 12.1, 12.3, 12.4 in both sides' columns
    assert 'w:author="Union"' in xml
    assert 'w:author="Employer"' in xml
    deleted = "".join(part.split("</w:delText>")[0] for part in xml.split("<w:delText")[1:])
    assert "two" in deleted
    assert "Appendix" not in deleted


def test_the_three_column_pdf_has_the_header_and_the_three_columns(
    sheets: Any, tmp_path: Path
) -> None:
    pdftotext = need("pdftotext")
    _counters(sheets)
    version = sheets.built(sheets.sheet(layout="columns"))
    path = tmp_path / "sheet.pdf"
    with version.pdf.open("rb") as f:
        path.write_bytes(f.read())
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "National Agreement 2026" in text
    assert "Current contract | Union's latest proposal | Employer's latest proposal" in text
    assert "No change proposed" in text
    assert "6%) each" in text
    assert "3%) in" in text
    assert "Article 12: Wages" in text
    # 12.1 is the same in all three: the current text, then one "No change proposed" beside it.
    (same,) = [line for line in text.splitlines() if "12.1 Employees shall be paid" in line]
    assert same.split("12.1 Employees shall be paid")[1].count("No change proposed") == 1
    # 12.2 as each side would have it, beside the current 12.2, on one line of the page.
    (amended,) = [line for line in text.splitlines() if "12.2 Effective ratification" in line]
    assert amended.count("12.2") == 3


def test_a_build_whose_sections_no_longer_fit_the_article_fails_and_says_which(
    sheets: Any,
) -> None:
    _counters(sheets)
    article = sheets.world.article_wages
    article.current_text = "12.1 Wages are in Appendix B."  # 12.2 is gone
    article.save(update_fields=["current_text"])
    version = sheets.built(sheets.sheet())
    assert version.status == SheetVersion.Status.FAILED
    assert "“union wages” no longer fits the current text" in version.error
    assert "no section 12.2 to amend" in version.error


def test_a_new_version_prints_only_the_parts_whose_articles_changed(
    sheets: Any, monkeypatch: Any
) -> None:
    # WeasyPrint prints the inline layout in parts; three columns are drawn whole by ReportLab.
    from caucus.sheets import documents

    pytest.importorskip("pypdf", reason="pypdf binds the parts (pyproject does not list it yet)")
    printed: list[int] = []
    real = documents.render_pdfs

    def counting(htmls: list[str]) -> list[bytes]:
        printed.append(len(htmls))
        return real(htmls)

    monkeypatch.setattr(documents, "render_pdfs", counting)
    sheets.passes()
    sheets.table.proposal("union", sheets.world.article_seniority, text="Seniority counts.")
    sheet = sheets.sheet(layout="inline")
    first = sheets.built(sheet)
    assert printed == [1]  # two short articles: one part
    same = sheets.built(sheet)
    assert printed == [1, 0]  # nothing changed: every part kept
    sheet.rows.filter(article=sheets.world.article_seniority).update(summary="Now explained.")
    changed = sheets.built(sheet)
    assert printed == [1, 0, 1]
    assert first.pdf.name != same.pdf.name != changed.pdf.name
    with changed.pdf.open("rb") as f:
        assert f.read().startswith(b"%PDF")


def test_libreoffice_opens_the_three_column_docx_with_each_sides_changes(
    sheets: Any, tmp_path: Path
) -> None:
    _counters(sheets)
    version = sheets.built(sheets.sheet(layout="columns"))
    source = tmp_path / "sheet.docx"
    with version.docx.open("rb") as f:
        source.write_bytes(f.read())
    flat = libreoffice_convert(source, "fodt").read_text(encoding="utf-8")
    assert "<table:table " in flat
    assert flat.count("<table:table-row") >= 5  # the heads, then 12.1 to 12.4
    assert "<dc:creator>Union</dc:creator>" in flat
    assert "<dc:creator>Employer</dc:creator>" in flat
