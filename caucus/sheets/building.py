"""Building a version: each included row compared and rendered, then the PDF and DOCX made.

A job of the one shape (``caucus.lib.jobs``): claimed by one worker, progress (``rows_done`` of
``rows_total``) written as rows are compared, so the page that polls sees it. The files are made before the rows are
written, and the rows and the version's new status go in one transaction: a build that fails
part-way leaves no half-built version.
"""

from __future__ import annotations

import logging
import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from caucus.lib.markdown import render_markdown
from caucus.sheets.compare import compare, ops_to_data, passes_by_article, render_row
from caucus.sheets.documents import sheet_docx, sheet_pdf
from caucus.sheets.models import Sheet, SheetVersion, VersionRow

logger = logging.getLogger(__name__)


def run_build(version_id: int) -> None:
    version = SheetVersion.claim(version_id)
    if version is None:
        return
    version = SheetVersion.objects.select_related("sheet__negotiation").get(pk=version.pk)
    try:
        rows = _compare_rows(version)
        version.report(len(rows), stage="Making the PDF and the Word file")
        version.built_at = timezone.now()
        # The files first, outside any transaction: printing a long sheet takes seconds, and
        # on SQLite an open write transaction would hold every other writer that long.
        # Unguessable names: a draft's files must not be found by counting.
        stem = f"sheet-{version.sheet_id}-v{version.number}-{secrets.token_hex(8)}"
        version.pdf.save(f"{stem}.pdf", ContentFile(sheet_pdf(version, rows)), save=False)
        version.docx.save(f"{stem}.docx", ContentFile(sheet_docx(version, rows)), save=False)
        with transaction.atomic():
            VersionRow.objects.bulk_create(rows)
            version.save(update_fields=["built_at", "pdf", "docx"])
            version.finish(rows_total=len(rows), rows_done=len(rows))
    except Exception as exc:
        logger.exception("sheet version %s failed", version_id)
        version.fail(f"{type(exc).__name__}: {exc}")
        return
    logger.info("sheet version %s built: %s rows", version_id, len(rows))


def _compare_rows(version: SheetVersion) -> list[VersionRow]:
    sheet: Sheet = version.sheet
    negotiation = sheet.negotiation
    sheet_rows = list(sheet.rows.filter(included=True).select_related("article"))
    passes = passes_by_article(negotiation, [row.article_id for row in sheet_rows])
    out = []
    for k, row in enumerate(sheet_rows, start=1):
        article = row.article
        comparison = compare(version.columns, article, passes.get(article.pk, {}))
        out.append(
            VersionRow(
                version=version,
                order=k,
                article=article,
                heading=f"Article {article.number}: {article.title}",
                summary=row.summary,
                summary_html=str(render_markdown(row.summary)) if row.summary else "",
                texts=comparison.texts,
                sources=comparison.sources,
                note=comparison.note,
                ops=ops_to_data(comparison.ops),
                html=render_row(comparison, version.columns, version.layout, negotiation.name),
            )
        )
        version.report(k)
    return out
