"""A small roster and two wage proposals to cost: the union's raises for everyone, the
employer's smaller raises with a first-year freeze in the South and steps frozen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.urls import reverse

from caucus.table.models import Proposal

SCALE = [20.00, 21.50, 23.00]
START = date(2027, 1, 1)
UNION_TERMS = {
    "term": {"start": "2027-01-01", "years": 3},
    "raises": [
        {"effective": "2027-01-01", "percent": 4.0},
        {"effective": "2028-01-01", "percent": 4.0},
        {"effective": "2029-01-01", "percent": 4.0},
    ],
}
EMPLOYER_TERMS = {
    "term": {"start": "2027-01-01", "years": 3},
    "raises": [
        {"effective": "2027-01-01", "percent": 2.0},
        {"effective": "2028-01-01", "percent": 2.0},
        {"effective": "2029-01-01", "percent": 2.0},
    ],
    "freezes": [{"start": "2027-01-01", "end": "2027-12-31", "where": {"region": "South"}}],
    "steps": {"movement": False},
}
# (member id, union "a"/"b", south?, step, fte, hired)
WORKERS = [
    ("A-1", "a", False, 1, "1", date(2025, 3, 1)),
    ("A-2", "a", True, 1, "0.5", date(2025, 6, 15)),
    ("A-3", "a", True, 3, "1", date(2015, 2, 1)),
    ("A-4", "a", False, 2, "0.75", date(2021, 9, 1)),
    ("B-1", "b", True, 2, "1", date(2022, 4, 1)),
    ("B-2", "b", False, 3, "1", date(2012, 8, 20)),
]


def make_roster(world: Any) -> None:
    for member_id, union, south, step, fte, hired in WORKERS:
        world.member(
            union=world.union_a if union == "a" else world.union_b,
            member_id=member_id,
            worksite=world.worksite_south if south else world.worksite,
            step=step,
            hourly_rate=Decimal(str(SCALE[step - 1])),
            fte=Decimal(fte),
            hire_date=hired,
        )


def engine_rows(world: Any) -> list[dict[str, Any]]:
    """The same workers written by hand in the engine's roster columns."""
    rows = [
        {
            "id": f"Local {u.upper()}/{member_id}",
            "local": f"Local {u.upper()}",
            "unit": f"Local {u.upper()} Stores",
            "region": "South" if south else "North",
            "classification": "Clerk",
            "step": step,
            "rate": SCALE[step - 1],
            "fte": float(fte),
            "hire_date": hired,
        }
        for member_id, u, south, step, fte, hired in WORKERS
    ]
    # the cast's own member (Mara, Local A, North, step 2 at 21.50, hired 2019-05-01)
    rows.append(
        {
            "id": "Local A/A-100",
            "local": "Local A",
            "unit": "Local A Stores",
            "region": "North",
            "classification": "Clerk",
            "step": 2,
            "rate": 21.50,
            "fte": 1.0,
            "hire_date": date(2019, 5, 1),
        }
    )
    return sorted(rows, key=lambda r: (r["local"], r["id"]))


def make_proposals(world: Any, negotiation: Any = None) -> tuple[Proposal, Proposal]:
    negotiation = negotiation or world.negotiation
    wages = negotiation.articles.get(number="12")
    union = Proposal.objects.create(
        negotiation=negotiation,
        article=wages,
        side="union",
        title="Wages: 4% a year",
        economic_terms=UNION_TERMS,
        is_published=True,
    )
    employer = Proposal.objects.create(
        negotiation=negotiation,
        article=wages,
        side="employer",
        title="Wages: 2% a year, South frozen",
        economic_terms=EMPLOYER_TERMS,
        is_published=True,
    )
    return union, employer


def new_run_url(world: Any) -> str:
    return reverse("costing:new", args=[world.negotiation.slug])


def start_run(client: Any, world: Any, proposals: Any, **extra: Any) -> Any:
    data = {"source": "members", "union": "", "proposals": [p.pk for p in proposals], **extra}
    return client.post(new_run_url(world), data)


def finished_run(cast: Any, world: Any, *, roster: bool = True) -> Any:
    """A run of both proposals on the members, costed."""
    from caucus.costing.actions import do_create_run
    from caucus.costing.tasks import run_costing

    if roster:
        make_roster(world)
    union, employer = make_proposals(world)
    run = do_create_run(cast["team"], world.negotiation, name="Wages", proposals=[union, employer])
    run_costing(run.pk)
    run.refresh_from_db()
    return run
