"""A small local at the world's table: five members of union A at Store 1, two at Store 2,
and two of union B, for the readiness tests."""

from __future__ import annotations

from typing import Any

import pytest

NAMES_AT_STORE_1 = [
    ("Ana", "Alvarez"),
    ("Ben", "Brooks"),
    ("Chen", "Cho"),
    ("Dara", "Diaz"),
    ("Eli", "Evans"),
]


class Local:
    def __init__(self, cast: Any) -> None:
        world = cast.world
        self.cast = cast
        self.world = world
        self.store_1 = [
            world.member(member_id=f"A-{n}", first_name=first, last_name=last)
            for n, (first, last) in enumerate(NAMES_AT_STORE_1, start=1)
        ]
        self.store_2 = [
            world.member(
                member_id=f"A-{n}",
                first_name="Fay",
                last_name=f"Store{n}",
                worksite=world.worksite_south,
            )
            for n in (6, 7)
        ]
        self.union_b = [
            world.member(world.union_b, member_id=f"B-{n}", first_name="Bo", last_name=f"Bee{n}")
            for n in (1, 2)
        ]


@pytest.fixture
def local(cast: Any) -> Local:
    return Local(cast)
