"""Roll-up: the costs that follow pay (Social Security, Medicare, pension, unemployment
insurance, workers' compensation, life insurance ...), as one rate or component by component.

A component marked ``base_only`` applies to base pay (wages, differentials and the hours of time
off bought back) and not to lump sums and profit sharing, as AFSCME's *Costing 101* marks
pension, unemployment insurance, workers' compensation and life insurance. Without components,
``rate`` applies to base pay and ``on_lump_sums`` (by default the same rate) to the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from caucus.engines.costing.reader import Reader


@dataclass(frozen=True)
class RollupComponent:
    name: str
    rate: float  # a share of pay: 0.062 for 6.2%
    base_only: bool = False


@dataclass(frozen=True)
class Rollup:
    rate: float = 0.0
    on_lump_sums: float | None = None
    components: tuple[RollupComponent, ...] = ()

    @property
    def base_rate(self) -> float:
        """The share of base pay rolled up."""
        if self.components:
            return sum(c.rate for c in self.components)
        return self.rate

    @property
    def lump_rate(self) -> float:
        """The share of lump sums and profit sharing rolled up."""
        if self.components:
            return sum(c.rate for c in self.components if not c.base_only)
        return self.rate if self.on_lump_sums is None else self.on_lump_sums


NO_ROLLUP = Rollup()


def read_rollup(r: Reader) -> Rollup:
    r.refuse_unknown({"rate", "on_lump_sums", "components"})
    rate = r.number("rate", 0.0, low=0.0, high=1.0) or 0.0
    lump = r.number("on_lump_sums", low=0.0, high=1.0)
    components = tuple(c for x in r.tables("components") if (c := _component(x)))
    if r.has("components"):
        if not r.data.get("components"):
            r.fail("components", "expected a non-empty list of components")
        for key in ("rate", "on_lump_sums"):
            if r.has(key):
                r.fail(key, "give either rate (and on_lump_sums) or components, not both")
        names = [c.name for c in components]
        for name in sorted({n for n in names if names.count(n) > 1}):
            r.fail("components", f"{name!r} is listed twice")
    total = sum(c.rate for c in components)
    if total > 1.0:
        r.fail("components", f"the rates add up to {total:g}, above 1")
    return Rollup(rate, lump, components)


def _component(r: Reader) -> RollupComponent | None:
    r.refuse_unknown({"name", "rate", "base_only"})
    name = r.text("name")
    if not name:
        r.fail("name", "is required")
    rate = r.number("rate", low=0.0, high=1.0, required=True)
    base_only = r.boolean("base_only", False)
    if not name or rate is None:
        return None
    return RollupComponent(name, rate, base_only)
