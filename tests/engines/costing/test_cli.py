"""``caucus cost`` on files: JSON and XLSX out, refusals on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from caucus.cli import main as caucus_main
from tests.engines.costing.cases import worker

SQ = """
[term]
start = 2026-01-01
years = 2

[[scales]]
classification = "Nurse"
rates = [30.0, 31.5]
"""
OFFER = """
name = "Union pass 2"

[[raises]]
effective = 2026-01-01
percent = 3.0

[[raises]]
effective = 2027-01-01
percent = 3.0
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    rows = [worker(local="Local 1", rate=20.0), worker(local="Local 2", rate=25.0, hours=1040.0)]
    roster = tmp_path / "roster.csv"
    pl.DataFrame(rows).write_csv(roster)
    (tmp_path / "sq.toml").write_text(SQ)
    (tmp_path / "offer.toml").write_text(OFFER)
    return {
        "roster": roster,
        "sq": tmp_path / "sq.toml",
        "offer": tmp_path / "offer.toml",
        "dir": tmp_path,
    }


def test_cost_command_prints_json_with_years_groups_and_workers(files, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = [
        "caucus",
        "cost",
        str(files["roster"]),
        str(files["offer"]),
        "--status-quo",
        str(files["sq"]),
    ]
    assert caucus_main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    proposal = out["proposals"][0]
    assert (out["format"], out["version"], proposal["name"]) == (
        "caucus-costing",
        1,
        "Union pass 2",
    )
    assert out["base_year"]["payroll"] == 20.0 * 2080 + 25.0 * 1040
    assert proposal["years"][0]["above_status_quo"] == round(0.03 * (20.0 * 2080 + 25.0 * 1040), 2)
    assert [g["key"] for g in proposal["groups"]["local"]] == ["Local 1", "Local 2"]
    assert proposal["workers"][1] == {
        "id": "2",
        "pay": [26780.0, 27583.4],
        "status_quo_pay": [26000.0, 26000.0],
        "change": [780.0, 1583.4],
    }


def test_cost_command_writes_a_workbook_with_formulas(files) -> None:  # type: ignore[no-untyped-def]
    out = files["dir"] / "costs.xlsx"
    argv = [
        str(files["roster"]),
        str(files["offer"]),
        "--status-quo",
        str(files["sq"]),
        "--format",
        "xlsx",
        "--output",
        str(out),
    ]
    from caucus.engines.costing.cli import main

    assert main(argv) == 0
    book = openpyxl.load_workbook(out)
    costs = book["Costs"]
    assert costs["A2"].value == "Union pass 2"
    assert costs["K2"].value == "=SUM(E2:J2)"
    assert costs["M2"].value == "=K2-L2"
    assert book["Workers"]["J2"].value == "=H2-F2-Costs!$U$2"
    assert book["Base year"]["B4"].value == 20.0 * 2080 + 25.0 * 1040


def test_cost_command_refuses_bad_terms_naming_the_field(files, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = files["dir"] / "bad.json"
    bad.write_text(json.dumps({"raises": [{"effective": "2027-02-30", "percent": 2}]}))
    from caucus.engines.costing.cli import main

    assert main([str(files["roster"]), str(bad)]) == 2
    assert capsys.readouterr().err == "raises[0].effective: 2027-02-30 is not a date\n"
