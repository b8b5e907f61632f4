"""The terms a run costs: each chosen proposal's economic terms as the engine reads them, named
after the proposal, and the status quo's. Problems name the proposal and the field."""

from __future__ import annotations

from typing import Any

from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.terms import Terms, parse_terms
from caucus.table.models import Proposal

STATUS_QUO = "Status quo"


def proposal_label(proposal: Proposal) -> str:
    return f"{proposal.get_side_display()}: {proposal.title}"[:120]


def terms_problems(proposal: Proposal) -> list[str]:
    """Why the proposal cannot be costed ([] when it can): no terms, or terms the engine refuses."""
    if not proposal.economic_terms:
        return ["no economic terms"]
    try:
        parse_terms(proposal.economic_terms)
    except TermsError as error:
        return error.messages
    if "term" not in proposal.economic_terms:
        return ["term: is required (start and years)"]
    return []


def snapshot(proposals: list[Proposal]) -> list[dict[str, Any]]:
    return [
        {
            "proposal": p.pk,
            "label": proposal_label(p),
            "side": p.side,
            "terms": p.economic_terms,
        }
        for p in proposals
    ]


def parse_inputs(
    proposal_terms: list[dict[str, Any]], status_quo: dict[str, Any]
) -> tuple[list[Terms], Terms]:
    """Every proposal's Terms and the status quo's, or TermsError listing every problem, each
    prefixed by whose terms they are."""
    errors: list[str] = []
    parsed: list[Terms] = []
    quo = Terms(name=STATUS_QUO)
    try:
        quo = parse_terms({**status_quo, "name": STATUS_QUO})
    except TermsError as error:
        errors += [f"{STATUS_QUO}: {m}" for m in error.messages]
    for item in proposal_terms:
        label = str(item["label"])
        try:
            parsed.append(parse_terms({**(item["terms"] or {}), "name": label}))
        except TermsError as error:
            errors += [f"{label}: {m}" for m in error.messages]
    if errors:
        raise TermsError(errors)
    return parsed, quo
