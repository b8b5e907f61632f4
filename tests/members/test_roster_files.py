"""Reading a roster file: its text encoding, every cell of every row, and its header."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.members.columns import guess_mapping
from caucus.members.importing import import_roster
from caucus.members.models import Member, RosterImport
from caucus.members.roster_files import RosterFileError, read_roster, read_table
from tests.members.files import HEADER, row, write_xlsx

MAPPING = guess_mapping(HEADER)


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode(encoding)


def roster_rows(*overrides: dict[str, str]) -> list[list[str]]:
    return [HEADER, *([row(**o)[h] for h in HEADER] for o in overrides)]


def write(tmp_path: Path, data: bytes, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_latin1_csv_keeps_jose_and_says_it_was_read_as_windows_1252(
    world: Any, tmp_path: Any
) -> None:
    data = csv_bytes(roster_rows({"member_id": "A-1", "First Name": "José"}), "latin-1")
    outcome = import_roster(write(tmp_path, data), world.union_a, MAPPING)
    assert outcome.is_applied
    assert outcome.encoding == "Windows-1252"
    assert Member.objects.get(member_id="A-1").first_name == "José"


def test_windows_1252_punctuation_is_read_too(tmp_path: Any) -> None:
    data = csv_bytes([["Member ID", "Last Name"], ["A-1", "O’Brien – Smith"]], "cp1252")
    table = read_table(write(tmp_path, data))
    assert table.frame["Last Name"].to_list() == ["O’Brien – Smith"]


def test_a_byte_undefined_in_windows_1252_is_read_as_latin1(tmp_path: Any) -> None:
    data = b"Member ID,Last Name\nA-1,Jos\xe9\x81\n"
    assert read_table(write(tmp_path, data)).encoding == "Latin-1 (ISO-8859-1)"


def test_utf8_is_read_as_utf8(tmp_path: Any) -> None:
    data = csv_bytes([["Member ID", "First Name"], ["A-1", "José 李"]])
    table = read_table(write(tmp_path, data))
    assert (table.encoding, table.frame["First Name"].to_list()) == ("UTF-8", ["José 李"])


def test_a_byte_order_mark_is_not_part_of_the_first_header(tmp_path: Any) -> None:
    data = codecs.BOM_UTF8 + csv_bytes([["Member ID", "First Name"], ["A-1", "José"]])
    table = read_table(write(tmp_path, data))
    assert table.frame.columns == ["Member ID", "First Name"]
    assert table.encoding == "UTF-8 (with a byte-order mark)"


def test_a_utf16_file_is_refused_saying_how_to_save_it_as_utf8(tmp_path: Any) -> None:
    data = csv_bytes([["Member ID"], ["A-1"]], "utf-16")
    with pytest.raises(RosterFileError) as refused:
        read_table(write(tmp_path, data))
    assert "“CSV UTF-8 (Comma delimited)”" in str(refused.value)


def test_the_report_names_the_encoding_read(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    rows = roster_rows({"member_id": "A-100"}, {"member_id": "A-1", "First Name": "José"})
    data = csv_bytes(rows, "cp1252")
    client = cast.client("officer_a")
    client.post(
        reverse("members:import_start"),
        {"union": world.union_a.pk, "file": SimpleUploadedFile("r.csv", data)},
    )
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:import_map", args=[job.pk]), job.mapping)
    page = client.get(reverse("members:import_detail", args=[job.pk])).content.decode()
    assert "✓ Applied" in page
    assert "The file was read as Windows-1252." in page


def test_a_row_with_more_cells_than_the_header_is_a_row_error(world: Any, tmp_path: Any) -> None:
    rows = roster_rows({"member_id": "A-1"}, {"member_id": "A-2"}, {"member_id": "A-3"})
    rows[2] = [*rows[2], "Lopez"]
    outcome = import_roster(write(tmp_path, csv_bytes(rows)), world.union_a, MAPPING)
    assert outcome.errors == [
        {
            "row": 3,
            "column": "",
            "message": "has more cells than the header row (14): “Lopez” has no column name "
            "above it",
        }
    ]
    assert not Member.objects.exists()


def test_empty_cells_past_the_header_are_no_error(world: Any, tmp_path: Any) -> None:
    rows = roster_rows({"member_id": "A-1"})
    rows[1] = [*rows[1], "", ""]
    outcome = import_roster(write(tmp_path, csv_bytes(rows)), world.union_a, MAPPING)
    assert outcome.is_applied


def test_rows_with_extra_cells_are_counted_with_the_other_problems(
    world: Any, tmp_path: Any
) -> None:
    rows = roster_rows({"member_id": "A-1", "Class": "ZZZ"}, {"member_id": "A-2"})
    rows[2] = [*rows[2], "x"]
    outcome = import_roster(write(tmp_path, csv_bytes(rows)), world.union_a, MAPPING)
    assert outcome.errors_total == 2
    assert [(e["row"], e["column"]) for e in outcome.errors] == [(2, "Class"), (3, "")]


def test_a_shorter_row_leaves_its_last_cells_empty(tmp_path: Any) -> None:
    data = b"Member ID,First Name,Phone\nA-1,Ana\n"
    assert read_roster(write(tmp_path, data)).row(0) == ("A-1", "Ana", None)


def test_a_column_with_cells_but_no_name_is_named_for_its_place(tmp_path: Any) -> None:
    data = b"Member ID,,Phone,\nA-1,x,555,\n"
    assert read_roster(write(tmp_path, data)).columns == ["Member ID", "Column 2", "Phone"]


def test_headers_are_trimmed(tmp_path: Any) -> None:
    data = b" Member ID ,First Name \nA-1,Ana\n"
    assert read_roster(write(tmp_path, data)).columns == ["Member ID", "First Name"]


@pytest.mark.parametrize(
    "header", [["Phone", "Phone "], ["Phone", "Phone"]], ids=["after trimming", "as written"]
)
def test_headers_that_clash_are_refused(tmp_path: Any, header: list[str]) -> None:
    data = csv_bytes([["Member ID", *header], ["A-1", "1", "2"]])
    with pytest.raises(RosterFileError, match=r"Two columns of “roster\.csv” are named “Phone”"):
        read_roster(write(tmp_path, data))


def test_headers_that_clash_in_an_xlsx_are_refused(tmp_path: Any) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [row("A-1")], header=[*HEADER, "Phone"])
    with pytest.raises(RosterFileError, match="columns 13 and 15"):
        read_roster(path)


@pytest.mark.parametrize("data", [b"", b"Member ID,First Name\n", b"Member ID,First Name"])
def test_a_file_without_rows_is_refused(tmp_path: Any, data: bytes) -> None:
    with pytest.raises(RosterFileError):
        read_roster(write(tmp_path, data))


def test_only_the_rows_asked_for_are_read(tmp_path: Any) -> None:
    data = csv_bytes(roster_rows(*({"member_id": f"A-{n}"} for n in range(10))))
    assert read_roster(write(tmp_path, data), n_rows=3).height == 3
    path = write_xlsx(tmp_path / "r.xlsx", [row(f"A-{n}") for n in range(10)])
    assert read_roster(path, n_rows=3).height == 3
