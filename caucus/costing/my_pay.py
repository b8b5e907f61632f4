"""One worker's pay under each proposal of a published run: "what it means for me".

The engine costs a one-worker roster, which takes milliseconds. Two things change so that
one worker on their own is costed as they would be on the whole roster:

- every scoped term (``where``) is resolved for this worker: kept for everyone when it names
  them, dropped when it does not (a one-worker roster has no other region to name);
- a profit-sharing pool becomes this worker's share of it, as the run shared it (equally, by
  hours or by pay among the workers the run costed), before any guaranteed minimum.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl
from django.utils import timezone

from caucus.costing.inputs import parse_inputs
from caucus.costing.models import CostingRun
from caucus.engines.costing.model import SCOPED, cost_proposals
from caucus.engines.costing.roster import roster_from_frame


@dataclass(frozen=True)
class Worker:
    classification: str
    step: int
    rate: float
    hours: float  # a year
    region: str = ""
    local: str = ""
    unit: str = ""
    hire_date: date | None = None


@dataclass(frozen=True)
class Year:
    start: date
    end: date
    pay: float
    status_quo: float
    change: float  # pay - status quo - change in their share of the health premium


@dataclass(frozen=True)
class Outcome:
    label: str
    side: str
    years: list[Year]

    @property
    def total_change(self) -> float:
        return sum(y.change for y in self.years)


def scales(run: CostingRun) -> dict[str, list[float]]:
    return {
        str(s["classification"]): [float(r) for r in s["rates"]]
        for s in run.status_quo_terms.get("scales", [])
    }


def worker_outcomes(run: CostingRun, worker: Worker) -> list[Outcome]:
    """The worker's pay per contract year under each proposal and under the status quo."""
    base = (run.summary or {}).get("base_year", {})
    items = [
        {**item, "terms": for_one_worker(item["terms"], worker, base)}
        for item in run.proposal_terms
    ]
    proposals, status_quo = parse_inputs(items, for_one_worker(run.status_quo_terms, worker, base))
    hired = worker.hire_date or _a_year_before(
        proposals[0].term.start if proposals[0].term else None
    )
    frame = pl.DataFrame(
        {
            "classification": [worker.classification],
            "step": [worker.step],
            "rate": [worker.rate],
            "hours": [worker.hours],
            "region": [worker.region],
            "local": [worker.local],
            "unit": [worker.unit],
            "hire_date": pl.Series([hired], dtype=pl.Date),
        }
    )
    result = cost_proposals(roster_from_frame(frame), proposals, status_quo)
    out = []
    for item, cost in zip(run.proposal_terms, result.proposals, strict=True):
        years = [
            Year(
                y.start,
                y.end,
                float(cost.pay[k, 0]),
                float(cost.status_quo_pay[k, 0]),
                float(cost.change[k, 0]),
            )
            for k, y in enumerate(cost.years)
        ]
        out.append(Outcome(str(item["label"]), str(item["side"]), years))
    return out


def for_one_worker(
    terms: dict[str, Any] | None, worker: Worker, base: dict[str, Any]
) -> dict[str, Any]:
    """The terms as they apply to this worker alone (see the module's docstring)."""
    out = copy.deepcopy(terms or {})
    facts = {
        "classification": worker.classification,
        "region": worker.region,
        "local": worker.local,
        "unit": worker.unit,
    }
    for section in SCOPED:
        if section not in out:
            continue
        kept = []
        for part in out[section]:
            where = part.pop("where", None) or {}
            if all(
                facts.get(group) in ([w] if isinstance(w, str) else w) for group, w in where.items()
            ):
                kept.append(part)
        out[section] = kept
    sharing = out.get("profit_sharing")
    if sharing and base.get("workers"):
        formula = sharing.get("formula", "equal")
        if formula == "hours" and base.get("hours"):
            share = worker.hours / float(base["hours"])
        elif formula == "pay" and base.get("payroll"):
            share = worker.hours * worker.rate / float(base["payroll"])
        else:
            share = 1.0 / float(base["workers"])
        sharing["pools"] = [float(pool) * share for pool in sharing["pools"]]
    return out


def _a_year_before(start: date | None) -> date:
    """An entered worker's step moves on each anniversary of the contract's start."""
    start = start or timezone.localdate()
    return start.replace(year=start.year - 1, day=min(start.day, 28))
