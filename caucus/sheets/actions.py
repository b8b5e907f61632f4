"""Writes on sheets that must happen together, each with its audit row.

Creating a sheet gives it a row for every article of the negotiation (those with a proposal on
the table included); building freezes it into a new version, built by the task worker;
publishing shows members one built version, and only that one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.sheets.models import Sheet, SheetRow, SheetVersion
from caucus.sheets.tasks import build_version
from caucus.table.models import Negotiation, Proposal


class SheetError(Exception):
    """A change refused, with the reason to show staff."""


@dataclass(frozen=True)
class RowChange:
    article_id: int
    order: int
    included: bool
    summary: str


def do_create_sheet(
    actor: Actor,
    negotiation: Negotiation,
    *,
    title: str,
    columns: str,
    layout: str,
    intro: str = "",
    included_article_ids: Iterable[int],
) -> Sheet:
    included = set(included_article_ids)
    with transaction.atomic():
        sheet = Sheet.objects.create(
            negotiation=negotiation,
            title=title,
            intro=intro,
            columns=columns,
            layout=layout,
            created_by=actor,
        )
        articles = negotiation.articles.order_by("order", "number")
        SheetRow.objects.bulk_create(
            SheetRow(sheet=sheet, article=article, order=k, included=article.pk in included)
            for k, article in enumerate(articles, start=1)
        )
        record(actor, "sheet.create", sheet, title=title, columns=columns, rows=len(included))
    return sheet


def rows_of(sheet: Sheet) -> list[SheetRow]:
    """The sheet's rows, then (unsaved, left out, at the end) a row for each article added to
    the negotiation after the sheet was made, so the rows page always lists every article.
    Reads only: saving the rows (``do_save_rows``) stores the new ones."""
    rows = list(sheet.rows.select_related("article"))
    have = {row.article_id for row in rows}
    last = max((row.order for row in rows), default=0)
    missing = [
        a for a in sheet.negotiation.articles.order_by("order", "number") if a.pk not in have
    ]
    rows += [
        SheetRow(sheet=sheet, article=a, order=last + k, included=False)
        for k, a in enumerate(missing, start=1)
    ]
    return rows


@transaction.atomic
def do_save_rows(actor: Actor, sheet: Sheet, changes: list[RowChange]) -> None:
    """Save every row's order, inclusion and summary at once (storing the rows of articles
    added since the sheet was made); the published version is kept."""
    rows = {row.article_id: row for row in rows_of(sheet)}
    if {c.article_id for c in changes} != set(rows):
        raise SheetError("The rows changed while you were editing: reload the page.")
    for c in changes:
        row = rows[c.article_id]
        row.order, row.included, row.summary = c.order, c.included, c.summary
    SheetRow.objects.bulk_create([row for row in rows.values() if row.pk is None])
    SheetRow.objects.bulk_update(
        [row for row in rows.values() if row.pk is not None], ["order", "included", "summary"]
    )
    sheet.edited_at = timezone.now()
    sheet.save(update_fields=["edited_at"])
    record(actor, "sheet.rows", sheet, included=sum(c.included for c in changes))


@transaction.atomic
def do_edit_sheet(actor: Actor, sheet: Sheet, **fields: Any) -> list[str]:
    """Change a sheet's title, introduction, columns or layout (the next build uses them)."""
    changed = [name for name, value in fields.items() if getattr(sheet, name) != value]
    for name in changed:
        setattr(sheet, name, fields[name])
    sheet.edited_at = timezone.now()
    sheet.save(update_fields=[*changed, "edited_at"])
    if changed:
        record(actor, "sheet.edit", sheet, changed=changed)
    return changed


def do_request_build(
    actor: Actor, sheet: Sheet, request: HttpRequest | None = None, *, enqueue: bool = True
) -> SheetVersion:
    """A new version, queued for the task worker, frozen from the sheet as it is now
    (``enqueue=False``: the caller builds it itself, as the demo does)."""
    rows_total = sheet.rows.filter(included=True).count()
    if rows_total == 0:
        raise SheetError("Include at least one article before building the sheet.")
    with transaction.atomic():
        Sheet.objects.select_for_update().filter(pk=sheet.pk).first()
        number = (sheet.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = SheetVersion.objects.create(
            sheet=sheet,
            number=number,
            title=sheet.title,
            intro=sheet.intro,
            columns=sheet.columns,
            layout=sheet.layout,
            rows_total=rows_total,
            built_by=actor,
        )
        record(actor, "sheet.build", sheet, request=request, version=number, rows=rows_total)
        if enqueue:
            transaction.on_commit(lambda: build_version.enqueue(version.pk))
    return version


def unpublished_sources(version: SheetVersion) -> list[Proposal]:
    """The proposals a version shows that members may not see (not published, as they stand
    now), in the order of the sheet's rows."""
    ids = [source["id"] for row in version.rows.all() for source in row.sources if "id" in source]
    hidden = Proposal.objects.filter(pk__in=ids, is_published=False).select_related("article")
    by_id = {proposal.pk: proposal for proposal in hidden}
    return [by_id[pk] for pk in dict.fromkeys(ids) if pk in by_id]


def do_publish(
    actor: Actor, sheet: Sheet, version: SheetVersion, request: HttpRequest | None = None
) -> None:
    """Show members this version; refused while it shows a proposal members may not see."""
    if version.sheet_id != sheet.pk:
        raise SheetError("That version belongs to another sheet.")
    if not version.is_built:
        raise SheetError("Only a built version can be published; wait for the build to finish.")
    hidden = unpublished_sources(version)
    if hidden:
        names = "; ".join(f"“{p.title}”" for p in hidden)
        raise SheetError(
            f"This version shows proposals that are not published to members: {names}. "
            "Publish them first, or leave their articles out and build again."
        )
    with transaction.atomic():
        sheet.status = Sheet.Status.PUBLISHED
        sheet.published_version = version
        sheet.published_at = timezone.now()
        sheet.save(update_fields=["status", "published_version", "published_at"])
        record(actor, "sheet.publish", sheet, request=request, version=version.number)


def do_unpublish(
    actor: Actor, sheet: Sheet, request: HttpRequest | None = None, *, reason: str = ""
) -> None:
    if not sheet.is_published:
        raise SheetError("The sheet is not published.")
    with transaction.atomic():
        number = sheet.published_version.number if sheet.published_version else None
        sheet.status = Sheet.Status.DRAFT
        sheet.published_version = None
        sheet.published_at = None
        sheet.save(update_fields=["status", "published_version", "published_at"])
        extra = {"reason": reason} if reason else {}
        record(actor, "sheet.unpublish", sheet, request=request, version=number, **extra)


def do_take_down_sheets_showing(actor: Actor, proposal: Proposal) -> list[Sheet]:
    """Unpublish every published sheet whose version shows ``proposal``, which members may no
    longer read: a published sheet never shows an unpublished proposal."""
    published = Sheet.objects.filter(
        negotiation_id=proposal.negotiation_id, status=Sheet.Status.PUBLISHED
    ).select_related("published_version")
    taken = []
    for sheet in published:
        version = sheet.published_version
        rows = version.rows.all() if version is not None else []
        if any(source.get("id") == proposal.pk for row in rows for source in row.sources):
            reason = f"It showed “{proposal.title}”, which is no longer published."
            do_unpublish(actor, sheet, reason=reason)
            taken.append(sheet)
    return taken


def record_export(
    actor: Actor, version: SheetVersion, file_format: str, request: HttpRequest | None
) -> None:
    record(
        actor,
        "sheet.export",
        version.sheet,
        request=request,
        version=version.number,
        format=file_format,
    )
