"""Roster files for tests, written for real (CSV with the csv module, XLSX with openpyxl)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

HEADER = [
    "Member ID",
    "First Name",
    "Last Name",
    "Unit",
    "Worksite",
    "Class",
    "Step",
    "Hourly Rate",
    "FTE",
    "Hire Date",
    "Language",
    "Email",
    "Phone",
    "Standing",
]


def row(member_id: str = "A-1", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "Member ID": member_id,
        "First Name": "Ana",
        "Last Name": "Lopez",
        "Unit": "A-ST",
        "Worksite": "S1",
        "Class": "CLK",
        "Step": "2",
        "Hourly Rate": "21.50",
        "FTE": "1",
        "Hire Date": "2019-05-01",
        "Language": "es",
        "Email": f"{member_id.lower()}@personal.example",
        "Phone": "555-0100",
        "Standing": "good",
    }
    values.update(overrides)
    return values


def write_csv(path: Path, rows: list[dict[str, Any]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, Any]], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for values in rows:
        sheet.append([values.get(h) for h in header])
    book.save(path)
    return path


def typed_xlsx_row(member_id: str) -> dict[str, Any]:
    """A row as a spreadsheet holds it: numbers and dates, not text."""
    return row(
        member_id, **{"Step": 3, "Hourly Rate": 22.75, "FTE": 0.5, "Hire Date": date(2020, 2, 3)}
    )
