"""The member page: what the employer promised, and where it stands. Only what staff published;
the same charts as the staff page and a table of the figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caucus.commitments.access import (
    public_negotiation,
    published_commitment,
    published_commitments,
)
from caucus.commitments.board import standing
from caucus.lib.markdown import render_markdown


def promises(request: HttpRequest, slug: str) -> HttpResponse:
    negotiation = public_negotiation(slug)
    today = timezone.localdate()
    rows = [
        (standing(c, today), render_markdown(c.member_summary))
        for c in published_commitments(negotiation)
    ]
    return render(
        request,
        "commitments/site/promises.html",
        {"negotiation": negotiation, "rows": rows, "nav": "promises"},
    )


def promise(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = public_negotiation(slug)
    commitment = published_commitment(negotiation, pk)
    board = standing(commitment, timezone.localdate())
    return render(
        request,
        "commitments/site/promise.html",
        {
            "negotiation": negotiation,
            "commitment": commitment,
            "board": board,
            "summary_html": render_markdown(commitment.member_summary),
            "charts": [
                (line, spec, f"chart-{n}", f"chart-{n}-data")
                for n, (line, spec) in enumerate(board.charts())
            ],
            "payout_chart": board.payout_chart() if commitment.is_profit_sharing else None,
            "nav": "promises",
        },
    )
