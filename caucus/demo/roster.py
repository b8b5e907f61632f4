"""The demo roster: members with believable classifications, steps, rates, FTE, hire dates,
languages and personal e-mail, written with ``bulk_create`` in batches.

Every value comes from the seeded generator and fixed dates, never from today's date, so the
same seed gives the same rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from caucus.demo.names import FIRST_NAMES, LANGUAGE_WEIGHTS, LAST_NAMES, PERSONAL_DOMAINS
from caucus.demo.orgs import EMPLOYER_DOMAIN, STORE_CLASSIFICATIONS, WAREHOUSE_CLASSIFICATIONS, Orgs
from caucus.members.columns import MEMBER_TABLE_COLUMNS
from caucus.members.models import Member, Standing
from caucus.orgs.models import BargainingUnit, Union

BATCH = 5000
ROSTER_DATE = date(2026, 1, 1)
FTES = [Decimal("0.5"), Decimal("0.625"), Decimal("0.75"), Decimal("0.875"), Decimal("1")]
STORE_FTE_WEIGHTS = [15, 15, 25, 15, 30]
PLANT_FTE_WEIGHTS = [0, 2, 5, 8, 85]
LANGUAGES = list(LANGUAGE_WEIGHTS)
STANDINGS = [Standing.GOOD.value, Standing.NOT_GOOD.value, Standing.NON_MEMBER.value]
STANDING_CUM_WEIGHTS = [92, 97, 100]
# The members table's columns in the order the demo writes them (written once, in members).
COLUMNS = MEMBER_TABLE_COLUMNS


def split_members(total: int, unions: list[Union], shares: dict[int, int]) -> dict[int, int]:
    """``total`` members shared among the unions by weight, largest remainders first."""
    weight = sum(shares[u.pk] for u in unions)
    exact = {u.pk: total * shares[u.pk] / weight for u in unions}
    counts = {pk: int(value) for pk, value in exact.items()}
    left = total - sum(counts.values())
    for pk in sorted(exact, key=lambda pk: (counts[pk] - exact[pk], pk))[:left]:
        counts[pk] += 1
    return counts


class _MemberMaker:
    def __init__(self, rng: random.Random, orgs: Orgs) -> None:
        self.rng = rng
        self.orgs = orgs
        self.serial = 0
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())

    def _classification(self, unit: BargainingUnit) -> tuple[str, int]:
        table = WAREHOUSE_CLASSIFICATIONS if unit.name != "Stores" else STORE_CLASSIFICATIONS
        row = self.rng.choices(table, weights=[r[5] for r in table])[0]
        return row[0], row[2]

    def _hire_date(self) -> date:
        # Turnover is high in coffee: most people were hired in the last few years.
        days = min(int(self.rng.expovariate(1 / (4 * 365))), 22 * 365)
        return ROSTER_DATE - timedelta(days=days + 1)

    def make(self, union: Union, number: int) -> tuple[Any, ...]:
        """One member's row, in the order of ``COLUMNS``."""
        rng, orgs = self.rng, self.orgs
        self.serial += 1
        units = orgs.units[union.pk]
        unit = units[0] if len(units) == 1 or rng.random() < 0.8 else units[1]
        if unit.name == "Stores":
            region = rng.choice(orgs.local_regions[union.pk])
            worksite = rng.choice(orgs.worksites[region])
            fte = rng.choices(FTES, weights=STORE_FTE_WEIGHTS)[0]
        else:
            plants = [orgs.plants[r] for r in orgs.local_regions[union.pk] if r in orgs.plants]
            worksite = rng.choice(plants)
            fte = rng.choices(FTES, weights=PLANT_FTE_WEIGHTS)[0]
        code, max_step = self._classification(unit)
        hired = self._hire_date()
        years = (ROSTER_DATE - hired).days // 365
        step = max(1, min(max_step, 1 + years // 2 + rng.choice((-1, 0, 0, 1))))
        language = rng.choices(LANGUAGES, weights=list(LANGUAGE_WEIGHTS.values()))[0]
        # Names mostly follow the language, not always: many bilingual members read English.
        name_language = language if rng.random() < 0.85 else "en"
        first = rng.choice(FIRST_NAMES[name_language])
        last = rng.choice(LAST_NAMES[name_language])
        email, on_employer = self._email(first, last)
        return (
            union.pk,
            f"{union.short_name.split()[-1]}-{number:06d}",
            first,
            last,
            unit.pk,
            worksite.pk,
            orgs.classifications[code].pk,
            step,
            orgs.rates[code][step - 1],
            fte,
            hired,
            language,
            email,
            f"(555) 01{rng.randint(0, 99):02d}-{rng.randint(0, 9999):04d}",
            rng.choices(STANDINGS, cum_weights=STANDING_CUM_WEIGHTS)[0],
            on_employer,
            True,
            None,
            self.now,
        )

    def _email(self, first: str, last: str) -> tuple[str, bool]:
        roll = self.rng.random()
        local_part = f"{first}.{last}{self.serial % 1000}".lower()
        if roll < 0.03:
            return "", False
        if roll < 0.042:
            # A few gave their work address: kept, flagged, never used for union mail.
            return f"{local_part}@{EMPLOYER_DOMAIN}", True
        return f"{local_part}@{self.rng.choice(PERSONAL_DOMAINS)}", False


def build_roster(rng: random.Random, orgs: Orgs, total: int) -> int:
    """Create ``total`` members across the locals; returns how many were written.

    Rows go in with one ``executemany`` per batch: building 85,000 model instances and
    preparing each field through the ORM took most of a minute; this takes seconds.
    """
    fields = {f.attname: f for f in Member._meta.concrete_fields if not f.primary_key}
    if set(fields) != set(COLUMNS):
        raise RuntimeError(f"Member's fields changed; update COLUMNS: {sorted(fields)}")
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(Member._meta.db_table)} "  # noqa: S608 - names from the model
        f"({', '.join(quote(fields[name].column) for name in COLUMNS)}) "
        f"VALUES ({', '.join(['%s'] * len(COLUMNS))})"
    )
    maker = _MemberMaker(rng, orgs)
    counts = split_members(total, orgs.unions, orgs.shares)
    rows = [
        maker.make(union, number)
        for union in orgs.unions
        for number in range(1, counts[union.pk] + 1)
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
    return len(rows)
