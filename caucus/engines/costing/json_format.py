"""The JSON a costing run is written as (``caucus cost --format json``); stable, documented in
docs/costing.md. Money is rounded to the cent, percents and rates to four decimals.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from typing import Any

import numpy as np

from caucus.engines.costing.results import (
    BaseYear,
    CostingRun,
    ProposalCost,
    RollupCost,
    YearCost,
)
from caucus.engines.costing.summaries import PERCENTILES, proposal_summaries
from caucus.engines.costing.terms import term_of

FORMAT, VERSION = "caucus-costing", 1
FINE = {
    "weighted_average_rate",
    "average_rate_per_hour",
    "percent_of_base_payroll",
    "above_status_quo_percent",
    "cents_per_hour",
    "above_status_quo_cents_per_hour",
    "lift_percent",
    "headcount",
    "wages_percent_of_base_payroll",
    "wages_cents_per_hour",
    "wages_above_status_quo_percent",
    "wages_above_status_quo_cents_per_hour",
    "percent_of_base_payroll_a_year",
    "wages_percent_of_base_payroll_a_year",
    "time_off_cents_per_hour_worked",
    "cents_per_hour_worked",
    "above_status_quo_cents_per_hour_worked",
}


def run_to_dict(run: CostingRun, *, workers: bool = True) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "base_year": _numbers(run.base),
        "status_quo": run.status_quo.name,
        "proposals": [_proposal(run, p, workers) for p in run.proposals],
    }


def dumps(run: CostingRun, *, workers: bool = True) -> str:
    return json.dumps(run_to_dict(run, workers=workers), indent=1, ensure_ascii=False)


def _proposal(run: CostingRun, p: ProposalCost, workers: bool) -> dict[str, Any]:
    term = term_of(p.terms)
    out: dict[str, Any] = {
        "name": p.name,
        "term": {
            "start": term.start.isoformat(),
            "years": term.years,
            "day_count": term.day_count,
        },
        "years": [_numbers(y) for y in p.years],
        "term_total": _numbers(p.term),
        "groups": {
            name: [
                {
                    "key": g.key,
                    "workers": g.workers,
                    "losers": g.losers,
                    "total": round(g.total, 2),
                    "mean": round(g.mean, 2),
                    **{
                        f"p{q}": round(v, 2)
                        for q, v in zip(PERCENTILES, g.percentiles, strict=True)
                    },
                }
                for g in groups
            ]
            for name, groups in proposal_summaries(run.roster, p).items()
        },
    }
    if workers:
        pay, sq, change = (np.round(a.T, 2).tolist() for a in (p.pay, p.status_quo_pay, p.change))
        out["workers"] = [
            {"id": worker_id, "pay": pay[i], "status_quo_pay": sq[i], "change": change[i]}
            for i, worker_id in enumerate(run.roster.ids)
        ]
    return out


def _numbers(record: BaseYear | YearCost) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name == "rollup_components":
            out[f.name] = [_component(c, with_change=isinstance(record, YearCost)) for c in value]
        elif isinstance(value, date):
            out[f.name] = value.isoformat()
        elif isinstance(value, float):
            out[f.name] = round(value, 4 if f.name in FINE else 2)
        else:
            out[f.name] = value
    return out


def _component(cost: RollupCost, *, with_change: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": cost.name,
        "rate": round(cost.rate, 6),
        "base_only": cost.base_only,
        "amount": round(cost.amount, 2),
    }
    if with_change:
        out["above_status_quo"] = round(cost.above_status_quo, 2)
    return out
