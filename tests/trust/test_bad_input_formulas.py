"""Bad input changes nothing: text that starts like a formula is exported as text.

Names such as ``=HYPERLINK(…)``, ``@SUM(…)``, ``+1+1`` or ``-2+3`` came out of the roster export
and the costing workbook unchanged, so a spreadsheet ran them. Every export a spreadsheet opens
now keeps such a cell as text behind an apostrophe (OWASP's rule); each test reads the file back
with the library of its format.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from caucus.audit.log import record
from tests.costing.helpers import finished_run

LINK = '=HYPERLINK("http://x","y")'


def exported(client: Any, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("field", "column"),
    [
        ("first_name", "First name"),
        ("last_name", "Last name"),
        ("member_id", "Member ID"),
        ("phone", "Phone"),
    ],
)
def test_the_roster_export_keeps_a_members_field_as_text(
    cast: Any, world: Any, field: str, column: str
) -> None:
    world.member(**{"member_id": "A-7", field: LINK})
    rows = exported(cast.client("officer_a"), reverse("members:export"))
    (cell,) = [r[column] for r in rows if LINK in r[column]]
    assert cell == "'" + LINK


@pytest.mark.parametrize("text", ["@SUM(A1:A9)", "+1+1", "-2+3", "\t=1", "\r=1"])
def test_the_roster_export_keeps_each_formula_start_as_text(
    cast: Any, world: Any, text: str
) -> None:
    world.member(member_id="A-7", first_name=text)
    rows = exported(cast.client("officer_a"), reverse("members:export"))
    assert [r["First name"] for r in rows if r["Member ID"] == "A-7"] == ["'" + text]


def test_the_roster_export_keeps_a_local_and_a_classification_as_text(
    cast: Any, world: Any
) -> None:
    world.union_a.short_name = LINK
    world.union_a.save()
    world.classification.code = "-CLK+1"
    world.classification.save()
    (row,) = exported(cast.client("officer_a"), reverse("members:export"))
    assert row["Local"] == "'" + LINK
    assert row["Classification code"] == "'-CLK+1"


def test_the_roster_export_leaves_numbers_and_plain_text_alone(cast: Any, world: Any) -> None:
    (row,) = exported(cast.client("officer_a"), reverse("members:export"))
    assert (row["First name"], row["Hourly rate"], row["Step"]) == ("Mara", "21.50", "2")


def test_the_audit_export_keeps_a_user_named_like_a_formula_as_text(cast: Any) -> None:
    user = cast["officer_a"]
    user.username = LINK
    user.save()
    record(user, "roster.export", rows=1)
    rows = exported(cast.client("admin"), reverse("audit:export"))
    assert [r["Who"] for r in rows if r["What"] == "roster.export"] == ["'" + LINK]


def test_the_costing_workbook_keeps_a_local_and_a_classification_as_text(
    cast: Any, world: Any
) -> None:
    world.union_a.short_name = LINK
    world.union_a.save()
    world.classification.title = "@Clerk"
    world.classification.save()
    run = finished_run(cast, world)
    response = cast.client("team").get(reverse("costing:export", args=[run.pk]))
    workers = load_workbook(io.BytesIO(response.content))["Workers"]
    header = [c.value for c in workers[1]]
    local, classification = header.index("Local") + 1, header.index("Classification") + 1
    cells = [workers.cell(row=r, column=local) for r in range(2, workers.max_row + 1)]
    assert {c.value for c in cells} == {"'" + LINK, "Local B"}
    assert all(c.data_type == "s" for c in cells)
    assert workers.cell(row=2, column=classification).value == "'@Clerk"
    assert str(workers.cell(row=2, column=workers.max_column).value).startswith("=SUM(")
