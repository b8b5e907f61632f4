"""``caucus tally`` on files: JSON and text out, refusals on stderr with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caucus.cli import main as caucus_main
from caucus.engines.ballots.cli import main

RULE = """
name = "2026 tentative agreement"
scope = "both"

[default]
threshold = "majority"
quorum = "1/2"

[locals.local-12]
threshold = "2/3"

[coalition]
threshold = "majority"
switch = { turnout = "1/2", below = { reject_at_least = "2/3" } }
"""
TALLIES = """local,eligible,yes,no,void
local-12,3000,2000,1000,0
local-2,3000,1237,0,4
local-3,5000,2900,300,10
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "rule.toml").write_text(RULE)
    (tmp_path / "tallies.csv").write_text(TALLIES)
    return {"rule": tmp_path / "rule.toml", "tallies": tmp_path / "tallies.csv", "dir": tmp_path}


def test_tally_command_prints_json_with_every_local_and_the_coalition(files, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = ["caucus", "tally", str(files["rule"]), str(files["tallies"]), "--format", "json"]
    assert caucus_main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["format"], out["name"], out["scope"], out["passes"]) == (
        1,
        "2026 tentative agreement",
        "both",
        False,
    )
    assert out["reason"] == (
        "fails: local-2 fails (2 of 3 locals pass); the coalition-wide vote passes"
    )
    assert [r["key"] for r in out["locals"]] == ["local-2", "local-3", "local-12"]
    assert out["locals"][2] == {
        "key": "local-12",
        "eligible": 3000,
        "yes": 2000,
        "no": 1000,
        "void": 0,
        "cast": 3000,
        "turnout_count": 3000,
        "turnout": "1/1",
        "turnout_percent": 100.0,
        "yes_share": "2/3",
        "yes_percent": 66.67,
        "passes": True,
        "rule": "at least 2/3 of votes cast; quorum 50% of eligible",
        "reason": "2,000 yes of 3,000 votes cast = exactly 2/3, needs at least 2/3: passes",
        "paradox": None,
    }
    assert out["coalition"]["yes"] == 2000 + 1237 + 2900
    assert out["paradoxes"] == []


def test_tally_command_prints_text_for_a_person(files, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(files["rule"]), str(files["tallies"]), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "2026 tentative agreement (each local, and all locals together)",
        "FAILS: local-2 fails (2 of 3 locals pass); the coalition-wide vote passes",
    ]
    assert "local-2       3,000  1,237      0     4    41.2%  fails" in lines
    assert (
        "  local-2: turnout 41.2% (1,237 of 3,000 eligible) is below the quorum of 50%: "
        "fails though 100% voted yes"
    ) in lines


def test_tally_command_writes_the_output_file(files) -> None:  # type: ignore[no-untyped-def]
    out = files["dir"] / "outcome.json"
    assert main([str(files["rule"]), str(files["tallies"]), "--output", str(out)]) == 0
    assert json.loads(out.read_text())["passes"] is False


def test_a_bad_rule_exits_2_naming_the_field(files, capsys) -> None:  # type: ignore[no-untyped-def]
    files["rule"].write_text(RULE.replace('threshold = "2/3"', 'threshold = "abc"'))
    assert main([str(files["rule"]), str(files["tallies"])]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        'locals.local-12.threshold: must be a fraction like "2/3" or "1/2", not "abc"\n'
    )
    assert captured.out == ""


def test_bad_tallies_exit_2_naming_the_row_and_column(files, capsys) -> None:  # type: ignore[no-untyped-def]
    files["tallies"].write_text(TALLIES.replace("local-3,5000,2900", "local-3,5000,-2900"))
    assert main([str(files["rule"]), str(files["tallies"])]) == 2
    assert capsys.readouterr().err == "row 4, yes: -2900 is negative\n"


def test_a_rule_for_a_local_with_no_tally_exits_2(files, capsys) -> None:  # type: ignore[no-untyped-def]
    files["tallies"].write_text(TALLIES.replace("local-12,3000,2000,1000,0\n", ""))
    assert main([str(files["rule"]), str(files["tallies"])]) == 2
    assert capsys.readouterr().err == "locals.local-12: no tally for this local\n"


def test_a_missing_file_exits_2(files, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(files["rule"]), str(files["dir"] / "missing.csv")]) == 2
    assert "missing.csv" in capsys.readouterr().err
