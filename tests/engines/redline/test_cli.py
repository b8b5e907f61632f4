"""``caucus redline`` works on files, without a database."""

import json
import zipfile

import pytest

from caucus.cli import main as caucus_main
from caucus.engines.redline.cli import main


@pytest.fixture
def files(tmp_path):  # type: ignore[no-untyped-def]
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    emp = tmp_path / "employer.txt"
    old.write_bytes(b"Pay is $10.00.\r\nLeave is five days.\r\n")
    new.write_bytes(b"Pay is $12.00.\r\nLeave is five days.\r\n")
    emp.write_bytes(b"Pay is $10.00.\r\nLeave is three days.\r\n")
    return old, new, emp


def test_json_rebuilds_both_files_byte_for_byte(files, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    old, new, _ = files
    assert caucus_main(["caucus", "redline", str(old), str(new)]) == 0
    ops = json.loads(capsysbinary.readouterr().out)
    assert "".join(o["old_text"] for o in ops).encode() == old.read_bytes()
    assert "".join(o["new_text"] for o in ops).encode() == new.read_bytes()
    assert {"op": "replace", "old_text": "$10.00", "new_text": "$12.00"} in ops


def test_three_way_json_names_the_proposers(files, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    old, new, emp = files
    assert main([str(old), str(new), "--employer", str(emp)]) == 0
    chunks = json.loads(capsysbinary.readouterr().out)
    assert [c["proposed_by"] for c in chunks if c["proposed_by"] != "none"] == ["union", "employer"]


def test_html_goes_to_the_output_file(files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new, _ = files
    out = tmp_path / "r.html"
    assert (
        main([str(old), str(new), "--format", "html", "--layout", "side-by-side", "-o", str(out)])
        == 0
    )
    assert "inserted: </span>$12.00" in out.read_text(encoding="utf-8")


def test_docx_is_a_word_file(files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new, _ = files
    out = tmp_path / "r.docx"
    assert main([str(old), str(new), "--format", "docx", "-o", str(out)]) == 0
    assert b"w:ins" in zipfile.ZipFile(out).read("word/document.xml")


def test_missing_file_is_reported_with_exit_code_2(files, capsys) -> None:  # type: ignore[no-untyped-def]
    old, _, _ = files
    assert main([str(old), str(old.parent / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
