"""The files of a built sheet: a DOCX with real tracked changes, a PDF with the articles."""

from __future__ import annotations

import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.tools import libreoffice_convert, need

pytestmark = pytest.mark.django_db
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_xml(version: Any) -> str:
    with version.docx.open("rb") as f, zipfile.ZipFile(BytesIO(f.read())) as z:
        return z.read("word/document.xml").decode()


def test_the_docx_has_the_articles_and_tracked_changes_by_side(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet(), summary="Half a percent, later.")
    with version.docx.open("rb") as f:
        document = Document(BytesIO(f.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Article 12: Wages" in text
    assert "In plain language: Half a percent, later." in text
    body = document.element.body
    authors = {el.get(f"{W}author") for el in body.iter(f"{W}ins", f"{W}del")}
    assert {"Union", "Employer"} <= authors
    assert "National Agreement 2026" in document.sections[0].header.paragraphs[0].text


def test_the_regression_docx_marks_the_employers_changes(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet(columns="regression"))
    xml = _docx_xml(version)
    assert '<w:del w:id="1" w:author="Employer"' in xml
    assert "<w:delText" in xml
    assert "<w:ins " in xml


def test_the_pdf_names_the_negotiation_and_each_article(sheets: Any, tmp_path: Path) -> None:
    pdftotext = need("pdftotext")
    sheets.passes()
    sheets.table.proposal("union", sheets.world.article_seniority, text="Seniority counts.")
    version = sheets.built(sheets.sheet())
    path = tmp_path / "sheet.pdf"
    with version.pdf.open("rb") as f:
        path.write_bytes(f.read())
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Article 7: Seniority" in text
    assert "Article 12: Wages" in text
    assert "National Agreement 2026" in text
    assert "Current contract → Union's and employer's latest proposals" in text
    # One article per page: two articles, two pages at least.
    assert text.count("\f") >= 2


def test_libreoffice_opens_the_docx_with_its_tracked_changes(sheets: Any, tmp_path: Path) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet())
    source = tmp_path / "sheet.docx"
    with version.docx.open("rb") as f:
        source.write_bytes(f.read())
    flat = libreoffice_convert(source, "fodt", timeout=120).read_text(encoding="utf-8")
    assert "<text:tracked-changes" in flat
    assert flat.count("<text:changed-region") >= 2
    assert "<dc:creator>Union</dc:creator>" in flat
    assert "<dc:creator>Employer</dc:creator>" in flat


def test_the_three_column_pdf_reads_the_summary_as_the_page_does(
    sheets: Any, tmp_path: Path
) -> None:
    pdftotext = need("pdftotext")
    sheets.passes()
    summary = "The employer now offers **half** a percent.\n\n- later: July, not April"
    version = sheets.built(sheets.sheet(layout="columns"), summary=summary)
    path = tmp_path / "sheet.pdf"
    with version.pdf.open("rb") as f:
        path.write_bytes(f.read())
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "In plain language" in text
    assert "The employer now offers half a percent." in text
    assert "• later: July, not April" in text
    assert "**" not in text
