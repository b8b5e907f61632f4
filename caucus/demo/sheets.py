"""The demo's comparison sheet: where every article on the table stands, three ways, with a
plain-language summary on the economic ones; built and published."""

from __future__ import annotations

from typing import Any

from caucus.demo.table import Round
from caucus.sheets.actions import (
    RowChange,
    do_create_sheet,
    do_publish,
    do_request_build,
    do_save_rows,
    rows_of,
)
from caucus.sheets.building import run_build
from caucus.sheets.compare import articles_on_the_table
from caucus.sheets.models import Columns, Layout, Sheet
from caucus.table.models import Proposal

SUMMARIES = {
    "14": "Our proposal raises every rate each year and keeps step increases. The company's "
    "raises are smaller and leave steps frozen: compare the percentages marked below.",
    "16": "We ask the company to pay a larger share of health premiums and to cover part-timers "
    "who work fewer hours. Read the marked changes to see where each side stands.",
    "10": "We want two people on duty in every store at all times, so no one works alone.",
}


def _shown_to_members(rnd: Round) -> set[int]:
    """Articles on the table whose passes members may see: a published sheet never shows a
    draft (the scheduling counter being prepared for the next session stays off it)."""
    drafts = Proposal.objects.filter(
        negotiation=rnd.negotiation, status=Proposal.Status.OPEN, is_published=False
    ).values_list("article_id", flat=True)
    return articles_on_the_table(rnd.negotiation) - set(drafts)


def build_sheets(rnd: Round, team: Any) -> Sheet:
    sheet = do_create_sheet(
        team,
        rnd.negotiation,
        title="Where the open articles stand",
        columns=Columns.THREE_WAY,
        layout=Layout.COLUMNS,
        intro="The contract today, with **our** proposals and the **company's** marked in it.",
        included_article_ids=_shown_to_members(rnd),
    )
    changes = [
        RowChange(
            article_id=row.article_id,
            order=row.order,
            included=row.included,
            summary=SUMMARIES.get(row.article.number, ""),
        )
        for row in rows_of(sheet)
    ]
    do_save_rows(team, sheet, changes)
    version = do_request_build(team, sheet, enqueue=False)
    run_build(version.pk)
    version.refresh_from_db()
    do_publish(team, sheet, version)
    return sheet
