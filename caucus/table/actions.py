"""Every write at the bargaining table, for the staff pages, the API, commands and the demo
alike: ``do_x(actor, obj, ...)``. Each action is atomic, checks the table's rules (never HTTP:
the caller has already checked the actor's rights with ``caucus.table.access``), and leaves one
audit record naming the acting user and the act; proposal changes also leave ProposalEvent
rows, so the history of a pass can be told from the database alone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.engines.redline.amendments import (
    AmendmentError,
    SectionChange,
    changes_from_data,
    problems,
    read_changes,
    suggested_effect,
    unplaced_problem,
)
from caucus.table.economics import economic_terms_errors
from caucus.table.models import (
    Charge,
    ChargeDocument,
    Correspondence,
    DirectDealingReport,
    InformationRequest,
    InformationRequestFollowUp,
    Negotiation,
    Proposal,
    ProposalEvent,
    Session,
    TentativeAgreement,
    validate_time_zone,
)
from caucus.table.scheduling import same_day_sessions, zone_for_place
from caucus.table.signals import proposal_unpublished


class TableError(Exception):
    """A change the table's rules refuse; the message is shown to the user as is, at
    ``field`` when it is about one field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


@transaction.atomic
def do_record_session(
    actor: Actor, negotiation: Negotiation, *, another_session: bool = False, **fields: Any
) -> Session:
    """Record a session; without a time zone it takes its place's (``zone_for_place``). A
    second session on a day and place that already has one is most likely the same session:
    it is recorded only with ``another_session`` (the table really met twice that day)."""
    day = fields.get("date")
    if day is not None and not another_session:
        same = same_day_sessions(negotiation, day, str(fields.get("place") or "")).first()
        if same is not None:
            at = f" at {same.place}" if same.place else ""
            raise TableError(
                f"A session is already scheduled on {date_format(day, 'DATE_FORMAT')}{at}. Record "
                "what happened there, or say that this is another session.",
                field="date",
            )
    if not fields.get("time_zone"):
        fields["time_zone"] = zone_for_place(negotiation, str(fields.get("place") or ""))
    check_time_zone(fields["time_zone"])
    session = Session.objects.create(negotiation=negotiation, created_by=actor, **fields)
    record(actor, "table.session_record", session, date=str(session.date))
    return session


# What a proposal may point at, each of which must be of the proposal's own negotiation.
REFERENCES = {
    "article": "article",
    "session": "session",
    "answers": "proposal to answer",
    "package": "package",
}


def _settle_sections(fields: dict[str, Any], proposal: Proposal | None) -> None:
    """What the proposal does to its article, checked against the article's current text and
    written back into ``fields``: ``effect`` (when not given, a new pass's is read from its
    text, as the form suggests it) and ``sections``, the changes (when not given, read from
    the text's section numbers, keeping the deletions already recorded)."""

    def value(name: str, default: Any) -> Any:
        return fields[name] if name in fields else getattr(proposal, name, default)

    article, text = value("article", None), str(value("text", "") or "")
    if "effect" in fields:
        effect = fields["effect"]
    elif proposal is not None:
        effect = proposal.effect
    else:
        effect = suggested_effect(article.current_text, text) if article else "replace"
    if effect not in Proposal.Effect.values:
        raise TableError("Say whether it replaces the article or changes sections.", field="effect")
    fields["effect"] = effect
    if effect == Proposal.Effect.REPLACE:
        fields["sections"] = []
        return
    if article is None:
        raise TableError("Only a proposal on an article can change its sections.", field="effect")
    try:
        changes = _section_changes(fields, proposal, article.current_text, text)
        wrong = problems(article.current_text, changes)
    except AmendmentError as error:
        raise TableError(str(error), field="sections") from None
    if wrong:
        raise TableError(
            f"Article {article.number}: {' '.join(str(w) for w in wrong)}", field="sections"
        )
    fields["sections"] = [c.as_data() for c in changes]


def _section_changes(
    fields: dict[str, Any], proposal: Proposal | None, current: str, text: str
) -> list[SectionChange]:
    """The changes given, else those recorded (the text unchanged), else read from the text."""
    given = fields.get("sections")
    if given:
        if not isinstance(given, list) or not all(isinstance(item, dict) for item in given):
            raise AmendmentError("Sections are a list of {section, action, text}.")
        return changes_from_data(given)
    if proposal is not None and "text" not in fields and proposal.sections:
        return changes_from_data(proposal.sections)
    kept = proposal.sections if proposal is not None else []
    deletes = [c["section"] for c in kept if c.get("action") == "delete"]
    changes, unplaced = read_changes(current, text, deletes)
    if unplaced:
        raise TableError(unplaced_problem(unplaced), field="text")
    return changes


def check_proposal(
    negotiation: Negotiation,
    side: str,
    fields: dict[str, Any],
    proposal: Proposal | None = None,
) -> None:
    """The table's rules for a proposal's fields; raises TableError naming the field. What
    the proposal does to its article is settled into ``fields`` (``effect``, ``sections``)."""
    for name, what in REFERENCES.items():
        ref = fields.get(name)
        if isinstance(ref, Model) and getattr(ref, "negotiation_id", None) != negotiation.pk:
            raise TableError(f"No such {what} at this table.", field=name)
    answers = fields.get("answers")
    if answers is not None and answers.side == side:
        raise TableError("A proposal answers one of the other side's proposals.", field="answers")
    if "text" in fields and not str(fields["text"] or "").strip():
        raise TableError("Paste the proposal's text or upload a document.", field="text")
    errors = economic_terms_errors(fields.get("economic_terms"))
    if errors:
        raise TableError(" ".join(errors), field="economic_terms")
    if proposal is None or fields.keys() & {"effect", "sections", "text", "article"}:
        _settle_sections(fields, proposal)


@transaction.atomic
def do_pass_proposal(actor: Actor, negotiation: Negotiation, **fields: Any) -> Proposal:
    """Enter a pass. The same side's earlier open proposals on the article are superseded."""
    fields.setdefault("text", "")
    check_proposal(negotiation, str(fields.get("side", "")), fields)
    if fields.get("passed_on") is None:
        fields["passed_on"] = timezone.localdate()
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
        effect=proposal.effect,
    )
    return proposal


def _changed(instance: Any, fields: dict[str, Any]) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    return changed


def check_time_zone(name: str) -> None:
    try:
        validate_time_zone(name)
    except ValidationError as error:
        raise TableError(error.messages[0], field="time_zone") from None


@transaction.atomic
def do_edit_session(actor: Actor, session: Session, **fields: Any) -> list[str]:
    """Correct a recorded session; returns the names of the fields that changed."""
    if "time_zone" in fields:
        check_time_zone(fields["time_zone"])
    changed = _changed(session, fields)
    if changed:
        session.save(update_fields=changed)
        record(actor, "table.session_edit", session, changed=changed)
    return changed


@transaction.atomic
def do_edit_proposal(actor: Actor, proposal: Proposal, **fields: Any) -> list[str]:
    """Correct an entered proposal (its text, summary, terms, publication...); the change is
    kept in the proposal's history and the audit log, publishing and unpublishing by name."""
    check_proposal(proposal.negotiation, proposal.side, fields, proposal)
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
        if not proposal.is_published:
            proposal_unpublished.send(sender=Proposal, proposal=proposal, actor=actor)
    return changed


# The statuses a person sets by hand; "superseded" only ever follows a new pass.
SETTABLE_STATUSES = (
    Proposal.Status.OPEN,
    Proposal.Status.WITHDRAWN,
    Proposal.Status.REJECTED,
    Proposal.Status.TENTATIVELY_AGREED,
)


def _check_status_change(proposal: Proposal, status: str) -> None:
    if status not in SETTABLE_STATUSES:
        raise TableError("That status cannot be set by hand.")
    if proposal.status == status:
        raise TableError("The proposal already has that status.")
    if status == Proposal.Status.OPEN and proposal.article_id is not None:
        newer = Proposal.objects.filter(
            negotiation_id=proposal.negotiation_id,
            article_id=proposal.article_id,
            side=proposal.side,
            status=Proposal.Status.OPEN,
        ).exclude(pk=proposal.pk)
        if newer.exists():
            raise TableError("The same side has a newer proposal on the table for this article.")
    if status == Proposal.Status.TENTATIVELY_AGREED:
        if proposal.article_id is None:
            raise TableError("Only a proposal on an article can be tentatively agreed.")
        if TentativeAgreement.objects.filter(
            negotiation_id=proposal.negotiation_id, article_id=proposal.article_id
        ).exists():
            raise TableError("This article already has a tentative agreement.")


def _agree(proposal: Proposal, note: str, signed_on: date | None) -> TentativeAgreement:
    article = proposal.article
    if article is None:  # checked before; this narrows it
        raise TableError("Only a proposal on an article can be tentatively agreed.")
    return TentativeAgreement.objects.create(
        negotiation_id=proposal.negotiation_id,
        article=article,
        proposal=proposal,
        session=proposal.session,
        signed_on=signed_on or timezone.localdate(),
        text=proposal.text,
        notes=note,
    )


@transaction.atomic
def do_set_proposal_status(
    actor: Actor,
    proposal: Proposal,
    status: str,
    *,
    note: str = "",
    signed_on: date | None = None,
) -> TentativeAgreement | None:
    """Change a proposal's status; tentatively agreeing creates the article's TA."""
    _check_status_change(proposal, status)
    old = proposal.status
    ta = None
    if status == Proposal.Status.TENTATIVELY_AGREED:
        ta = _agree(proposal, note, signed_on)
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


@transaction.atomic
def do_log_request(actor: Actor, negotiation: Negotiation, **fields: Any) -> InformationRequest:
    """Record an information request the union put to the employer."""
    check_request_dates(fields)
    rfi = InformationRequest.objects.create(negotiation=negotiation, **fields)
    record(actor, "table.request_create", rfi, number=rfi.number)
    return rfi


def check_request_dates(fields: dict[str, Any]) -> None:
    """A request is due on or after the day it was asked (the database holds this too)."""
    asked, due = fields.get("asked_on"), fields.get("due_on")
    if asked and due and due < asked:
        raise TableError("The due date cannot come before the date asked.", field="due_on")


@transaction.atomic
def do_edit_request(actor: Actor, rfi: InformationRequest, **fields: Any) -> list[str]:
    """Change a request: its answer, status, dates. Returns the names of the fields changed."""
    check_request_dates({"asked_on": rfi.asked_on, "due_on": rfi.due_on, **fields})
    old_status = rfi.status
    changed = _changed(rfi, fields)
    if changed:
        rfi.save(update_fields=changed)
        record(
            actor,
            "table.request_update",
            rfi,
            changed=changed,
            from_status=old_status,
            status=rfi.status,
        )
    return changed


@transaction.atomic
def do_add_follow_up(
    actor: Actor, rfi: InformationRequest, *, on: date, kind: str, note: str
) -> InformationRequestFollowUp:
    """A reminder sent, an employer reply or a partial answer, on the request's record."""
    follow_up = InformationRequestFollowUp.objects.create(request=rfi, on=on, kind=kind, note=note)
    record(actor, "table.request_follow_up", rfi, kind=kind, on=str(on))
    return follow_up


def _of_this_table(negotiation: Negotiation, named: dict[str, Iterable[Any] | None]) -> None:
    """Every row a charge or a letter points at is of its own negotiation."""
    for name, rows in named.items():
        if any(row.negotiation_id != negotiation.pk for row in rows or ()):
            raise TableError("Choose only what is at this table.", field=name)


# A charge's evidence, by the name the forms and the API give it: the charge's own relation.
EVIDENCE = {
    "evidence_requests": "evidence_requests",
    "evidence_reports": "evidence_reports",
    "evidence_letters": "letters",
}


def _set_related(obj: Any, relations: dict[str, str], given: dict[str, Any]) -> list[str]:
    """Set each relation given (None: leave it); the names of those that changed."""
    changed = []
    for name, relation in relations.items():
        rows = given.get(name)
        if rows is None:
            continue
        related = getattr(obj, relation)
        if set(related.values_list("pk", flat=True)) != {row.pk for row in rows}:
            related.set(rows)
            changed.append(name)
    return changed


@transaction.atomic
def do_file_charge(
    actor: Actor,
    negotiation: Negotiation,
    *,
    evidence_requests: Sequence[InformationRequest] = (),
    evidence_reports: Sequence[DirectDealingReport] = (),
    evidence_letters: Sequence[Correspondence] = (),
    **fields: Any,
) -> Charge:
    """Open a charge (being drafted, or filed with its case number) with its evidence:
    information requests, direct-dealing reports and letters."""
    evidence = {
        "evidence_requests": evidence_requests,
        "evidence_reports": evidence_reports,
        "evidence_letters": evidence_letters,
    }
    _of_this_table(negotiation, dict(evidence))
    charge = Charge.objects.create(negotiation=negotiation, **fields)
    _set_related(charge, EVIDENCE, evidence)
    record(actor, "table.charge_create", charge, status=charge.status)
    return charge


@transaction.atomic
def do_edit_charge(
    actor: Actor,
    charge: Charge,
    *,
    evidence_requests: Sequence[InformationRequest] | None = None,
    evidence_reports: Sequence[DirectDealingReport] | None = None,
    evidence_letters: Sequence[Correspondence] | None = None,
    **fields: Any,
) -> list[str]:
    """Change a charge and (when given) its evidence; returns the names of what changed."""
    evidence = {
        "evidence_requests": evidence_requests,
        "evidence_reports": evidence_reports,
        "evidence_letters": evidence_letters,
    }
    _of_this_table(charge.negotiation, dict(evidence))
    old_status = charge.status
    changed = _changed(charge, fields)
    if changed:
        charge.save(update_fields=changed)
    changed += _set_related(charge, EVIDENCE, evidence)
    if changed:
        record(
            actor,
            "table.charge_update",
            charge,
            changed=changed,
            from_status=old_status,
            status=charge.status,
        )
    return changed


@transaction.atomic
def do_attach_charge_document(
    actor: Actor, charge: Charge, *, title: str, file: UploadedFile
) -> ChargeDocument:
    document = ChargeDocument.objects.create(charge=charge, title=title, file=file)
    record(actor, "table.charge_document", charge, title=title)
    return document


def _drop_empty_file(fields: dict[str, Any], name: str) -> None:
    """A form's empty file field (None, or False when cleared) stores as no file."""
    if not fields.get(name):
        fields.pop(name, None)


@transaction.atomic
def do_log_direct_dealing(
    actor: Actor, negotiation: Negotiation, **fields: Any
) -> DirectDealingReport:
    """Staff log an employer message sent straight to members."""
    _drop_empty_file(fields, "attachment")
    report = DirectDealingReport.objects.create(
        negotiation=negotiation,
        reported_by=actor,
        reporter_name=actor.get_username() if actor is not None else "",
        **fields,
    )
    record(actor, "directdealing.log", report)
    return report


@transaction.atomic
def do_report_direct_dealing(
    reporter: Actor, negotiation: Negotiation, **fields: Any
) -> DirectDealingReport:
    """A member (signed in, or not: ``reporter`` None) reports an employer message; staff
    review it later. The audit row names no one: a report may be anonymous."""
    signed_in = reporter is not None and reporter.is_authenticated
    _drop_empty_file(fields, "attachment")
    report = DirectDealingReport.objects.create(
        negotiation=negotiation, reported_by=reporter if signed_in else None, **fields
    )
    record(None, "directdealing.report", report, channel=report.channel)
    return report


def _day(day: date) -> str:
    return date_format(day, "DATE_FORMAT")


def request_evidence(requests: Sequence[InformationRequest], today: date) -> str:
    """The requests as a numbered evidence list, the start of a charge's allegations."""
    lines = [
        "The employer has failed to provide information requested by the union "
        "that is necessary and relevant to bargaining:",
        "",
    ]
    for n, rfi in enumerate(requests, start=1):
        due = _day(rfi.due_on) if rfi.due_on else "no due date set"
        lines.append(f"{n}. Request {rfi.number}: {rfi.title}")
        lines.append(f"   Asked on {_day(rfi.asked_on)}; due on {due}.")
        if rfi.acknowledged_on:
            lines.append(f"   Acknowledged on {_day(rfi.acknowledged_on)}.")
        overdue = rfi.days_overdue(today)
        if overdue:
            lines.append(f"   {overdue} days overdue; status: {rfi.get_status_display()}.")
        else:
            lines.append(f"   Status: {rfi.get_status_display()}.")
        if rfi.answer.strip():
            on = f" on {_day(rfi.answered_on)}" if rfi.answered_on else ""
            lines.append(f"   The employer's answer{on}: {rfi.answer.strip()}")
        for follow_up in rfi.follow_ups.all():
            lines.append(
                f"   - {_day(follow_up.on)} {follow_up.get_kind_display()}: {follow_up.note}"
            )
        for letter in sorted(rfi.letters.all(), key=lambda x: (x.sent_on, x.pk)):
            lines.append(
                f"   - {_day(letter.sent_on)} letter from {letter.sender} to "
                f"{letter.recipient} ({letter.get_channel_display().lower()}): {letter.subject}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@transaction.atomic
def do_turn_requests_into_charge(
    actor: Actor,
    negotiation: Negotiation,
    requests: Sequence[InformationRequest],
    *,
    title: str = "",
    agency: str = "",
    today: date | None = None,
) -> Charge:
    """Draft a charge for failing to answer ``requests`` (in time, fully, or at all: any
    request may be cited), with them as its evidence."""
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
    # The letters about those requests (the asks, the reminders, the refusals) are evidence too.
    charge.letters.set(Correspondence.objects.filter(requests__in=ordered).distinct())
    record(actor, "table.charge_from_requests", charge, requests=[r.pk for r in ordered])
    return charge


@transaction.atomic
def do_review_report(
    actor: Actor, report: DirectDealingReport, status: str, staff_notes: str
) -> DirectDealingReport:
    old = report.status
    report.status = status
    report.staff_notes = staff_notes
    report.save(update_fields=["status", "staff_notes"])
    record(actor, "directdealing.review", report, from_status=old, to_status=status)
    return report


# What a letter concerns, by the name the forms and the API give it.
CONCERNS = {"proposals": "proposals", "requests": "requests", "charges": "charges"}


def _document(fields: dict[str, Any]) -> None:
    """An uploaded document keeps its file's name to be sent back under; a cleared one goes."""
    document = fields.get("document")
    if document is False:
        fields["document"], fields["document_name"] = "", ""
    elif isinstance(document, File) and not isinstance(document, FieldFile):
        fields["document_name"] = Path(document.name or "").name[:255]
    elif not document:
        fields.pop("document", None)


@transaction.atomic
def do_log_letter(
    actor: Actor,
    negotiation: Negotiation,
    *,
    proposals: Sequence[Proposal] = (),
    requests: Sequence[InformationRequest] = (),
    charges: Sequence[Charge] = (),
    **fields: Any,
) -> Correspondence:
    """Log a letter, e-mail or other message of the round, with what it concerns."""
    concerns = {"proposals": proposals, "requests": requests, "charges": charges}
    _of_this_table(negotiation, dict(concerns))
    _document(fields)
    letter = Correspondence.objects.create(negotiation=negotiation, created_by=actor, **fields)
    _set_related(letter, CONCERNS, concerns)
    record(
        actor,
        "table.letter_log",
        letter,
        direction=letter.direction,
        sent_on=str(letter.sent_on),
        published=letter.is_published,
    )
    return letter


@transaction.atomic
def do_edit_letter(
    actor: Actor,
    letter: Correspondence,
    *,
    proposals: Sequence[Proposal] | None = None,
    requests: Sequence[InformationRequest] | None = None,
    charges: Sequence[Charge] | None = None,
    **fields: Any,
) -> list[str]:
    """Correct a logged letter, what it concerns, or its publication; returns what changed.
    Publishing and unpublishing are recorded by name."""
    concerns = {"proposals": proposals, "requests": requests, "charges": charges}
    _of_this_table(letter.negotiation, dict(concerns))
    _document(fields)
    was_published = letter.is_published
    changed = _changed(letter, fields)
    if changed:
        letter.save(update_fields=changed)
    changed += _set_related(letter, CONCERNS, concerns)
    if changed:
        what = "table.letter_edit"
        if letter.is_published != was_published:
            what = "table.letter_publish" if letter.is_published else "table.letter_unpublish"
        record(actor, what, letter, changed=changed)
    return changed
