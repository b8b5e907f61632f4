"""A year's profit-sharing payout against the guaranteed minimum, by the costing engine.

The employer reports the year's pool; the engine (``caucus.engines.costing``, see
docs/costing.md, "profit sharing") shares it over the roster by the commitment's formula
(equal, by hours or by pay), once as the employer paid it (no minimum) and once with every
share raised to the guaranteed minimum. Each worker's payout is their share of the first; the
shortfall across the roster is the second's profit sharing less the first's: the top-ups the
minimum guarantees and the pool did not pay. Nothing here shares a pool itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from caucus.commitments.models import Commitment
from caucus.commitments.progress import period_start
from caucus.costing.rosters import check_frame, members_frame
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.terms import parse_terms
from caucus.members.models import Member

# A worker is under the minimum when short by at least half a cent.
CENT = 0.005


def roster_members(commitment: Commitment) -> Any:
    """The members the promise is to: on the roster, in the table's units."""
    return Member.objects.on_roster().filter(unit__negotiations=commitment.negotiation)


def payout_check(commitment: Commitment, pool: float, year_end: date) -> dict[str, Any]:
    """The year's payout per worker and the shortfall against the minimum, as plain figures."""
    roster = check_frame(members_frame(roster_members(commitment)))
    start = period_start(year_end, Commitment.Period.YEAR)
    term = {"start": start.isoformat(), "years": 1}
    minimum = float(commitment.target)
    sharing = {"pools": [pool], "formula": commitment.sharing_formula}
    paid = parse_terms(
        {"name": "as paid", "term": term, "profit_sharing": {**sharing, "minimum": 0.0}}
    )
    owed = parse_terms(
        {
            "name": "with the minimum",
            "term": term,
            "profit_sharing": {**sharing, "minimum": minimum},
        }
    )
    run = cost_proposals(roster, [paid, owed], parse_terms({"name": "status quo", "term": term}))
    as_paid, with_minimum = run.proposals
    shares = as_paid.pay[0] - as_paid.status_quo_pay[0]
    under = shares < minimum - CENT
    return {
        "year_end": year_end.isoformat(),
        "pool": round(pool, 2),
        "minimum": minimum,
        "formula": commitment.sharing_formula,
        "workers": len(roster),
        "mean": round(float(shares.mean()), 2) if len(shares) else 0.0,
        "lowest": round(float(shares.min()), 2) if len(shares) else 0.0,
        "under": int(np.count_nonzero(under)),
        "shortfall": round(
            with_minimum.years[0].profit_sharing - as_paid.years[0].profit_sharing, 2
        ),
    }
