"""Bad input changes nothing: files that used to answer 500 get a clear message instead.

A DOCX with malformed XML let lxml's ``XMLSyntaxError`` escape from reading it; a roster whose
headers clash once trimmed (``Phone`` and ``Phone ``) failed after its RosterImport row and
its file were stored, and left both behind.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.members.models import RosterImport
from caucus.table.models import Proposal
from tests.members.files import HEADER, row, with_part, write_csv, write_xlsx
from tests.trust.test_bad_input_bombs import DOCUMENT, docx_bytes, post_proposal


def stored_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "media").rglob("*") if p.is_file()]


def malformed_docx() -> bytes:
    document = docx_bytes("Article 12. Wages")
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        xml = source.read(DOCUMENT)
    return with_part(document, DOCUMENT, xml[: len(xml) // 2])


def test_a_docx_with_malformed_xml_is_refused_at_its_field(cast: Any) -> None:
    response = post_proposal(cast, malformed_docx())
    assert response.status_code == 400
    assert response.context["form"].errors["docx"] == [
        "“wages.docx” cannot be read: its XML is damaged or declares entities, which Word "
        "never writes. Open it in Word and save it again, or paste the text."
    ]
    assert not Proposal.objects.exists()


def upload(cast: Any, world: Any, path: Path) -> Any:
    data = {"union": world.union_a.pk, "file": SimpleUploadedFile(path.name, path.read_bytes())}
    return cast.client("officer_a").post(reverse("members:import_start"), data)


CLASHING = [*HEADER, "Phone "]


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_headers_that_clash_once_trimmed_are_refused_and_nothing_is_stored(
    cast: Any, world: Any, tmp_path: Path, write: Any
) -> None:
    suffix = ".csv" if write is write_csv else ".xlsx"
    path = write(tmp_path / f"roster{suffix}", [row("A-1")], header=CLASHING)
    response = upload(cast, world, path)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        f"Two columns of “roster{suffix}” are named “Phone” (columns 13 and 15; spaces around a "
        "name do not count). Rename one and upload the file again."
    ]
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []


def test_an_unreadable_roster_is_refused_and_nothing_is_stored(
    cast: Any, world: Any, tmp_path: Path
) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    response = upload(cast, world, path)
    assert (
        response.context["form"]
        .errors["file"][0]
        .startswith("Could not read “roster.xlsx” as XLSX")
    )
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []
