"""Writes for costing runs: create (inputs checked and frozen, costing queued), publish and
unpublish for members, export. Each is atomic and leaves an audit record naming the actor."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.costing.inputs import parse_inputs, snapshot
from caucus.costing.models import CostingRun, EmployerFact
from caucus.costing.rosters import (
    check_file,
    check_frame,
    group_names,
    members_frame,
    scales_from_roster,
)
from caucus.costing.tasks import cost_in_background
from caucus.engines.costing.model import SCOPED
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.roster import Roster, RosterError
from caucus.members.models import Member
from caucus.table.models import Negotiation, Proposal


class CostingInputError(ValueError):
    """The run cannot be costed as asked; ``messages`` name each problem's row or field."""

    def __init__(self, messages: list[str], field: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.field = field


def do_create_run(
    actor: Actor,
    negotiation: Negotiation,
    *,
    name: str,
    proposals: list[Proposal],
    union: Any = None,
    upload: Any = None,
    status_quo_terms: dict[str, Any] | None = None,
) -> CostingRun:
    """Check the roster and the terms, freeze them on a new run and queue its costing.

    Raises CostingInputError (and writes nothing) when the roster or any terms are refused.
    """
    items = snapshot(proposals)
    with tempfile.TemporaryDirectory() as folder:
        path, roster, source = _roster(Path(folder), negotiation, union, upload)
        status_quo = status_quo_terms or {"scales": scales_from_roster(roster)}
        _check_terms(items, status_quo, roster)
        with transaction.atomic():
            run = CostingRun(
                negotiation=negotiation,
                name=name,
                source=source,
                union=union if upload is None else None,
                roster_name=upload.name if upload is not None else "",
                workers=len(roster),
                proposal_terms=items,
                status_quo_terms=status_quo,
                created_by=actor,
            )
            with path.open("rb") as handle:
                run.roster.save(path.name, File(handle), save=False)
            run.save()
            run.proposals.set(proposals)
            record(
                actor,
                "costing.run_create",
                run,
                roster=run.roster_label(),
                workers=len(roster),
                proposals=[p.pk for p in proposals],
            )
            transaction.on_commit(lambda: cost_in_background.enqueue(run.pk))
    return run


def _roster(
    folder: Path, negotiation: Negotiation, union: Any, upload: Any
) -> tuple[Path, Roster, str]:
    """The roster to freeze, checked by the engine's reader, written under ``folder``: the
    uploaded file, or the members on the roster of the units the negotiation covers (one
    union's, when ``union`` is given)."""
    if upload is not None:
        path = folder / Path(upload.name).name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return path, _checked(lambda: check_file(path)), CostingRun.Source.FILE
    members = Member.objects.on_roster().filter(unit__in=negotiation.units.all())
    if union is not None:
        members = members.for_union(union)
    frame = members_frame(members)
    roster = _checked(lambda: check_frame(frame))
    path = folder / "members.parquet"
    frame.write_parquet(path)
    return path, roster, CostingRun.Source.MEMBERS


def _check_terms(items: list[dict[str, Any]], status_quo: dict[str, Any], roster: Roster) -> None:
    try:
        parse_inputs(items, status_quo)
    except TermsError as refused:
        raise CostingInputError(refused.messages, "proposals") from refused
    unknown = names_not_on_roster(items, status_quo, roster)
    if unknown:
        raise CostingInputError(unknown, "proposals")


def _checked(load: Any) -> Roster:
    try:
        roster: Roster = load()
    except RosterError as refused:
        raise CostingInputError(refused.messages, "roster") from refused
    return roster


def names_not_on_roster(
    items: list[dict[str, Any]], status_quo: dict[str, Any], roster: Roster
) -> list[str]:
    """Scopes that name a local, unit, region or classification the roster does not have: a
    typo would otherwise cost nothing. Each message names the proposal and the field."""
    known = group_names(roster)
    problems = []
    for label, terms in [("Status quo", status_quo)] + [(i["label"], i["terms"]) for i in items]:
        for section in SCOPED:
            for n, part in enumerate((terms or {}).get(section) or []):
                where = part.get("where") or {} if isinstance(part, dict) else {}
                for group, wanted in where.items():
                    for name in [wanted] if isinstance(wanted, str) else wanted:
                        if group in known and name not in known[group]:
                            problems.append(
                                f"{label}: {section}[{n}].where.{group}: {name!r} is not on "
                                "the roster"
                            )
    return problems


class PublishError(ValueError):
    """Publishing refused, with the reason to show staff."""


def unpublished_proposals(run: CostingRun) -> list[Proposal]:
    """The run's proposals that members may not see (as they stand now)."""
    return list(run.proposals.filter(is_published=False).order_by("passed_on", "id"))


@transaction.atomic
def do_publish(actor: Actor, run: CostingRun, intro: str) -> None:
    """Show members what the run means for them; refused while it costs a proposal members
    may not see (its label and figures would reach them)."""
    if not run.is_done:
        raise PublishError("Only a finished run can be published.")
    hidden = unpublished_proposals(run)
    if hidden:
        names = "; ".join(f"“{p.title}”" for p in hidden)
        raise PublishError(
            f"This run costs proposals that are not published to members: {names}. "
            "Publish them first, or start a run without them."
        )
    run.is_published = True
    run.published_at = timezone.now()
    run.member_intro = intro
    run.save(update_fields=["is_published", "published_at", "member_intro"])
    record(actor, "costing.publish", run)


@transaction.atomic
def do_unpublish(actor: Actor, run: CostingRun, *, reason: str = "") -> None:
    run.is_published = False
    run.save(update_fields=["is_published"])
    if reason:
        record(actor, "costing.unpublish", run, reason=reason)
    else:
        record(actor, "costing.unpublish", run)


def do_take_down_runs_costing(actor: Actor, proposal: Proposal) -> list[CostingRun]:
    """Unpublish every published run that costs ``proposal``, which members may no longer
    read: the member pages never name an unpublished proposal or its figures."""
    taken = list(CostingRun.objects.filter(is_published=True, proposals=proposal))
    for run in taken:
        do_unpublish(actor, run, reason=f"It costs “{proposal.title}”, no longer published.")
    return taken


def record_export(actor: Actor, run: CostingRun, request: Any) -> None:
    record(actor, "costing.export", run, request=request, workers=run.workers)


@transaction.atomic
def do_add_fact(
    actor: Actor, negotiation: Negotiation, fields: dict[str, Any], document: Any = None
) -> EmployerFact:
    """Record one of the employer's financial figures with its source (checked by the form;
    the database holds the same rules)."""
    fact = EmployerFact(negotiation=negotiation, created_by=actor, **fields)
    if document:
        fact.document.save(document.name, document, save=False)
    fact.save()
    record(actor, "costing.fact_add", fact, negotiation=negotiation.slug, what=fact.what())
    return fact


@transaction.atomic
def do_change_fact(
    actor: Actor, fact: EmployerFact, fields: dict[str, Any], document: Any = None
) -> EmployerFact:
    """Correct a figure; a new document replaces the old one, ``False`` removes it."""
    stored = EmployerFact.objects.get(pk=fact.pk)  # a form may have changed ``fact`` already
    before = {name: str(getattr(stored, name)) for name in fields}
    for name, value in fields.items():
        setattr(fact, name, value)
    if document is False and fact.document:
        fact.document.delete(save=False)
    elif document:
        if fact.document:
            fact.document.delete(save=False)
        fact.document.save(document.name, document, save=False)
    fact.save()
    changed = {n: v for n, v in before.items() if str(getattr(fact, n)) != v}
    record(actor, "costing.fact_change", fact, what=fact.what(), before=changed)
    return fact


@transaction.atomic
def do_remove_fact(actor: Actor, fact: EmployerFact) -> None:
    record(
        actor,
        "costing.fact_remove",
        fact,
        negotiation=fact.negotiation.slug,
        what=fact.what(),
        amount=str(fact.amount),
        source=fact.source_title,
    )
    if fact.document:
        fact.document.delete(save=False)
    fact.delete()
