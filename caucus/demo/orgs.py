"""The demo's organizations: Harborline Coffee Company (invented), its seven regions and
sixty-odd worksites, its wage scale, and the ten locals of the coalition that bargains with it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from caucus.orgs.models import (
    BargainingUnit,
    Classification,
    Coalition,
    Employer,
    Region,
    Union,
    Worksite,
)

EMPLOYER_DOMAIN = "harborline.example"

# code, name, cities (worksites are spread over them)
REGIONS = [
    ("PNW", "Pacific Northwest", ["Tacoma", "Spokane", "Salem", "Eugene"]),
    ("CAL", "California", ["Oakland", "Fresno", "San Jose", "Long Beach", "Sacramento"]),
    ("MTN", "Mountain", ["Denver", "Boise", "Salt Lake City"]),
    ("MID", "Midwest", ["Chicago", "Milwaukee", "Minneapolis", "Detroit", "Columbus"]),
    ("SOU", "Texas and the South", ["Austin", "Houston", "San Antonio", "Atlanta"]),
    ("SE", "Southeast", ["Charlotte", "Orlando", "Richmond"]),
    ("NE", "Northeast", ["Boston", "Providence", "Philadelphia", "Buffalo", "Newark"]),
]

# slug, short name, full name, region codes it organizes, share of the membership
LOCALS = [
    ("local-12", "Local 12", "Cafe Workers United Local 12", ["PNW"], 9),
    ("local-34", "Local 34", "Coffee and Allied Workers Local 34", ["CAL"], 16),
    ("local-56", "Local 56", "Retail Food Workers Local 56", ["CAL"], 8),
    ("local-78", "Local 78", "Mountain States Service Workers Local 78", ["MTN"], 7),
    ("local-90", "Local 90", "Great Lakes Baristas Union Local 90", ["MID"], 12),
    ("local-117", "Local 117", "Prairie Service Employees Local 117", ["MID"], 6),
    ("local-205", "Local 205", "Lone Star Cafe Workers Local 205", ["SOU"], 11),
    ("local-311", "Local 311", "Southeast Hospitality Workers Local 311", ["SE"], 9),
    ("local-422", "Local 422", "Atlantic Coffee Workers Local 422", ["NE"], 14),
    ("local-509", "Local 509", "Roastery and Warehouse Workers Local 509", ["CAL", "MID"], 8),
]

# Roasting and distribution plants, where the warehouse units work.
PLANTS = [
    ("CAL", "Oakland Roastery and Distribution", "Oakland"),
    ("MID", "Joliet Roastery and Distribution", "Joliet"),
]
STORES = ("ST", "Stores")
WAREHOUSE = ("RW", "Roastery and Warehouse")
# Units other than a single stores unit.
UNITS = {"local-34": [STORES, WAREHOUSE], "local-90": [STORES, WAREHOUSE], "local-509": [WAREHOUSE]}

# code, title, max step, starting rate, raise per step, share of members (stores units)
STORE_CLASSIFICATIONS = [
    ("BAR", "Barista", 6, "17.25", "0.45", 62),
    ("SSV", "Shift Supervisor", 6, "20.10", "0.55", 20),
    ("BAK", "Baker", 5, "18.40", "0.50", 6),
    ("CAT", "Cafe Attendant", 4, "16.75", "0.35", 12),
]
WAREHOUSE_CLASSIFICATIONS = [
    ("ROA", "Roaster", 7, "22.80", "0.70", 30),
    ("WHA", "Warehouse Associate", 6, "19.90", "0.55", 45),
    ("DRV", "Delivery Driver", 6, "23.40", "0.65", 15),
    ("MNT", "Maintenance Technician", 8, "27.50", "0.85", 10),
]


@dataclass
class Orgs:
    coalition: Coalition
    employer: Employer
    regions: dict[str, Region] = field(default_factory=dict)
    unions: list[Union] = field(default_factory=list)
    shares: dict[int, int] = field(default_factory=dict)
    units: dict[int, list[BargainingUnit]] = field(default_factory=dict)
    worksites: dict[str, list[Worksite]] = field(default_factory=dict)
    classifications: dict[str, Classification] = field(default_factory=dict)
    rates: dict[str, list[Decimal]] = field(default_factory=dict)
    local_regions: dict[int, list[str]] = field(default_factory=dict)
    plants: dict[str, Worksite] = field(default_factory=dict)


def build_orgs(rng: random.Random) -> Orgs:
    coalition = Coalition.objects.create(
        name="Harborline Workers Coalition",
        slug="harborline-workers",
        about=(
            "Ten locals bargaining together with Harborline Coffee Company for one national "
            "agreement: fair wages, real staffing and a share of the profits we make."
        ),
    )
    employer = Employer.objects.create(
        name="Harborline Coffee Company", slug="harborline", email_domains=EMPLOYER_DOMAIN
    )
    orgs = Orgs(coalition=coalition, employer=employer)
    _regions(rng, orgs)
    _classifications(orgs)
    _locals(orgs)
    return orgs


def _regions(rng: random.Random, orgs: Orgs) -> None:
    """The employer's regions, each with its stores, and the two roasting plants."""
    employer = orgs.employer
    for code, name, cities in REGIONS:
        region = Region.objects.create(employer=employer, name=name, code=code)
        orgs.regions[code] = region
        sites: list[Worksite] = []
        for number in range(rng.randint(7, 10)):
            city = cities[number % len(cities)]
            sites.append(
                Worksite(
                    employer=employer,
                    region=region,
                    name=f"{city} #{100 + len(sites) * 7 + rng.randint(0, 6)}",
                    code=f"{code}-{number + 1:02d}",
                    city=city,
                )
            )
        orgs.worksites[code] = Worksite.objects.bulk_create(sites)
    for code, name, city in PLANTS:
        orgs.plants[code] = Worksite.objects.create(
            employer=employer, region=orgs.regions[code], name=name, code=f"{code}-R1", city=city
        )


def _classifications(orgs: Orgs) -> None:
    for code, title, max_step, start, per_step, _share in (
        STORE_CLASSIFICATIONS + WAREHOUSE_CLASSIFICATIONS
    ):
        orgs.classifications[code] = Classification.objects.create(
            employer=orgs.employer, code=code, title=title, max_step=max_step
        )
        orgs.rates[code] = [Decimal(start) + Decimal(per_step) * step for step in range(max_step)]


def _locals(orgs: Orgs) -> None:
    """The coalition's locals and their bargaining units."""
    for slug, short, name, region_codes, share in LOCALS:
        union = Union.objects.create(
            coalition=orgs.coalition, name=name, short_name=short, slug=slug
        )
        orgs.unions.append(union)
        orgs.shares[union.pk] = share
        orgs.local_regions[union.pk] = region_codes
        number = short.split()[-1]
        orgs.units[union.pk] = [
            BargainingUnit.objects.create(union=union, name=unit_name, code=f"{number}-{suffix}")
            for suffix, unit_name in UNITS.get(slug, [STORES])
        ]
