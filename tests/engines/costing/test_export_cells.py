"""The costing workbook shows the inputs' text as text: a name that starts like a formula is
kept behind an apostrophe, while the formulas the workbook means stay formulas."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from caucus.engines.costing import cells
from caucus.engines.costing.export_xlsx import write_xlsx
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.terms import parse_terms
from caucus.lib import spreadsheet
from tests.engines.costing import cases

LINK = '=HYPERLINK("http://x","y")'
YEAR = {"start": "2026-07-01", "years": 1}


def workbook(tmp_path: Path, proposal: str = "Union pass 1", **text: str) -> openpyxl.Workbook:
    fields = {"id": "1", "local": "Local 1", "unit": "Hospital", "region": "North"}
    fields["classification"] = "Porter"
    fields.update(text)
    roster = cases.roster_of(cases.worker(**fields))
    raises = [{"effective": "2026-07-01", "percent": 3}]
    offer = parse_terms({"name": proposal, "term": YEAR, "raises": raises})
    run = cost_proposals(roster, [offer], parse_terms({"term": YEAR}))
    path = tmp_path / "costs.xlsx"
    write_xlsx(run, path)
    return openpyxl.load_workbook(path)


@pytest.mark.parametrize(
    ("field", "column"), [("id", "A"), ("local", "B"), ("unit", "C"), ("classification", "E")]
)
def test_a_workers_text_that_starts_like_a_formula_is_text(
    tmp_path: Path, field: str, column: str
) -> None:
    cell = workbook(tmp_path, **{field: LINK})["Workers"][f"{column}2"]
    assert cell.data_type == "s"
    assert cell.value == "'" + LINK


def test_a_group_named_like_a_formula_is_text_on_the_groups_sheet(tmp_path: Path) -> None:
    sheet = workbook(tmp_path, region="@SUM(A1:A9)")["Groups"]
    keys = [row[2].value for row in sheet.iter_rows(min_row=2) if row[1].value == "region"]
    assert keys == ["'@SUM(A1:A9)"]


def test_a_proposal_named_like_a_formula_is_text_on_every_sheet(tmp_path: Path) -> None:
    book = workbook(tmp_path, proposal="+1+1")
    assert book["Costs"]["A2"].value == "'+1+1"
    assert book["Groups"]["A2"].value == "'+1+1"
    assert book["Workers"]["F1"].value == "'+1+1: status quo Y1"


def test_the_workbooks_own_formulas_stay_formulas(tmp_path: Path) -> None:
    book = workbook(tmp_path, id=LINK)
    assert book["Costs"]["K2"].data_type == "f"
    assert book["Costs"]["K2"].value == "=SUM(E2:J2)"
    assert book["Workers"]["H2"].value == "=G2-F2-Costs!$U$2"
    assert book["Base year"]["B9"].value == "=B4+B6+B7+B8"


@pytest.mark.parametrize("text", [LINK, "@SUM(1)", "+1+1", "-2+3", "\tx", "\rx"])
def test_each_start_a_spreadsheet_runs_is_kept_as_text(text: str) -> None:
    assert cells.text_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Local 1", "O'Brien", "1-2", " =x"])
def test_other_text_is_unchanged(text: str) -> None:
    assert cells.text_cell(text) == text


def test_the_engines_rule_is_the_apps_rule() -> None:
    assert cells.FORMULA_STARTS == spreadsheet.FORMULA_STARTS
