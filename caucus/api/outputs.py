"""Rows in their API form: plain dicts holding exactly the keys the caller may see.

Internal keys are left out of the dict (not set to None) for callers without the right, and
the routes answer with ``exclude_unset`` so they stay absent from the JSON.
"""

from __future__ import annotations

from typing import Any

from caucus.table.models import Article, Negotiation, Proposal, Session
from caucus.updates.models import Update


def negotiation_out(negotiation: Negotiation) -> dict[str, Any]:
    return {
        "id": negotiation.pk,
        "slug": negotiation.slug,
        "name": negotiation.name,
        "status": negotiation.status,
        "employer": negotiation.employer.name,
        "contract_expires": negotiation.contract_expires,
        "units": [
            {"code": unit.code, "name": unit.name, "union": unit.union.short_name}
            for unit in negotiation.units.all()
        ],
    }


def article_out(article: Article) -> dict[str, Any]:
    return {
        "id": article.pk,
        "number": article.number,
        "title": article.title,
        "current_text": article.current_text,
        "order": article.order,
        "is_economic": article.is_economic,
    }


def session_out(session: Session, *, internal: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": session.pk,
        "date": session.date,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "place": session.place,
        "public_summary": session.public_summary,
        "is_upcoming": session.is_upcoming,
    }
    if internal:
        out["attendees"] = session.attendees
        out["internal_notes"] = session.internal_notes
    return out


def proposal_out(proposal: Proposal, *, internal: bool) -> dict[str, Any]:
    answers = proposal.answers
    # An unpublished proposal's id is itself internal: say nothing rather than point at it.
    answers_visible = answers is not None and (internal or answers.is_published)
    out: dict[str, Any] = {
        "id": proposal.pk,
        "article": proposal.article.number if proposal.article else None,
        "side": proposal.side,
        "kind": proposal.kind,
        "title": proposal.title,
        "text": proposal.text,
        "summary": proposal.summary,
        "session_id": proposal.session_id,
        "passed_on": proposal.passed_on,
        "answers_id": proposal.answers_id if answers_visible else None,
        "package_id": proposal.package_id,
        "status": proposal.status,
        "is_published": proposal.is_published,
        "economic_terms": proposal.economic_terms,
        "effect": proposal.effect,
        "sections": proposal.sections,
    }
    if internal:
        out["created_by"] = proposal.created_by.get_username() if proposal.created_by else None
        out["created_at"] = proposal.created_at
    return out


def update_out(update: Update, *, internal: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": update.pk,
        "slug": update.slug,
        "title": update.title,
        "summary": update.summary,
        "body": update.body,
        "language": update.language,
        "status": update.status,
        "published_at": update.published_at,
        "to_whole_coalition": update.to_whole_coalition,
        "unions": [union.short_name for union in update.unions.all()],
        "translations": [
            {"language": t.language, "title": t.title, "summary": t.summary, "body": t.body}
            for t in update.translations.all()
        ],
    }
    if internal:
        out["author"] = update.author.get_username() if update.author else None
        out["created_at"] = update.created_at
    return out
