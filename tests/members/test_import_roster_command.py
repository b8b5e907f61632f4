"""``caucus import-roster``: summary on success, row errors and exit codes otherwise."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connections

from caucus.audit.models import AuditEvent
from caucus.cli import main
from caucus.members.models import Member
from tests.members.files import HEADER, row, write_csv


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch: Any) -> None:
    # run_from_argv closes every connection when a command ends; the test's own must survive.
    monkeypatch.setattr(connections, "close_all", lambda: None)


def run(*args: str) -> int:
    try:
        return main(["caucus", "import-roster", *args])
    except SystemExit as stop:
        return int(stop.code or 0)


def test_the_command_imports_and_prints_a_summary(world: Any, tmp_path: Any, capsys: Any) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1"), row("A-2")])
    assert run(str(path), "--union", "local-a") == 0
    assert "Local A: 2 rows applied: 2 added, 0 changed" in capsys.readouterr().out
    assert Member.objects.filter(union=world.union_a).count() == 2


def test_the_command_audit_logs_the_import(world: Any, tmp_path: Any) -> None:
    run(str(write_csv(tmp_path / "r.csv", [row("A-1")])), "--union", "local-a")
    event = AuditEvent.objects.get(action="roster.import")
    assert (event.union, event.actor_label, event.detail["added"]) == (world.union_a, "system", 1)


def test_bad_rows_exit_1_with_each_problem_and_change_nothing(
    world: Any, tmp_path: Any, capsys: Any
) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1"), row("A-2", FTE="9")])
    assert run(str(path), "--union", "local-a") == 1
    assert "row 3, column FTE: must be more than 0 and at most 1.5" in capsys.readouterr().err
    assert not Member.objects.filter(member_id="A-1").exists()


def test_an_unknown_union_exits_2(world: Any, tmp_path: Any) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1")])
    assert run(str(path), "--union", "nowhere") == 2


def test_a_missing_file_exits_2(world: Any, tmp_path: Any) -> None:
    assert run(str(tmp_path / "none.csv"), "--union", "local-a") == 2


def test_dry_run_prints_what_would_change_and_writes_nothing(
    world: Any, tmp_path: Any, capsys: Any
) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1")])
    assert run(str(path), "--union", "local-a", "--dry-run") == 0
    assert "1 rows would change: 1 added" in capsys.readouterr().out
    assert not Member.objects.filter(member_id="A-1").exists()
    assert not AuditEvent.objects.filter(action="roster.import").exists()


def test_a_mapping_names_columns_the_guess_misses(world: Any, tmp_path: Any) -> None:
    header = ["Badge" if h == "Member ID" else h for h in HEADER]
    rows = [{**row("A-1"), "Badge": "A-77"}]
    path = write_csv(tmp_path / "r.csv", rows, header=header)
    assert run(str(path), "--union", "local-a") == 1
    assert (
        run(str(path), "--union", "local-a", "--mapping", json.dumps({"member_id": "Badge"})) == 0
    )
    assert Member.objects.filter(member_id="A-77").exists()


@pytest.mark.parametrize("mapping", ['{"badge": "Badge"}', "{not json"])
def test_a_bad_mapping_exits_2(world: Any, tmp_path: Any, mapping: str) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1")])
    assert run(str(path), "--union", "local-a", "--mapping", mapping) == 2
