"""Which workers a term reaches (``where = {region = ["North"]}``): the scope, as read from a
terms file. An empty scope reaches everyone."""

from __future__ import annotations

from dataclasses import dataclass

from caucus.engines.costing.reader import Reader

GROUPS = ("local", "unit", "region", "classification")


@dataclass(frozen=True)
class Scope:
    """Which workers a term reaches; an empty scope reaches everyone."""

    local: frozenset[str] | None = None
    unit: frozenset[str] | None = None
    region: frozenset[str] | None = None
    classification: frozenset[str] | None = None

    @property
    def is_everyone(self) -> bool:
        return not (self.local or self.unit or self.region or self.classification)


EVERYONE = Scope()


def read_scope(r: Reader) -> Scope:
    """The ``where`` table of ``r``, every group checked; everyone when there is none."""
    where = r.table("where")
    if where is None:
        return Scope()
    where.refuse_unknown(set(GROUPS))
    return Scope(
        where.words("local"),
        where.words("unit"),
        where.words("region"),
        where.words("classification"),
    )
