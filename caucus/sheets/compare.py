"""What each row of a sheet compares, and its redline.

A side's *passes* on an article are its formal proposals and counter-proposals that were not
withdrawn (options and supposals are talk, not passes), in the order passed. Its *latest* is
the last of them. Three-way rows compare the current contract with each side's latest (a side
with no pass keeps the current text); regression rows compare the employer's latest with its
pass before that (or with the current contract when it has passed only once).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from caucus.engines.redline import Op, diff
from caucus.engines.redline.amendments import AmendmentError, changes_from_data, proposed_text
from caucus.engines.redline.columns import ColumnRow, three_columns
from caucus.engines.redline.json_format import from_json, to_json
from caucus.engines.redline.render_html import Meta, render_columns, render_fragment
from caucus.engines.redline.threeway import attributed_ops, three_way
from caucus.sheets.models import COLUMN_LABELS, THREE_COLUMN_LABELS, Columns, Layout
from caucus.table.models import Article, Negotiation, Proposal, Side

PASS_KINDS = (Proposal.Kind.FORMAL, Proposal.Kind.COUNTER)


@dataclass
class Comparison:
    texts: dict[str, str]
    sources: list[dict[str, Any]]
    note: str
    ops: list[Op] = field(default_factory=list)


def passes_by_article(
    negotiation: Negotiation, article_ids: Iterable[int]
) -> dict[int, dict[str, list[Proposal]]]:
    """Each article's passes, by side, oldest first: one query."""
    found: dict[int, dict[str, list[Proposal]]] = defaultdict(lambda: defaultdict(list))
    proposals = (
        Proposal.objects.filter(
            negotiation=negotiation, article_id__in=list(article_ids), kind__in=PASS_KINDS
        )
        .exclude(status=Proposal.Status.WITHDRAWN)
        .only(
            "id",
            "article_id",
            "side",
            "title",
            "text",
            "effect",
            "sections",
            "passed_on",
            "is_published",
        )
        .order_by("passed_on", "created_at", "id")
    )
    for proposal in proposals:
        if proposal.article_id is not None:  # the query takes proposals on an article only
            found[proposal.article_id][proposal.side].append(proposal)
    return found


def articles_on_the_table(negotiation: Negotiation) -> set[int]:
    """Articles with a proposal still on the table: a sheet's rows included by default."""
    return set(
        Proposal.objects.filter(
            negotiation=negotiation, status=Proposal.Status.OPEN, article__isnull=False
        ).values_list("article_id", flat=True)
    )


class CompareError(Exception):
    """A pass whose section changes no longer fit the article's current text."""


VERBS = {"amend": "amends", "add": "adds", "delete": "deletes"}


def what_it_changes(proposal: Proposal) -> str:
    """In words: "the whole article", or "amends 14.2; adds 14.5"."""
    if proposal.effect != Proposal.Effect.SECTIONS:
        return "replaces the whole article"
    return "; ".join(
        f"{VERBS.get(c['action'], c['action'])} {c['section']}" for c in proposal.sections
    )


def proposed(article: Article, proposal: Proposal) -> str:
    """The article as ``proposal`` would have it: its section changes applied to the current
    text (every other section as it is), or its text when it replaces the article whole."""
    try:
        return proposed_text(
            article.current_text,
            "sections" if proposal.effect == Proposal.Effect.SECTIONS else "replace",
            proposal.text,
            changes_from_data(proposal.sections),
        )
    except AmendmentError as error:
        raise CompareError(
            f"Article {article.number}: “{proposal.title}” no longer fits the current text "
            f"({error}). Correct the proposal's sections, or the article's text."
        ) from None


def _source(role: str, proposal: Proposal) -> dict[str, Any]:
    return {
        "role": role,
        "side": proposal.side,
        "id": proposal.pk,
        "title": proposal.title,
        "passed_on": proposal.passed_on.isoformat(),
        "is_published": proposal.is_published,
        "changes": what_it_changes(proposal),
    }


def compare(columns: str, article: Article, passes: dict[str, list[Proposal]]) -> Comparison:
    current = article.current_text
    if columns == Columns.REGRESSION:
        employer = passes.get(Side.EMPLOYER, [])
        if not employer:
            return Comparison(
                {"previous": current, "latest": current},
                [],
                "The employer has made no proposal on this article.",
                diff(current, current),
            )
        latest = employer[-1]
        latest_text = proposed(article, latest)
        sources = [_source("latest", latest)]
        if len(employer) > 1:
            previous_text = proposed(article, employer[-2])
            sources.insert(0, _source("previous", employer[-2]))
            note = ""
        else:
            previous_text = current
            note = "The employer has passed once: compared with the current contract."
        return Comparison(
            {"previous": previous_text, "latest": latest_text},
            sources,
            note,
            diff(previous_text, latest_text),
        )
    texts = {"current": current}
    sources = []
    missing = []
    for side in (Side.UNION, Side.EMPLOYER):
        side_passes = passes.get(side, [])
        if side_passes:
            texts[side] = proposed(article, side_passes[-1])
            sources.append(_source("latest", side_passes[-1]))
        else:
            texts[side] = current
            missing.append(Side(side).label.lower())
    note = ""
    if len(missing) == 2:
        note = "Neither side has made a proposal on this article."
    elif missing:
        note = f"The {missing[0]} has made no proposal on this article."
    ops = attributed_ops(three_way(current, texts[Side.UNION], texts[Side.EMPLOYER]))
    return Comparison(texts, sources, note, ops)


def is_three_columns(columns: str, layout: str) -> bool:
    """Three columns (current | union | employer): a three-way sheet laid out in columns. A
    regression sheet in columns has two, its previous and latest passes side by side."""
    return columns == Columns.THREE_WAY and layout == Layout.COLUMNS


def column_rows(texts: dict[str, str]) -> list[ColumnRow]:
    """A three-way row's texts cut into the rows of its three columns (blank ones left out)."""
    rows = three_columns(texts["current"], texts[Side.UNION], texts[Side.EMPLOYER])
    return [row for row in rows if not row.is_blank]


def render_row(comparison: Comparison, columns: str, layout: str, negotiation_name: str) -> str:
    if is_three_columns(columns, layout):
        return render_columns(column_rows(comparison.texts), THREE_COLUMN_LABELS)
    old, new = COLUMN_LABELS[columns]
    kind: Literal["inline", "side-by-side"] = (
        "inline" if layout == Layout.INLINE else "side-by-side"
    )
    return render_fragment(comparison.ops, kind, Meta(negotiation_name, old, new))


def ops_to_data(ops: list[Op]) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(to_json(ops))
    return data


def ops_from_data(data: list[dict[str, Any]]) -> list[Op]:
    return from_json(json.dumps(data))
