"""Writes at the bargaining table that touch several rows. Each action is atomic and leaves
an audit record naming the acting user; proposal changes also leave ProposalEvent rows, so
the history of a pass can be told from the database alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from caucus.audit.log import record
from caucus.table.models import (
    Charge,
    DirectDealingReport,
    InformationRequest,
    Negotiation,
    Proposal,
    ProposalEvent,
    Session,
    TentativeAgreement,
)


class TableError(Exception):
    """A change the table's rules refuse; the message is shown to the user as is."""


@transaction.atomic
def do_record_session(actor: Any, negotiation: Negotiation, **fields: Any) -> Session:
    session = Session.objects.create(negotiation=negotiation, created_by=actor, **fields)
    record(actor, "table.session_record", session, date=str(session.date))
    return session


@transaction.atomic
def do_pass_proposal(actor: Any, negotiation: Negotiation, **fields: Any) -> Proposal:
    """Enter a pass. The same side's earlier open proposals on the article are superseded."""
    proposal = Proposal(negotiation=negotiation, created_by=actor, **fields)
    superseded: list[int] = []
    if proposal.article_id is not None:
        earlier = (
            Proposal.objects.select_for_update()
            .filter(
                negotiation=negotiation,
                article_id=proposal.article_id,
                side=proposal.side,
                status=Proposal.Status.OPEN,
            )
            .order_by("id")
        )
        superseded = list(earlier.values_list("pk", flat=True))
    proposal.save()
    if superseded:
        Proposal.objects.filter(pk__in=superseded).update(status=Proposal.Status.SUPERSEDED)
        ProposalEvent.objects.bulk_create(
            ProposalEvent(
                proposal_id=pk,
                actor=actor,
                what="superseded",
                from_status=Proposal.Status.OPEN,
                to_status=Proposal.Status.SUPERSEDED,
                note=f"Superseded by proposal #{proposal.pk}.",
            )
            for pk in superseded
        )
    ProposalEvent.objects.create(
        proposal=proposal, actor=actor, what="passed", to_status=proposal.status
    )
    record(
        actor,
        "table.proposal_pass",
        proposal,
        side=proposal.side,
        article=proposal.article_id,
        superseded=superseded,
    )
    return proposal


def _changed(instance: Any, fields: dict[str, Any]) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    return changed


@transaction.atomic
def do_edit_session(actor: Any, session: Session, **fields: Any) -> list[str]:
    """Correct a recorded session; returns the names of the fields that changed."""
    changed = _changed(session, fields)
    if changed:
        session.save(update_fields=changed)
        record(actor, "table.session_edit", session, changed=changed)
    return changed


@transaction.atomic
def do_edit_proposal(actor: Any, proposal: Proposal, **fields: Any) -> list[str]:
    """Correct an entered proposal (its text, summary, terms, publication...); the change is
    kept in the proposal's history and the audit log, publishing and unpublishing by name."""
    was_published = proposal.is_published
    changed = _changed(proposal, fields)
    if not changed:
        return changed
    proposal.save(update_fields=changed)
    ProposalEvent.objects.create(
        proposal=proposal,
        actor=actor,
        what="edited",
        note="Changed: " + ", ".join(name.replace("_", " ") for name in changed) + ".",
    )
    record(actor, "table.proposal_edit", proposal, changed=changed)
    if proposal.is_published != was_published:
        what = "table.proposal_publish" if proposal.is_published else "table.proposal_unpublish"
        record(actor, what, proposal)
    return changed


# The statuses a person sets by hand; "superseded" only ever follows a new pass.
SETTABLE_STATUSES = (
    Proposal.Status.OPEN,
    Proposal.Status.WITHDRAWN,
    Proposal.Status.REJECTED,
    Proposal.Status.TENTATIVELY_AGREED,
)


@transaction.atomic
def do_set_proposal_status(
    actor: Any,
    proposal: Proposal,
    status: str,
    *,
    note: str = "",
    signed_on: date | None = None,
) -> TentativeAgreement | None:
    """Change a proposal's status; tentatively agreeing creates the article's TA."""
    if status not in SETTABLE_STATUSES:
        raise TableError("That status cannot be set by hand.")
    old = proposal.status
    if old == status:
        raise TableError("The proposal already has that status.")
    ta = None
    if status == Proposal.Status.OPEN and (
        Proposal.objects.filter(
            negotiation_id=proposal.negotiation_id,
            article_id=proposal.article_id,
            side=proposal.side,
            status=Proposal.Status.OPEN,
        )
        .exclude(pk=proposal.pk)
        .exists()
    ):
        raise TableError("The same side has a newer proposal on the table for this article.")
    if status == Proposal.Status.TENTATIVELY_AGREED:
        if proposal.article_id is None:
            raise TableError("Only a proposal on an article can be tentatively agreed.")
        if TentativeAgreement.objects.filter(
            negotiation_id=proposal.negotiation_id, article_id=proposal.article_id
        ).exists():
            raise TableError("This article already has a tentative agreement.")
        ta = TentativeAgreement.objects.create(
            negotiation_id=proposal.negotiation_id,
            article_id=proposal.article_id,
            proposal=proposal,
            session=proposal.session,
            signed_on=signed_on or timezone.localdate(),
            text=proposal.text,
            notes=note,
        )
    elif old == Proposal.Status.TENTATIVELY_AGREED:
        # Undoing a TA (entered by mistake) removes the agreement it created.
        TentativeAgreement.objects.filter(proposal=proposal).delete()
    proposal.status = status
    proposal.save(update_fields=["status"])
    ProposalEvent.objects.create(
        proposal=proposal,
        actor=actor,
        what="status",
        from_status=old,
        to_status=status,
        note=note,
    )
    record(actor, "table.proposal_status", proposal, from_status=old, to_status=status)
    return ta


def request_evidence(requests: Sequence[InformationRequest], today: date) -> str:
    """The requests as a numbered evidence list, the start of a charge's allegations."""
    lines = [
        "The employer has failed to provide information requested by the union "
        "that is necessary and relevant to bargaining:",
        "",
    ]
    for n, rfi in enumerate(requests, start=1):
        due = f"{rfi.due_on:%Y-%m-%d}" if rfi.due_on else "no due date set"
        lines.append(f"{n}. Request {rfi.number}: {rfi.title}")
        lines.append(f"   Asked on {rfi.asked_on:%Y-%m-%d}; due on {due}.")
        if rfi.acknowledged_on:
            lines.append(f"   Acknowledged on {rfi.acknowledged_on:%Y-%m-%d}.")
        overdue = rfi.days_overdue(today)
        if overdue:
            lines.append(f"   {overdue} days overdue; status: {rfi.get_status_display()}.")
        else:
            lines.append(f"   Status: {rfi.get_status_display()}.")
        for follow_up in rfi.follow_ups.all():
            lines.append(
                f"   - {follow_up.on:%Y-%m-%d} {follow_up.get_kind_display()}: {follow_up.note}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@transaction.atomic
def do_turn_requests_into_charge(
    actor: Any,
    negotiation: Negotiation,
    requests: Sequence[InformationRequest],
    *,
    title: str = "",
    agency: str = "",
    today: date | None = None,
) -> Charge:
    """Draft a charge for failing to answer ``requests``, with them as its evidence."""
    if not requests:
        raise TableError("Choose at least one information request.")
    today = today or timezone.localdate()
    ordered = sorted(requests, key=lambda rfi: rfi.number)
    numbers = ", ".join(str(rfi.number) for rfi in ordered)
    charge = Charge(
        negotiation=negotiation,
        title=title or f"Failure to provide information (requests {numbers})",
        allegations=request_evidence(ordered, today),
        status=Charge.Status.DRAFT,
    )
    if agency:
        charge.agency = agency
    charge.save()
    charge.evidence_requests.set(ordered)
    record(actor, "table.charge_from_requests", charge, requests=[r.pk for r in ordered])
    return charge


@transaction.atomic
def do_review_report(
    actor: Any, report: DirectDealingReport, status: str, staff_notes: str
) -> DirectDealingReport:
    old = report.status
    report.status = status
    report.staff_notes = staff_notes
    report.save(update_fields=["status", "staff_notes"])
    record(actor, "directdealing.review", report, from_status=old, to_status=status)
    return report
