"""Sheets in the JSON API: published ones for staff, drafts and other versions for the team."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
BASE = "/api/negotiations/national-2026/sheets"


def _get(cast: Any, who: str, path: str) -> Any:
    from caucus.accounts.models import ApiToken

    _, raw = ApiToken.issue(cast[who], "tests")
    return Client().get(path, headers={"Authorization": f"Bearer {raw}"})


def test_staff_read_a_published_sheet_with_its_redline_operations(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    body = _get(cast, "comms", f"{BASE}/{sheet.pk}").json()
    assert body["sheet"]["url"] == sheet.get_public_url()
    assert body["number"] == 1
    (row,) = body["rows"]
    assert row["heading"] == "Article 12: Wages"
    assert row["summary"] == "The employer now offers **half** a percent."
    assert "".join(op["new_text"] for op in row["ops"] if op.get("by") != "union").endswith("1.")
    assert {op.get("by") for op in row["ops"]} >= {"union", "employer"}


def test_drafts_are_listed_for_the_team_only(cast: Any, sheets: Any) -> None:
    published = sheets.published()
    draft = sheets.sheet(title="Draft sheet")
    team = [s["title"] for s in _get(cast, "team", BASE).json()["items"]]
    comms = [s["title"] for s in _get(cast, "comms", BASE).json()["items"]]
    assert team == ["Draft sheet", published.title]
    assert comms == [published.title]
    assert _get(cast, "comms", f"{BASE}/{draft.pk}").status_code == 404


def test_the_team_reads_a_version_that_is_not_published(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    sheet.rows.update(summary="Newer words.")
    sheets.built(sheet)
    assert _get(cast, "team", f"{BASE}/{sheet.pk}?version=2").json()["rows"][0]["summary"] == (
        "Newer words."
    )
    assert _get(cast, "comms", f"{BASE}/{sheet.pk}?version=2").status_code == 404
    assert _get(cast, "team", f"{BASE}/{sheet.pk}?version=9").status_code == 404
