"""The streamed workbook holds what the openpyxl one held, cell for cell, formulas kept, and
opens in openpyxl and in LibreOffice with its formulas calculated."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from caucus.engines.costing.export_xlsx import write_xlsx
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.terms import parse_terms
from caucus.engines.costing.xlsx import Workbook, cell_xml, column_letter
from tests.engines.costing import cases
from tests.engines.costing.workbook_reference import write_xlsx as write_with_openpyxl
from tests.tools import need, need_file


def _run(n: int = 60, sq: dict[str, Any] | None = None, offers: Any = None):  # type: ignore[no-untyped-def]
    roster = cases.generated_roster(n, seed=4)
    proposals = [parse_terms(o()) for o in (offers or (cases.union_offer, cases.employer_offer))]
    return cost_proposals(roster, proposals, parse_terms(sq or cases.status_quo()))


def _values(path: Path) -> dict[str, list[list[Any]]]:
    book = openpyxl.load_workbook(path)
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def test_every_cell_is_the_one_openpyxl_wrote(tmp_path: Path) -> None:
    run = _run()
    write_xlsx(run, tmp_path / "new.xlsx")
    write_with_openpyxl(run, tmp_path / "old.xlsx")
    new, old = _values(tmp_path / "new.xlsx"), _values(tmp_path / "old.xlsx")
    assert list(new) == ["Base year", "Costs", "Groups", "Workers"]
    for name in ("Base year", "Groups", "Workers"):
        assert new[name] == old[name], name
    # Costs: the same 21 columns, then time off, hours worked and wages alone
    assert [row[:21] for row in new["Costs"]] == old["Costs"]
    assert new["Costs"][0][21:] == [
        "Time off", "Hours off", "Hours worked", "Cents per hour worked above base",
        "Status quo wages", "Wages above status quo", "Wages above status quo %",
    ]  # fmt: skip
    assert new["Costs"][1][23] == "=P2-W2"
    assert new["Costs"][1][26] == "=E2-Z2"
    assert new["Costs"][1][27] == "=AA2/'Base year'!$B$4*100"
    assert len(new["Workers"]) == 61


def test_dates_are_dates_and_text_keeps_its_spaces_and_markup(tmp_path: Path) -> None:
    path = tmp_path / "cells.xlsx"
    with Workbook(path) as book, book.sheet("A & B") as sheet:
        sheet.append(["<b> Tom & Jerry </b>", date(2026, 7, 1), 1.5, 7, True, None, "=A9"])
    book_ = openpyxl.load_workbook(path)
    sheet_ = book_["A & B"]
    assert [c.value for c in sheet_[1]] == [
        "<b> Tom & Jerry </b>", datetime(2026, 7, 1), 1.5, 7, True, None, "=A9",  # noqa: DTZ001
    ]  # fmt: skip
    assert sheet_["B1"].number_format == "yyyy-mm-dd"


def test_text_a_spreadsheet_cannot_hold_is_dropped_not_written_broken() -> None:
    assert cell_xml("A1", "bell\x07") == '<c r="A1" t="inlineStr"><is><t>bell</t></is></c>'


def test_columns_are_lettered_as_spreadsheets_do() -> None:
    assert [column_letter(i) for i in (1, 26, 27, 52, 53, 702, 703)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_time_off_counts_in_the_total_and_roll_up_components_get_a_sheet(tmp_path: Path) -> None:
    run = _run(30, cases.status_quo_with_time_off(), [cases.floors_and_leave_offer])
    write_xlsx(run, tmp_path / "leave.xlsx")
    book = openpyxl.load_workbook(tmp_path / "leave.xlsx")
    assert book["Costs"]["K2"].value == "=SUM(E2:J2)+V2"
    assert book["Costs"]["V3"].value == pytest.approx(run.proposals[0].years[1].time_off)
    rollup = [list(r) for r in book["Roll-up"].iter_rows(min_row=2, max_row=2, values_only=True)]
    first = run.proposals[0].years[0].rollup_components[0]
    assert rollup[0][:5] == [run.proposals[0].name, 1, "Social Security", 0.062, False]
    assert rollup[0][5] == pytest.approx(first.amount)


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # LibreOffice Calc, not Writer alone
CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_libreoffice_opens_the_workbook_and_calculates_its_formulas(tmp_path: Path) -> None:
    need("libreoffice")
    need_file(CALC, "LibreOffice Calc")
    run = _run(20)
    write_xlsx(run, tmp_path / "costs.xlsx")
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", CSV_EVERY_SHEET, "--outdir", str(tmp_path), str(tmp_path / "costs.xlsx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    costs = (tmp_path / "costs-Costs.csv").read_text().splitlines()
    total = float(costs[1].split(",")[10])  # K2: =SUM(E2:J2), calculated on opening
    assert total == pytest.approx(run.proposals[0].years[0].total, rel=1e-12)
    workers = (tmp_path / "costs-Workers.csv").read_text().splitlines()
    change = float(workers[1].split(",")[13])  # N2: =J2-F2-Costs!$U$2
    assert change == pytest.approx(float(run.proposals[0].change[0, 0]), rel=1e-12)


def _write_and_stop(path: Path) -> None:
    with Workbook(path) as book, book.sheet("Costs") as sheet:
        sheet.append([1.0])
        raise ValueError("stop here")


def test_an_error_while_a_sheet_is_written_is_raised_and_stops_its_writer(tmp_path: Path) -> None:
    import threading

    with pytest.raises(ValueError, match="stop here"):
        _write_and_stop(tmp_path / "x.xlsx")
    assert not [t for t in threading.enumerate() if t.name == "xlsx-compress"]
