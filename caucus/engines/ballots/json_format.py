"""The JSON an outcome is written as (``caucus tally --format json``); stable, documented in
docs/votes.md. ``"format": 1`` is its version. Counts are whole numbers; shares are given
exactly (``"2/3"``) and as percentages rounded to two decimals, for reading only.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from caucus.engines.ballots.results import LocalResult, Outcome

FORMAT = 1


def outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "name": outcome.name,
        "scope": outcome.scope,
        "passes": outcome.passes,
        "reason": outcome.reason,
        "locals": [result_to_dict(r) for r in outcome.locals],
        "coalition": result_to_dict(outcome.coalition),
        "paradoxes": list(outcome.paradoxes),
    }


def result_to_dict(result: LocalResult) -> dict[str, Any]:
    share = result.yes_share
    return {
        "key": result.key,
        "eligible": result.eligible,
        "yes": result.yes,
        "no": result.no,
        "void": result.void,
        "cast": result.cast,
        "turnout_count": result.turnout_count,
        "turnout": _exact(result.turnout),
        "turnout_percent": _percent(result.turnout),
        "yes_share": None if share is None else _exact(share),
        "yes_percent": None if share is None else _percent(share),
        "passes": result.passes,
        "rule": result.rule,
        "reason": result.reason,
        "paradox": result.paradox,
    }


def dumps(outcome: Outcome) -> str:
    return json.dumps(outcome_to_dict(outcome), indent=1, ensure_ascii=False)


def _exact(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _percent(value: Fraction) -> float:
    return float(round(value * 100, 2))
