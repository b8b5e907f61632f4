"""Fixtures for sheets: passes on the world's two articles, and a sheet built from them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.table.builders import Table


class Sheets:
    """Builders for sheets on the test world: passes on wages, a sheet, a built version."""

    def __init__(self, world: Any, cast: Any) -> None:
        self.world = world
        self.cast = cast
        self.table = Table(world)
        self.slug = world.negotiation.slug

    def passes(self) -> None:
        """Wages: the union asks 5%, the employer offered 1% then 0.5% (a regressive move)."""
        w = self.world
        self.table.proposal(
            "union",
            w.article_wages,
            title="Wages: 5%",
            text="Employees shall receive a raise of 5% on April 1.",
            passed_on=date(2026, 3, 2),
        )
        self.table.proposal(
            "employer",
            w.article_wages,
            title="Wages: 1%",
            text="Employees shall receive a raise of 1% on April 1.",
            passed_on=date(2026, 3, 9),
            status="superseded",
        )
        self.table.proposal(
            "employer",
            w.article_wages,
            kind="counter",
            title="Wages: 0.5%",
            text="Employees shall receive a raise of 0.5% on July 1.",
            passed_on=date(2026, 3, 16),
        )

    def sheet(self, columns: str = "three_way", layout: str = "inline", **kw: Any) -> Any:
        from caucus.sheets.actions import do_create_sheet
        from caucus.sheets.compare import articles_on_the_table

        return do_create_sheet(
            self.cast["team"],
            self.world.negotiation,
            title=kw.pop("title", "Where wages stand"),
            columns=columns,
            layout=layout,
            included_article_ids=kw.pop("included", articles_on_the_table(self.world.negotiation)),
            **kw,
        )

    def built(self, sheet: Any, summary: str = "") -> Any:
        from caucus.sheets.actions import do_request_build

        if summary:
            sheet.rows.filter(included=True).update(summary=summary)
        with self.cast.django_capture_on_commit_callbacks(execute=True):
            version = do_request_build(self.cast["team"], sheet)
        version.refresh_from_db()
        return version

    def published(self, columns: str = "three_way", layout: str = "inline") -> Any:
        from caucus.sheets.actions import do_publish

        self.passes()
        sheet = self.sheet(columns, layout)
        version = self.built(sheet, summary="The employer now offers **half** a percent.")
        do_publish(self.cast["team"], sheet, version)
        sheet.refresh_from_db()
        return sheet


@pytest.fixture
def sheets(world: Any, cast: Any, django_capture_on_commit_callbacks: Any) -> Sheets:
    cast.django_capture_on_commit_callbacks = django_capture_on_commit_callbacks
    return Sheets(world, cast)
