"""The member columns an import writes, written once in ``caucus.members.columns``."""

from __future__ import annotations

from typing import Any

from caucus.members.columns import IMPORTED, MEMBER_TABLE_COLUMNS, ROW_COLUMNS, guess_mapping
from caucus.members.importing import load_codes
from caucus.members.models import Member
from caucus.members.roster_files import read_roster
from caucus.members.validation import validate
from caucus.members.writing import members_on_file
from tests.members.files import HEADER, row, write_csv


def test_the_table_columns_are_the_members_columns_in_the_models_order() -> None:
    fields = [f.attname for f in Member._meta.concrete_fields if not f.primary_key]
    assert list(MEMBER_TABLE_COLUMNS) == fields


def test_every_imported_column_names_a_member_field() -> None:
    for column in IMPORTED:
        assert Member._meta.get_field(column.field).attname == column.attname


def test_validation_hands_over_the_clean_rows_columns(world: Any, tmp_path: Any) -> None:
    frame = read_roster(write_csv(tmp_path / "r.csv", [row("A-1")]))
    checked = validate(frame, guess_mapping(HEADER), load_codes(world.union_a))
    assert checked.rows is not None
    assert checked.rows.columns == ["_row", *ROW_COLUMNS]


def test_members_on_file_are_read_in_the_clean_rows_terms(world: Any) -> None:
    world.member(member_id="A-5")
    frame = members_on_file(world.union_a.pk)
    assert frame.columns == ["pk", *ROW_COLUMNS, "is_on_roster"]
    got = frame.row(0, named=True)
    assert (got["rate_cents"], got["fte_milli"], str(got["hire_date"])) == (
        2150,
        1000,
        "2019-05-01",
    )
    assert (got["email_is_employers"], got["is_on_roster"]) == (False, True)
