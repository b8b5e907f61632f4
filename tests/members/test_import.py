"""Importing a roster file: CSV and XLSX, re-imports, the e-mail flag, all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from caucus.members.columns import guess_mapping
from caucus.members.importing import import_roster
from caucus.members.models import Member
from tests.members.files import HEADER, row, typed_xlsx_row, write_csv, write_xlsx

MAPPING = guess_mapping(HEADER)


def run(world: Any, path: Any, **kwargs: Any) -> Any:
    return import_roster(path, world.union_a, MAPPING, **kwargs)


def test_mapping_is_guessed_from_common_header_names() -> None:
    mapping = guess_mapping(
        ["member_no", "Given Name", "SURNAME", "E-mail", "Date of Hire", "Rate"]
    )
    assert mapping == {
        "member_id": "member_no",
        "first_name": "Given Name",
        "last_name": "SURNAME",
        "email": "E-mail",
        "hire_date": "Date of Hire",
        "hourly_rate": "Rate",
    }


def test_csv_import_adds_members_with_their_fields(world: Any, tmp_path: Any) -> None:
    path = write_csv(
        tmp_path / "roster.csv", [row("A-1"), row("A-2", **{"Hourly Rate": "$1,021.5"})]
    )
    outcome = run(world, path)
    assert outcome.summary()["added"] == 2
    first = Member.objects.get(union=world.union_a, member_id="A-1")
    assert (first.full_name, first.unit, first.worksite, first.classification) == (
        "Ana Lopez",
        world.unit_a,
        world.worksite,
        world.classification,
    )
    assert (first.step, first.hourly_rate, first.fte, first.hire_date, first.language) == (
        2,
        Decimal("21.50"),
        Decimal("1.000"),
        date(2019, 5, 1),
        "es",
    )
    assert Member.objects.get(member_id="A-2").hourly_rate == Decimal("1021.50")


def test_xlsx_import_reads_numbers_and_dates_from_cells(world: Any, tmp_path: Any) -> None:
    path = write_xlsx(tmp_path / "roster.xlsx", [typed_xlsx_row("A-7")])
    outcome = run(world, path)
    assert outcome.is_valid
    assert outcome.added == 1
    member = Member.objects.get(member_id="A-7")
    assert (member.step, member.hourly_rate, member.fte, member.hire_date) == (
        3,
        Decimal("22.75"),
        Decimal("0.500"),
        date(2020, 2, 3),
    )


def test_optional_fields_left_empty_take_the_defaults(world: Any, tmp_path: Any) -> None:
    empty = {"Step": "", "FTE": "", "Language": "", "Email": "", "Phone": "", "Standing": ""}
    run(world, write_csv(tmp_path / "r.csv", [row("A-1", **empty)]))
    member = Member.objects.get(member_id="A-1")
    assert (member.step, member.fte, member.language, member.email, member.standing) == (
        1,
        Decimal("1.000"),
        "en",
        "",
        "good",
    )


def test_reimport_counts_added_changed_unchanged_and_dropped(world: Any, tmp_path: Any) -> None:
    run(world, write_csv(tmp_path / "one.csv", [row("A-1"), row("A-2"), row("A-3")]))
    second = [row("A-1"), row("A-2", **{"Hourly Rate": "23.00"}), row("A-4")]
    outcome = run(world, write_csv(tmp_path / "two.csv", second), confirm_drop=1)
    assert (outcome.added, outcome.changed, outcome.unchanged, outcome.removed) == (1, 1, 1, 1)
    assert Member.objects.get(member_id="A-2").hourly_rate == Decimal("23.00")


def test_members_no_longer_on_the_roster_are_kept_not_deleted(world: Any, tmp_path: Any) -> None:
    run(world, write_csv(tmp_path / "one.csv", [row("A-1"), row("A-2")]))
    run(world, write_csv(tmp_path / "two.csv", [row("A-1")]), confirm_drop=1)
    dropped = Member.objects.get(member_id="A-2")
    assert dropped.is_on_roster is False


def test_a_dropped_member_who_returns_is_back_on_the_roster(world: Any, tmp_path: Any) -> None:
    run(world, write_csv(tmp_path / "one.csv", [row("A-1")]))
    run(world, write_csv(tmp_path / "two.csv", [row("A-2")]), confirm_drop=1)
    outcome = run(world, write_csv(tmp_path / "three.csv", [row("A-1"), row("A-2")]))
    assert (outcome.changed, outcome.unchanged) == (1, 1)
    assert Member.objects.get(member_id="A-1").is_on_roster is True


def test_reimport_leaves_another_unions_members_alone(world: Any, tmp_path: Any) -> None:
    other = world.member(union=world.union_b, member_id="A-9")
    run(world, write_csv(tmp_path / "one.csv", [row("A-1")]))
    other.refresh_from_db()
    assert other.is_on_roster is True
    assert other.union == world.union_b


def test_an_address_on_the_employers_domain_is_flagged(world: Any, tmp_path: Any) -> None:
    rows = [
        row("A-1", Email="ana@MegaCorp.example"),
        row("A-2", Email="b@mail.megacorp.example"),
        row("A-3"),
    ]
    outcome = run(world, write_csv(tmp_path / "r.csv", rows))
    assert outcome.flagged_emails == 2
    flagged = set(
        Member.objects.filter(email_is_employers=True).values_list("member_id", flat=True)
    )
    assert flagged == {"A-1", "A-2"}


def test_domains_from_settings_are_flagged_too(world: Any, tmp_path: Any, settings: Any) -> None:
    settings.CAUCUS_EMPLOYER_EMAIL_DOMAINS = ["megacorp-stores.example"]
    outcome = run(
        world, write_csv(tmp_path / "r.csv", [row("A-1", Email="a@megacorp-stores.example")])
    )
    assert outcome.flagged_emails == 1


def test_dry_run_reports_counts_and_writes_nothing(world: Any, tmp_path: Any) -> None:
    outcome = run(world, write_csv(tmp_path / "r.csv", [row("A-1"), row("A-2")]), dry_run=True)
    assert outcome.added == 2
    assert not Member.objects.filter(member_id__in=["A-1", "A-2"]).exists()


def test_a_file_with_one_bad_row_changes_nothing(world: Any, tmp_path: Any) -> None:
    run(world, write_csv(tmp_path / "one.csv", [row("A-1"), row("A-2")]))
    rows = [row("A-1", **{"Hourly Rate": "30.00"}), row("A-3"), row("A-4", Unit="NOPE")]
    outcome = run(world, write_csv(tmp_path / "two.csv", rows))
    assert outcome.errors == [
        {"row": 4, "column": "Unit", "message": "unknown unit code “NOPE” for Local A"}
    ]
    assert Member.objects.get(member_id="A-1").hourly_rate == Decimal("21.50")
    assert not Member.objects.filter(member_id="A-3").exists()
    assert Member.objects.get(member_id="A-2").is_on_roster is True


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("First Name", "", "is required"),
        ("Hire Date", "", "is required"),
        ("Unit", "B-ST", "unknown unit code “B-ST” for Local A"),
        ("Worksite", "S9", "unknown worksite code “S9”"),
        ("Class", "MGR", "unknown classification code “MGR”"),
        ("Step", "two", "“two” is not a whole number"),
        ("Step", "0", "must be 1 or more"),
        ("Step", "6", "step 6 is above the classification's top step 5"),
        ("Hourly Rate", "21.505", "“21.505” is not a rate like 21.50"),
        ("Hourly Rate", "-3", "“-3” is not a rate like 21.50"),
        ("FTE", "2", "must be more than 0 and at most 1.5"),
        ("FTE", "0", "must be more than 0 and at most 1.5"),
        ("FTE", "full", "“full” is not an FTE like 0.75"),
        ("Hire Date", "2019-13-01", "“2019-13-01” is not a date (YYYY-MM-DD or MM/DD/YYYY)"),
        ("Hire Date", "2999-01-01", "is in the future"),
        ("Email", "ana at home", "“ana at home” is not an e-mail address"),
        ("Language", "Spanish!", "“Spanish!” is not a language code like en or es"),
        ("Standing", "maybe", "“maybe” is not a standing (good, not good, non-member)"),
        ("Last Name", "x" * 101, "is longer than 100 characters"),
    ],
)
def test_each_problem_is_reported_by_row_and_column(
    world: Any, tmp_path: Any, column: str, value: str, message: str
) -> None:
    rows = [row("A-1"), row("A-2", **{column: value})]
    outcome = run(world, write_csv(tmp_path / "r.csv", rows))
    assert outcome.errors == [{"row": 3, "column": column, "message": message}]


def test_a_duplicate_member_id_names_the_first_row(world: Any, tmp_path: Any) -> None:
    rows = [row("A-1"), row("A-2"), row("A-1", **{"First Name": "Other"})]
    outcome = run(world, write_csv(tmp_path / "r.csv", rows))
    assert outcome.errors == [
        {"row": 4, "column": "Member ID", "message": "duplicate member ID “A-1”, first on row 2"}
    ]


def test_us_style_dates_are_read(world: Any, tmp_path: Any) -> None:
    run(world, write_csv(tmp_path / "r.csv", [row("A-1", **{"Hire Date": "03/04/2021"})]))
    assert Member.objects.get(member_id="A-1").hire_date == date(2021, 3, 4)


def test_an_unmapped_required_field_is_reported_on_the_header_row(
    world: Any, tmp_path: Any
) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1")])
    mapping = {k: v for k, v in MAPPING.items() if k != "hire_date"}
    outcome = import_roster(path, world.union_a, mapping)
    assert outcome.errors == [
        {"row": 1, "column": "Hire date", "message": "no column is mapped to it"}
    ]


def test_problems_in_xlsx_are_reported_by_spreadsheet_row(world: Any, tmp_path: Any) -> None:
    rows = [
        typed_xlsx_row("A-1"),
        typed_xlsx_row("A-2"),
        {**typed_xlsx_row("A-3"), "Worksite": "S9"},
    ]
    outcome = run(world, write_xlsx(tmp_path / "r.xlsx", rows))
    assert outcome.errors == [
        {"row": 4, "column": "Worksite", "message": "unknown worksite code “S9”"}
    ]


def test_an_applied_import_and_its_audit_row_are_one_transaction(
    world: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """If the audit row cannot be written, no member changes: the roster never changes
    without its record."""
    from caucus.audit.models import AuditEvent
    from caucus.members import importing

    def audit_fails(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit log unavailable")

    path = write_csv(tmp_path / "one.csv", [row("A-9")])
    monkeypatch.setattr(importing, "record", audit_fails)
    before = Member.objects.count()
    with pytest.raises(RuntimeError):
        importing.do_import_roster(None, world.union_a, path, MAPPING, name="one.csv")
    assert Member.objects.count() == before
    assert not AuditEvent.objects.filter(action="roster.import").exists()
