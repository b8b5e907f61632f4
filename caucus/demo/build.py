"""``build_demo(seed, members)``: the whole demo coalition in one transaction.

The same seed gives the same organizations, roster, users and devices; the bargaining round
is placed around today's date so it always looks current.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from caucus.audit.log import record
from caucus.demo.commitments import build_commitments
from caucus.demo.costing import build_costing
from caucus.demo.delivery import build_delivery
from caucus.demo.evidence import build_evidence
from caucus.demo.orgs import Orgs, build_orgs
from caucus.demo.people import build_people
from caucus.demo.readiness import build_readiness
from caucus.demo.roster import build_roster
from caucus.demo.sheets import build_sheets
from caucus.demo.table import Round, build_round
from caucus.demo.updates import build_updates
from caucus.demo.votes import build_votes
from caucus.orgs.models import Coalition

DEFAULT_SEED = 2026
DEFAULT_MEMBERS = 85_000


@dataclass(frozen=True)
class Demo:
    """What each part of the demo built, for the parts built after it."""

    orgs: Orgs
    users: dict[str, Any]
    round: Round
    seed: int
    today: date


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    members: int
    unions: int
    worksites: int
    proposals: int
    seconds: float


def demo_exists() -> bool:
    return Coalition.objects.exists()


def build_demo(seed: int = DEFAULT_SEED, members: int = DEFAULT_MEMBERS) -> DemoSummary:
    started = time.perf_counter()
    # One generator per part, so that changing one part leaves the others' rows unchanged.
    rngs = {part: random.Random(f"{seed}:{part}") for part in ("orgs", "roster", "people")}
    with transaction.atomic():
        orgs = build_orgs(rngs["orgs"])
        written = build_roster(rngs["roster"], orgs, members)
        users = build_people(rngs["people"], orgs)
        rnd = build_round(orgs, timezone.localdate(), users["team"])
        build_evidence(rnd, orgs, users["team"])
        build_updates(rnd, orgs, users["comms"])
        build_costing(rnd, users["team"])
        build_sheets(rnd, users["team"])
        demo = Demo(orgs, users, rnd, seed, timezone.localdate())
        build_votes(demo)
        build_delivery(demo)
        build_readiness(demo)
        build_commitments(demo)
        summary = DemoSummary(
            seed=seed,
            members=written,
            unions=len(orgs.unions),
            worksites=sum(len(sites) for sites in orgs.worksites.values()) + len(orgs.plants),
            proposals=len(rnd.proposals),
            seconds=round(time.perf_counter() - started, 1),
        )
        record(None, "demo.built", orgs.coalition, seed=seed, members=written)
    return summary
