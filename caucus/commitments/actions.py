"""Every write to the commitments tracker, for the pages, the API and the demo alike: each
atomic, each checking the tracker's rules (callers have checked rights with
``caucus.commitments.access``), each leaving one audit row. Filing an information request
for missing figures goes through the table's own action (``do_log_request``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from caucus.audit.log import record
from caucus.commitments.models import (
    Commitment,
    FigureRequest,
    RegionTarget,
    Report,
    SourceDocument,
)
from caucus.commitments.progress import Missing, period_ends
from caucus.commitments.tasks import check_payout
from caucus.table.actions import do_log_request
from caucus.table.models import InformationRequest

Actor = Any
# The employer is asked to answer a request for missing figures within this many days.
ANSWER_DAYS = 14


class CommitmentError(Exception):
    """A change the tracker's rules refuse; shown as is, at ``field`` when it names one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


def _check(negotiation: Any, fields: dict[str, Any]) -> None:
    starts, due = fields.get("starts_on"), fields.get("due_on")
    if starts and due and due <= starts:
        raise CommitmentError("The due date must come after the start.", field="due_on")
    ta = fields.get("tentative_agreement")
    if ta is not None and ta.negotiation_id != negotiation.pk:
        raise CommitmentError(
            "No such tentative agreement at this table.", field="tentative_agreement"
        )
    if (
        fields.get("kind") == Commitment.Kind.PROFIT_SHARING
        and fields.get("period", "year") != "year"
    ):
        raise CommitmentError("Profit sharing is paid, and checked, year by year.", field="period")


def _set_targets(commitment: Commitment, targets: Iterable[tuple[Any, Decimal, Decimal]]) -> None:
    employer_id = commitment.negotiation.employer_id
    rows = []
    for region, target, baseline in targets:
        if region.employer_id != employer_id:
            raise CommitmentError("That region is not the employer's.", field="region_targets")
        rows.append(
            RegionTarget(commitment=commitment, region=region, target=target, baseline=baseline)
        )
    commitment.region_targets.all().delete()
    RegionTarget.objects.bulk_create(rows)


@transaction.atomic
def do_create_commitment(
    actor: Actor,
    negotiation: Any,
    *,
    region_targets: Iterable[tuple[Any, Decimal, Decimal]] = (),
    **fields: Any,
) -> Commitment:
    """Record what the employer promised (from a tentative agreement, or entered)."""
    _check(negotiation, fields)
    commitment = Commitment.objects.create(negotiation=negotiation, created_by=actor, **fields)
    _set_targets(commitment, region_targets)
    record(actor, "commitments.create", commitment, kind=commitment.kind)
    return commitment


@transaction.atomic
def do_edit_commitment(
    actor: Actor,
    commitment: Commitment,
    *,
    region_targets: Iterable[tuple[Any, Decimal, Decimal]] | None = None,
    **fields: Any,
) -> list[str]:
    merged = {
        "starts_on": commitment.starts_on,
        "due_on": commitment.due_on,
        "kind": commitment.kind,
        "period": commitment.period,
        **fields,
    }
    _check(commitment.negotiation, merged)
    changed = [name for name, value in fields.items() if getattr(commitment, name) != value]
    for name in changed:
        setattr(commitment, name, fields[name])
    if changed:
        commitment.save(update_fields=changed)
    if region_targets is not None:
        _set_targets(commitment, region_targets)
        changed.append("region_targets")
    if changed:
        record(actor, "commitments.edit", commitment, changed=changed)
    return changed


def _check_period(commitment: Commitment, period_end: date) -> None:
    if period_end not in period_ends(commitment.period, commitment.starts_on, commitment.due_on):
        raise CommitmentError(
            f"{date_format(period_end, 'DATE_FORMAT')} is not the last day of a {commitment.get_period_display().lower()} "
            "period of this commitment.",
            field="period_end",
        )


def _store_document(
    actor: Actor, commitment: Commitment, upload: UploadedFile, title: str
) -> SourceDocument:
    return SourceDocument.objects.create(
        commitment=commitment,
        title=title or (upload.name or "document"),
        file=upload,
        original_name=upload.name or "document",
        uploaded_by=actor,
    )


def _save_report(actor: Actor, commitment: Commitment, **fields: Any) -> tuple[Report, bool]:
    key = {
        "commitment": commitment,
        "source": fields.pop("source"),
        "region": fields.pop("region"),
        "period_end": fields.pop("period_end"),
    }
    report, created = Report.objects.update_or_create(
        **key, defaults={**fields, "entered_by": actor, "payout": None}
    )
    if commitment.is_profit_sharing and report.source == Report.Source.EMPLOYER:
        pk = report.pk
        transaction.on_commit(lambda: check_payout.enqueue(pk))
    return report, created


@transaction.atomic
def do_record_report(
    actor: Actor,
    commitment: Commitment,
    *,
    source: str,
    region: Any,
    period_end: date,
    value: Decimal,
    note: str = "",
    upload: UploadedFile | None = None,
    document_title: str = "",
) -> Report:
    """A figure for a period (and a region), with the document it came in, replacing any
    figure already given for the same period, region and source."""
    _check_period(commitment, period_end)
    if value < 0:
        raise CommitmentError("A figure cannot be below zero.", field="value")
    document = _store_document(actor, commitment, upload, document_title) if upload else None
    report, created = _save_report(
        actor,
        commitment,
        source=source,
        region=region,
        period_end=period_end,
        value=value,
        note=note,
        document=document,
    )
    record(
        actor,
        "commitments.report",
        commitment,
        source=source,
        period_end=period_end.isoformat(),
        region=region.pk if region else None,
        replaced=not created,
    )
    return report


@transaction.atomic
def do_import_reports(
    actor: Actor,
    commitment: Commitment,
    *,
    rows: list[tuple[date, int | None, float]],
    upload: UploadedFile,
    source: str = Report.Source.EMPLOYER,
) -> list[Report]:
    """The figures read from a report file, all at once, with the file kept as their source."""
    document = _store_document(actor, commitment, upload, f"{upload.name}")
    regions = {r.pk: r for r in commitment.negotiation.employer.regions.all()}
    saved = []
    for end, region_id, value in rows:
        report, _ = _save_report(
            actor,
            commitment,
            source=source,
            region=regions.get(region_id) if region_id else None,
            period_end=end,
            value=Decimal(str(value)),
            note="",
            document=document,
        )
        saved.append(report)
    record(
        actor,
        "commitments.import",
        commitment,
        file=document.original_name,
        rows=len(saved),
        source=source,
    )
    return saved


def next_request_number(negotiation: Any) -> int:
    highest = InformationRequest.objects.filter(negotiation=negotiation).aggregate(n=Max("number"))[
        "n"
    ]
    return (highest or 0) + 1


@transaction.atomic
def do_request_figures(
    actor: Actor, commitment: Commitment, missing: list[Missing], *, today: date | None = None
) -> FigureRequest:
    """One step: an information request to the employer for the figures missing or late,
    filed through the table (where its ageing is tracked), linked to the commitment."""
    if not missing:
        raise CommitmentError("No figure is missing.")
    today = today or timezone.localdate()
    items = "\n".join(m.as_item(commitment) for m in missing)
    rfi = do_log_request(
        actor,
        commitment.negotiation,
        number=next_request_number(commitment.negotiation),
        title=f"Figures for “{commitment.title}”"[:200],
        items=items,
        asked_on=today,
        due_on=today + timedelta(days=ANSWER_DAYS),
    )
    asked = FigureRequest.objects.create(
        commitment=commitment,
        request=rfi,
        missing=[{"period_end": m.period_end.isoformat(), "region": m.region} for m in missing],
        created_by=actor,
    )
    record(actor, "commitments.request_figures", commitment, rfi=rfi.number, missing=len(missing))
    return asked


@transaction.atomic
def do_publish(actor: Actor, commitment: Commitment, publish: bool) -> Commitment:
    """Show the commitment on the member page (or take it off)."""
    if commitment.is_published == publish:
        return commitment
    commitment.is_published = publish
    commitment.published_at = timezone.now() if publish else None
    commitment.save(update_fields=["is_published", "published_at"])
    record(actor, "commitments.publish" if publish else "commitments.unpublish", commitment)
    return commitment
