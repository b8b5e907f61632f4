"""The demo's comparison sheet: where every article on the table stands, three ways, with a
plain-language summary on the economic ones; built and published."""

from __future__ import annotations

from typing import Any

from caucus.demo.table import Round
from caucus.sheets.actions import do_create_sheet, do_publish, do_request_build
from caucus.sheets.building import run_build
from caucus.sheets.compare import articles_on_the_table
from caucus.sheets.models import Columns, Layout, Sheet

SUMMARIES = {
    "14": "Our proposal raises every rate each year and keeps step increases. The company's "
    "raises are smaller and leave steps frozen: compare the percentages marked below.",
    "16": "We ask the company to pay a larger share of health premiums and to cover part-timers "
    "who work fewer hours. Read the marked changes to see where each side stands.",
    "10": "We want two people on duty in every store at all times, so no one works alone.",
}


def build_sheets(rnd: Round, team: Any) -> Sheet:
    sheet = do_create_sheet(
        team,
        rnd.negotiation,
        title="Where the open articles stand",
        columns=Columns.THREE_WAY,
        layout=Layout.INLINE,
        intro="The contract today, with **our** proposals and the **company's** marked in it.",
        included_article_ids=articles_on_the_table(rnd.negotiation),
    )
    for row in sheet.rows.select_related("article"):
        if row.article.number in SUMMARIES:
            row.summary = SUMMARIES[row.article.number]
            row.save(update_fields=["summary"])
    version = do_request_build(team, sheet, enqueue=False)
    run_build(version.pk)
    version.refresh_from_db()
    do_publish(team, sheet, version)
    return sheet
