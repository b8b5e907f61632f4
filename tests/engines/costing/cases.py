"""Rosters and terms shared by the costing tests and the benchmark."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np

from caucus.engines.costing.roster import Roster, roster_from_rows

SCALES = [
    {"classification": "Nurse", "rates": [30.0, 31.5, 33.0, 34.65, 36.4]},
    {"classification": "Clerk", "rates": [18.0, 18.9, 19.85]},
    {"classification": "Tech", "rates": [24.0, 25.0, 26.0, 27.0]},
]
CLASSES = ["Nurse", "Clerk", "Tech", "Porter"]  # Porter has no scale: paid its own rate
REGIONS = ["North", "South", "East"]
LOCALS = ["Local 1", "Local 2"]
UNITS = ["Hospital", "Clinic"]


def status_quo(start: str = "2026-07-01", years: int = 4) -> dict[str, Any]:
    return {
        "name": "status quo",
        "term": {"start": start, "years": years},
        "scales": SCALES,
        "differentials": [{"name": "night", "share_of_hours": 0.2, "cents": 150}],
        "health": {
            "monthly_premium": 900.0,
            "employer_share": 0.8,
            "enrolled": 0.9,
            "premium_growth": 0.06,
        },
        "rollup": {"rate": 0.1715, "on_lump_sums": 0.0765},
    }


def union_offer() -> dict[str, Any]:
    """Every kind of term at once: the proposal the benchmark and the cross-check cost."""
    return {
        "name": "union",
        "raises": [
            {"effective": "2026-07-01", "percent": 4.0, "floor_cents": 90},
            {"effective": "2027-01-01", "cents": 25},
            {"effective": "2027-07-01", "percent": 3.5, "cap_cents": 120},
            {"effective": "2028-01-01", "percent": 1.0, "where": {"region": "North"}},
            {"effective": "2028-07-01", "percent": 3.0},
            {"effective": "2029-07-01", "percent": 3.0},
            {"effective": "2030-01-01", "percent": 1.0},
        ],
        "steps": {
            "movement": True,
            "scales": [
                {
                    "classification": "Clerk",
                    "effective": "2027-07-01",
                    "rates": [19.0, 19.9, 20.85, 21.9],
                }
            ],
        },
        "lump_sums": [
            {"paid": "2026-12-01", "amount": 1000.0, "min_fte": 0.5, "prorate_fte": True},
            {"paid": "2028-03-15", "percent": 2.0, "hired_before": "2025-01-01"},
        ],
        "differentials": [
            {"name": "night", "share_of_hours": 0.2, "cents": 200},
            {
                "name": "weekend",
                "share_of_hours": 0.1,
                "percent": 5.0,
                "where": {"unit": "Hospital"},
            },
        ],
    }


def employer_offer() -> dict[str, Any]:
    return {
        "name": "employer",
        "raises": [
            {"effective": "2026-10-01", "percent": 2.0},
            {"effective": "2027-10-01", "percent": 2.0},
            {"effective": "2028-10-01", "percent": 1.5},
            {"effective": "2029-10-01", "percent": 1.5},
        ],
        "new_hire_tier": {
            "hired_after": "2026-07-01",
            "turnover": 0.1,
            "hiring": 0.02,
            "scales": [{"classification": "Nurse", "rates": [27.0, 28.0, 29.0, 30.0, 31.0, 32.0]}],
        },
        "freezes": [{"start": "2026-07-01", "end": "2027-12-31", "where": {"region": "South"}}],
        "red_circles": [
            {"market_rate": 26.0, "effective": "2027-04-01", "where": {"classification": "Tech"}}
        ],
        "profit_sharing": {
            "pools": [0.0, 2.0e5, 2.5e5, 3.0e5],
            "formula": "hours",
            "minimum": 250.0,
        },
        "health": {
            "monthly_premium": 900.0,
            "employer_share": 0.7,
            "enrolled": 0.9,
            "premium_growth": 0.06,
        },
    }


def status_quo_with_time_off(start: str = "2026-07-01", years: int = 4) -> dict[str, Any]:
    """The status quo above with ten holidays, vacation by years of service, a minimum wage in
    one region and its roll-up component by component."""
    return {
        **status_quo(start, years),
        "holidays": [{"hours": 80.0, "label": "ten holidays"}],
        "vacation": [
            {"weeks": 2.0, "min_years": 0},
            {"weeks": 3.0, "min_years": 5},
            {"weeks": 4.0, "min_years": 15, "where": {"unit": "Hospital"}},
        ],
        "minimum_wages": [{"rate": 18.5, "effective": "2025-01-01", "where": {"region": "South"}}],
        "rollup": {
            "components": [
                {"name": "Social Security", "rate": 0.062},
                {"name": "Medicare", "rate": 0.0145},
                {"name": "Pension", "rate": 0.06, "base_only": True},
                {"name": "Unemployment insurance", "rate": 0.015, "base_only": True},
                {"name": "Workers' compensation", "rate": 0.015, "base_only": True},
                {"name": "Life insurance", "rate": 0.005, "base_only": True},
            ]
        },
    }


def floors_and_leave_offer() -> dict[str, Any]:
    """The union's offer with a minimum rate, a regional minimum wage rising mid-term, an added
    holiday from the second year and a better vacation schedule from the third."""
    return {
        **union_offer(),
        "name": "union, floors and leave",
        "minimum_rates": [
            {"rate": 19.25},
            {"rate": 20.5, "effective": "2028-01-01", "where": {"classification": "Porter"}},
        ],
        "minimum_wages": [
            {"rate": 18.5, "effective": "2025-01-01", "where": {"region": "South"}},
            {"rate": 21.0, "effective": "2027-04-01", "where": {"region": "East"}},
        ],
        "holidays": [
            {"hours": 80.0, "label": "ten holidays"},
            {"hours": 8.0, "effective": "2027-07-01", "label": "Juneteenth"},
        ],
        "vacation": [
            {"weeks": 2.0, "min_years": 0},
            {"weeks": 3.0, "min_years": 5},
            {"weeks": 4.0, "min_years": 15, "where": {"unit": "Hospital"}},
            {"weeks": 2.0, "min_years": 0, "effective": "2028-07-01"},
            {"weeks": 3.0, "min_years": 4, "effective": "2028-07-01"},
            {"weeks": 5.0, "min_years": 10, "effective": "2028-07-01"},
        ],
        "new_hire_tier": {
            "hired_after": "2026-07-01",
            "turnover": 0.1,
            "scales": [{"classification": "Nurse", "rates": [27.0, 28.0, 29.0, 30.0, 31.0]}],
        },
    }


def generated_rows(n: int, seed: int = 7) -> dict[str, Any]:
    """Columns of a plausible roster: on-scale and off-scale rates, FTE and hours, many dates."""
    rng = np.random.default_rng(seed)
    classes = rng.choice(len(CLASSES), n, p=[0.4, 0.25, 0.2, 0.15])
    tops = np.array([5, 3, 4, 1])
    steps = rng.integers(1, tops[classes] + 1)
    table = np.ones((len(CLASSES), 5))
    for i, scale in enumerate(SCALES):
        table[i, : len(scale["rates"])] = scale["rates"]
        table[i, len(scale["rates"]) :] = scale["rates"][-1]
    rate = table[classes, steps - 1]
    off = rng.random(n) < 0.1  # some paid above (red-circle candidates) or off the scale
    rate = np.where(off, rate * rng.uniform(1.0, 1.25, n), rate)
    rate = np.where(classes == 3, rng.uniform(16.0, 21.0, n), rate).round(2)
    hire = np.datetime64("2000-01-01") + rng.integers(0, 27 * 365, n)
    fte = rng.choice([0.4, 0.5, 0.8, 1.0], n, p=[0.1, 0.1, 0.2, 0.6])
    return {
        "id": [f"M{i:07d}" for i in range(n)],
        "classification": np.array(CLASSES)[classes],
        "step": steps,
        "rate": rate,
        "fte": fte,
        "region": np.array(REGIONS)[rng.integers(0, 3, n)],
        "unit": np.array(UNITS)[rng.integers(0, 2, n)],
        "local": np.array(LOCALS)[rng.integers(0, 2, n)],
        "hire_date": hire.astype("datetime64[D]"),
    }


def generated_roster(n: int, seed: int = 7) -> Roster:
    import polars as pl

    from caucus.engines.costing.roster import roster_from_frame

    return roster_from_frame(pl.DataFrame(generated_rows(n, seed)))


def worker(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "classification": "Porter",
        "step": 1,
        "rate": 20.0,
        "hours": 2080.0,
        "hire_date": "2015-03-01",
        "region": "North",
        "unit": "Hospital",
        "local": "Local 1",
    }
    row.update(fields)
    return row


def roster_of(*rows: dict[str, Any]) -> Roster:
    return roster_from_rows(list(rows))


def day(text: str) -> date:
    return date.fromisoformat(text)


def day_before(text: str) -> date:
    return date.fromisoformat(text) - timedelta(days=1)
