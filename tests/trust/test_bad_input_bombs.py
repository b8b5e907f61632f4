"""Bad input changes nothing: files that unpack to far more than they weigh, and oversized
uploads, are refused at the form field with the file and the limit named, and nothing is stored.

A 744 KB DOCX holding 180 MB of XML ran the web process to 2.4 GB and stored a 123 MB proposal;
a 781 KB XLSX cost 22 s and 430 MB on each upload and each view of its mapping page; a 49 MB
CSV roster was taken. The files here are built small on disk: a part padded with a comment
packs about a thousand times smaller than it unpacks; ``declaring_less`` makes the ZIP
directory lie about a part's size, which calamine (the XLSX reader) does not check.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.costing.models import CostingRun
from caucus.lib.uploads import UnpackedTooLarge, check_unpacked
from caucus.members.models import RosterImport
from caucus.members.roster_files import RosterFileError, read_roster
from caucus.table.docx_text import UnreadableDocx, docx_text
from caucus.table.models import Proposal
from tests.costing.helpers import make_proposals, new_run_url
from tests.members.files import (
    SHEET,
    declaring_less,
    padded,
    row,
    with_part,
    xlsx_bytes,
    xlsx_unpacking_to,
)

MB = 1024 * 1024


def stored_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "media").rglob("*") if p.is_file()]


def upload_roster(cast: Any, world: Any, name: str, content: bytes) -> Any:
    data = {"union": world.union_a.pk, "file": SimpleUploadedFile(name, content)}
    return cast.client("officer_a").post(reverse("members:import_start"), data)


def field_errors(response: Any, field: str = "file") -> list[str]:
    return list(response.context["form"].errors.get(field, []))


# The roster import


def test_a_roster_xlsx_that_unpacks_past_the_limit_is_refused_and_nothing_is_stored(
    cast: Any, world: Any, tmp_path: Path, settings: Any
) -> None:
    settings.CAUCUS_MAX_UNPACKED_MB = 1
    content = xlsx_unpacking_to(2 * MB)
    assert len(content) < 20_000
    response = upload_roster(cast, world, "roster.xlsx", content)
    assert response.status_code == 200
    (error,) = field_errors(response)
    assert error.startswith("“roster.xlsx” would unpack to 2.0 MB; the limit is 1.0 MB.")
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_roster_xlsx_packed_like_a_zip_bomb_is_refused(
    cast: Any, world: Any, tmp_path: Path
) -> None:
    response = upload_roster(cast, world, "roster.xlsx", xlsx_unpacking_to(20 * MB))
    (error,) = field_errors(response)
    assert error.startswith(
        f"“roster.xlsx” is refused as a ZIP bomb: its part {SHEET} unpacks to 20.0 MB from "
    )
    assert error.endswith("times its packed size; the limit is 100 times.")
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_roster_xlsx_whose_zip_directory_lies_is_refused(
    cast: Any, world: Any, tmp_path: Path
) -> None:
    content = declaring_less(xlsx_unpacking_to(20 * MB), SHEET, 5000)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.getinfo(SHEET).file_size == 5000
    response = upload_roster(cast, world, "roster.xlsx", content)
    (error,) = field_errors(response)
    assert error == (
        f"“roster.xlsx” is refused as a ZIP bomb: its part {SHEET} unpacks to more than the "
        "4.9 KB its ZIP directory declares."
    )
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_roster_file_over_the_upload_limit_is_refused_and_nothing_is_stored(
    cast: Any, world: Any, tmp_path: Path, settings: Any
) -> None:
    settings.CAUCUS_MAX_UPLOAD_MB = 1
    content = b"Member ID,First Name\n" + b"A-1,Ana\n" * (3 * MB // 16)
    response = upload_roster(cast, world, "roster.csv", content)
    (error,) = field_errors(response)
    assert error == "“roster.csv” is 1.5 MB; the limit is 1.0 MB."
    assert not RosterImport.objects.exists()
    assert stored_files(tmp_path) == []


def test_the_upload_page_names_the_limit(cast: Any) -> None:
    page = cast.client("officer_a").get(reverse("members:import_start")).content.decode()
    assert "up to 25 MB" in page


def test_a_roster_xlsx_within_the_limits_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(xlsx_unpacking_to(MB // 2, rows=[row("A-1"), row("A-2")]))
    check_unpacked(path, name=path.name, inflate=True)
    assert read_roster(path)["Member ID"].to_list() == ["A-1", "A-2"]


def test_a_zip_bomb_stored_before_the_checks_is_refused_on_the_mapping_page(
    cast: Any, world: Any, settings: Any
) -> None:
    from django.core.files.base import ContentFile

    job = RosterImport.objects.create(
        union=world.union_a, uploaded_by=cast["officer_a"], original_name="old.xlsx"
    )
    job.file.save("old.xlsx", ContentFile(xlsx_unpacking_to(20 * MB)))
    started = time.monotonic()
    response = cast.client("officer_a").get(reverse("members:import_map", args=[job.pk]))
    assert time.monotonic() - started < 2
    assert response["Location"] == reverse("members:import_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED
    assert "refused as a ZIP bomb" in job.error


def test_the_reader_refuses_a_bomb_from_its_directory_alone(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(xlsx_unpacking_to(20 * MB))
    with pytest.raises(RosterFileError, match="refused as a ZIP bomb"):
        read_roster(path)


# The costing roster upload


def start_file_run(cast: Any, world: Any, name: str, content: bytes) -> Any:
    union, _ = make_proposals(world)
    data = {
        "source": "file",
        "union": "",
        "proposals": [union.pk],
        "file": SimpleUploadedFile(name, content),
    }
    return cast.client("team").post(new_run_url(world), data)


def costing_xlsx(extra: int) -> bytes:
    header = ["id", "classification", "step", "rate", "fte", "hire_date"]
    values = {"id": "1", "classification": "Clerk", "step": 1, "rate": 20.0, "fte": 1}
    book = xlsx_bytes([{**values, "hire_date": "2020-01-01"}], header=header)
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        sheet = source.read(SHEET)
    return with_part(book, SHEET, padded(sheet, extra))


def test_a_costing_roster_packed_like_a_zip_bomb_is_refused_and_no_run_is_made(
    cast: Any, world: Any, tmp_path: Path
) -> None:
    response = start_file_run(cast, world, "roster.xlsx", costing_xlsx(20 * MB))
    assert "refused as a ZIP bomb" in " ".join(field_errors(response))
    assert not CostingRun.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_costing_roster_whose_directory_lies_is_refused(cast: Any, world: Any) -> None:
    content = declaring_less(costing_xlsx(20 * MB), SHEET, 5000)
    response = start_file_run(cast, world, "roster.xlsx", content)
    assert "its ZIP directory declares" in " ".join(field_errors(response))
    assert not CostingRun.objects.exists()


def test_a_costing_roster_over_the_upload_limit_is_refused(
    cast: Any, world: Any, settings: Any
) -> None:
    settings.CAUCUS_MAX_UPLOAD_MB = 1
    content = b"classification,rate,fte,hire_date\n" + b"Clerk,20,1,2020-01-01\n" * 60_000
    response = start_file_run(cast, world, "roster.csv", content)
    assert field_errors(response) == ["“roster.csv” is 1.3 MB; the limit is 1.0 MB."]
    assert not CostingRun.objects.exists()


# A proposal's Word document

NEW_PROPOSAL = "table:proposal_new"
DOCUMENT = "word/document.xml"


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_unpacking_to(size: int) -> bytes:
    document = docx_bytes("Article 12. Wages")
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        xml = source.read(DOCUMENT)
    return with_part(document, DOCUMENT, padded(xml, size))


def post_proposal(cast: Any, content: bytes) -> Any:
    data = {
        "side": "union",
        "kind": "formal",
        "article": cast.world.article_wages.pk,
        "title": "Wages",
        "text": "",
        "summary": "",
        "passed_on": "2026-03-02",
        "docx": SimpleUploadedFile("wages.docx", content),
    }
    return cast.client("team").post(reverse(NEW_PROPOSAL, args=["national-2026"]), data)


def test_a_docx_packed_like_a_zip_bomb_is_refused_at_its_field(cast: Any) -> None:
    content = docx_unpacking_to(20 * MB)
    assert len(content) < 60_000
    response = post_proposal(cast, content)
    assert response.status_code == 400
    (error,) = field_errors(response, "docx")
    assert error.startswith(f"“wages.docx” is refused as a ZIP bomb: its part {DOCUMENT}")
    assert not Proposal.objects.exists()


def test_a_docx_that_unpacks_past_the_limit_is_refused(cast: Any, settings: Any) -> None:
    settings.CAUCUS_MAX_UNPACKED_MB = 1
    response = post_proposal(cast, docx_unpacking_to(2 * MB))
    (error,) = field_errors(response, "docx")
    assert error.startswith("“wages.docx” would unpack to 2.")
    assert error.endswith("the limit is 1.0 MB.")
    assert not Proposal.objects.exists()


def test_a_docx_unpacking_past_a_proposals_own_limit_is_refused(cast: Any) -> None:
    # Within CAUCUS_MAX_UNPACKED_MB (100 MB), but more than any proposal's 25 MB.
    response = post_proposal(cast, docx_unpacking_to(30 * MB))
    (error,) = field_errors(response, "docx")
    assert error.startswith("“wages.docx” would unpack to 30.")
    assert error.endswith("the limit is 25.0 MB.")
    assert not Proposal.objects.exists()


def test_a_docx_over_the_size_limit_is_refused(cast: Any) -> None:
    content = docx_bytes("Article 12. Wages") + b"\0" * (5 * MB)
    response = post_proposal(cast, content)
    (error,) = field_errors(response, "docx")
    assert error.startswith("“wages.docx” is 5.")
    assert error.endswith("the limit is 5.0 MB.")


def test_a_proposal_longer_than_a_million_characters_is_refused(cast: Any) -> None:
    content = docx_bytes(*["x" * 99_999] * 10, "one more paragraph")
    response = post_proposal(cast, content)
    (error,) = field_errors(response, "docx")
    assert error == (
        "“wages.docx” holds more than 1,000,000 characters of text, more than a proposal may. "
        "Upload the articles it changes, or split it."
    )
    assert not Proposal.objects.exists()


def test_a_proposal_of_a_million_characters_is_read() -> None:
    text = docx_text(io.BytesIO(docx_bytes(*["x" * 99_999] * 10)))
    assert len(text) == 999_999


def billion_laughs() -> bytes:
    """A DOCX whose document declares ten entities, each ten of the one before."""
    document = docx_bytes("Article 12. Wages")
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        xml = source.read(DOCUMENT).decode()
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    prolog, body = xml.split("?>", 1)
    body = body.replace("Article 12. Wages", "&lol9;")
    return with_part(
        document, DOCUMENT, f"{prolog}?>\n<!DOCTYPE w:document [{entities}]>{body}".encode()
    )


def test_a_billion_laughs_docx_is_refused_with_a_message_not_expanded(cast: Any) -> None:
    started = time.monotonic()
    response = post_proposal(cast, billion_laughs())
    assert time.monotonic() - started < 2
    (error,) = field_errors(response, "docx")
    assert error == (
        "“wages.docx” cannot be read: its XML is damaged or declares entities, which Word "
        "never writes. Open it in Word and save it again, or paste the text."
    )
    assert not Proposal.objects.exists()


def test_a_docx_declaring_even_one_entity_is_refused() -> None:
    document = docx_bytes("Article 12. Wages")
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        xml = source.read(DOCUMENT).decode()
    prolog, body = xml.split("?>", 1)
    body = body.replace("Article 12. Wages", "&wages;")
    declared = f'{prolog}?>\n<!DOCTYPE w:document [<!ENTITY wages "Wages">]>{body}'
    content = with_part(document, DOCUMENT, declared.encode())
    with pytest.raises(UnreadableDocx, match="declares XML entities, which Word never writes"):
        docx_text(io.BytesIO(content), name="wages.docx")


def test_the_unpacked_check_passes_a_file_that_is_no_zip_to_its_reader() -> None:
    check_unpacked(io.BytesIO(b"Member ID\nA-1\n"), name="roster.csv", inflate=True)


def test_the_unpacked_check_names_the_part_that_lies() -> None:
    content = declaring_less(xlsx_unpacking_to(2 * MB), SHEET, 5000)
    with pytest.raises(UnpackedTooLarge, match=SHEET):
        check_unpacked(io.BytesIO(content), name="roster.xlsx", inflate=True)
