"""Printing a sheet in parts: many pages at once in worker processes, bound in order."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from caucus.engines.redline.render_pdf import PARALLEL_FROM, join_pdfs, part_key, render_pdfs
from tests.tools import need


def _page(k: int) -> str:
    return (
        f"<!DOCTYPE html><html><body><h1>Article {k}</h1><p>{'word ' * (40 * k)}</p></body></html>"
    )


def test_parts_printed_by_two_workers_bind_into_one_pdf_in_order(tmp_path: Path) -> None:
    pytest.importorskip("pypdf", reason="pypdf binds the parts (pyproject does not list it yet)")
    pdftotext = need("pdftotext")
    pages = [_page(k) for k in range(1, PARALLEL_FROM + 2)]
    parts = render_pdfs(pages, processes=2)
    assert all(part.startswith(b"%PDF") for part in parts)
    path = tmp_path / "joined.pdf"
    path.write_bytes(join_pdfs(parts))
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    headings = [line for line in text.splitlines() if line.startswith("Article ")]
    assert headings == [f"Article {k}" for k in range(1, PARALLEL_FROM + 2)]
    assert text.count("\f") == len(pages)


def test_a_part_is_named_by_what_it_prints() -> None:
    assert part_key(_page(1)) == part_key(_page(1))
    assert part_key(_page(1)) != part_key(_page(2))
