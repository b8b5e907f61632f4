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
from caucus.engines.redline.json_format import from_json, to_json
from caucus.engines.redline.render_html import Meta, render_fragment
from caucus.engines.redline.threeway import attributed_ops, three_way
from caucus.sheets.models import COLUMN_LABELS, Columns
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
        .only("id", "article_id", "side", "title", "text", "passed_on", "is_published")
        .order_by("passed_on", "created_at", "id")
    )
    for proposal in proposals:
        assert proposal.article_id is not None
        found[proposal.article_id][proposal.side].append(proposal)
    return found


def articles_on_the_table(negotiation: Negotiation) -> set[int]:
    """Articles with a proposal still on the table: a sheet's rows included by default."""
    return set(
        Proposal.objects.filter(
            negotiation=negotiation, status=Proposal.Status.OPEN, article__isnull=False
        ).values_list("article_id", flat=True)
    )


def _source(role: str, proposal: Proposal) -> dict[str, Any]:
    return {
        "role": role,
        "side": proposal.side,
        "id": proposal.pk,
        "title": proposal.title,
        "passed_on": proposal.passed_on.isoformat(),
        "is_published": proposal.is_published,
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
        sources = [_source("latest", latest)]
        if len(employer) > 1:
            previous_text = employer[-2].text
            sources.insert(0, _source("previous", employer[-2]))
            note = ""
        else:
            previous_text = current
            note = "The employer has passed once: compared with the current contract."
        return Comparison(
            {"previous": previous_text, "latest": latest.text},
            sources,
            note,
            diff(previous_text, latest.text),
        )
    texts = {"current": current}
    sources = []
    missing = []
    for side in (Side.UNION, Side.EMPLOYER):
        side_passes = passes.get(side, [])
        if side_passes:
            texts[side] = side_passes[-1].text
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


def render_row(ops: list[Op], columns: str, layout: str, negotiation_name: str) -> str:
    old, new = COLUMN_LABELS[columns]
    kind: Literal["inline", "side-by-side"] = (
        "side-by-side" if layout == "side-by-side" else "inline"
    )
    return render_fragment(ops, kind, Meta(negotiation_name, old, new))


def ops_to_data(ops: list[Op]) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(to_json(ops))
    return data


def ops_from_data(data: list[dict[str, Any]]) -> list[Op]:
    return from_json(json.dumps(data))
