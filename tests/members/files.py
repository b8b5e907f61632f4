"""Roster files for tests, written for real (CSV with the csv module, XLSX with openpyxl)."""

from __future__ import annotations

import csv
import io
import struct
import zipfile
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


# ZIP-based Office files that unpack to far more than they weigh, built small on disk.


def xlsx_bytes(rows: list[dict[str, Any]], header: list[str] = HEADER) -> bytes:
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for values in rows:
        sheet.append([values.get(h) for h in header])
    book.save(buffer)
    return buffer.getvalue()


def with_part(archive: bytes, name: str, data: bytes) -> bytes:
    """The ZIP with its part ``name`` replaced by ``data`` (deflated)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, data if item.filename == name else source.read(item))
    return out.getvalue()


def padded(xml: bytes, size: int) -> bytes:
    """The XML with a comment of ``size`` spaces before its last closing tag: valid, and packed
    about a thousand times smaller than it unpacks."""
    end = xml.rindex(b"</")
    return xml[:end] + b"<!--" + b" " * size + b"-->" + xml[end:]


def declaring_less(archive: bytes, name: str, size: int) -> bytes:
    """The ZIP with the part's unpacked size written as ``size`` in its directory entry and
    its local header, whatever the data really holds."""
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        info = source.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if bytes(data[entry + 46 : entry + 46 + length]) == name.encode():
            struct.pack_into("<I", data, entry + 24, size)
        entry = data.find(b"PK\x01\x02", entry + 4)
    return bytes(data)


SHEET = "xl/worksheets/sheet1.xml"


def xlsx_unpacking_to(size: int, rows: list[dict[str, Any]] | None = None) -> bytes:
    """A real roster XLSX whose sheet unpacks to ``size`` bytes more than it holds."""
    book = xlsx_bytes(rows or [row("A-1")])
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        sheet = source.read(SHEET)
    return with_part(book, SHEET, padded(sheet, size))
