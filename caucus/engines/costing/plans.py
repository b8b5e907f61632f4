"""The wage plan of one set of terms on a roster: which scale grid is in force from each date,
which rows each raise, minimum rate, red circle and minimum wage reaches (``plan_of``), which rows
are paid alike but for their anniversaries (``wage_alike``), and the rows a scope names
(``scope_mask``). ``pay.py`` costs with them; ``wages.py`` walks the plan through the term.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.floors import MinimumRate
from caucus.engines.costing.raises import Adjustment, in_date_order
from caucus.engines.costing.roster import Roster, combined, dense_codes
from caucus.engines.costing.steps import grid_versions, grid_width, scale_grid
from caucus.engines.costing.terms import Scope, Term, Terms, term_of
from caucus.engines.costing.tiers import on_tier
from caucus.engines.costing.wages import Plan

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


def wage_alike(roster: Roster, terms: Terms) -> Ints:
    """Codes equal for rows on the same pay point (classification, step, rate), on the tier or
    not alike, and alike in every field the raises, freezes, red circles, minimum rates and
    minimum wages are scoped by."""
    scopes = [r.where for r in terms.raises] + [f.where for f in terms.freezes]
    scopes += [c.where for c in terms.red_circles]
    scopes += [m.where for m in terms.minimum_rates] + [w.where for w in terms.minimum_wages]
    named = {n for scope in scopes for n in ("local", "unit", "region") if getattr(scope, n)}
    tiered, _ = on_tier(roster, terms)
    columns = [roster.pay_points, tiered.astype(np.int64)]
    columns += [roster.coded(name).codes for name in sorted(named)]
    _, codes = dense_codes(*combined(columns))
    return codes


def scale_width(roster: Roster, terms: Terms, status_quo: Terms) -> int:
    """Steps in the widest scale any of the terms pays, or the roster's top step if more."""
    tier_scales = terms.new_hire_tier.scales if terms.new_hire_tier else ()
    every = (*terms.scales, *status_quo.scales, *terms.steps.scales, *tier_scales)
    return grid_width(every, int(roster.step.max()) if len(roster) else 1)


def stacked_versions(
    roster: Roster, terms: Terms, term: Term, width: int
) -> list[tuple[date, Floats]]:
    names = roster.classification.names
    tier, _ = scale_grid(names, terms.new_hire_tier.scales if terms.new_hire_tier else (), width)
    versions = grid_versions(names, term.start, terms.scales, terms.steps.scales, width)
    return [(since, np.vstack([grid, tier])) for since, grid in versions]


def codes_of(roster: Roster, pick: Ints | None) -> dict[str, Ints]:
    names = ("local", "unit", "region", "classification")
    return {
        n: roster.coded(n).codes if pick is None else roster.coded(n).codes[pick] for n in names
    }


def plan_of(
    roster: Roster,
    terms: Terms,
    stacked: list[tuple[date, Floats]],
    codes: dict[str, Ints],
    captures: tuple[date, ...],
) -> Plan:
    raises: list[tuple[Adjustment, Bools | None]] = []
    for r in in_date_order(terms.raises, terms.minimum_rates, term_of(terms).start):
        eligible = _scope_mask(roster, r.where, codes)
        if isinstance(r, MinimumRate):  # a freeze stops raises, not the contract's minimum
            raises.append((r, eligible))
            continue
        for freeze in terms.freezes:
            if freeze.start <= r.effective <= freeze.end:
                frozen = _scope_mask(roster, freeze.where, codes)
                keep = np.zeros_like(codes["local"], dtype=bool) if frozen is None else ~frozen
                eligible = keep if eligible is None else eligible & keep
        raises.append((r, eligible))
    circles = [(c, _scope_mask(roster, c.where, codes)) for c in terms.red_circles]
    wages = [(w, _scope_mask(roster, w.where, codes)) for w in terms.minimum_wages]
    return Plan(stacked, raises, circles, captures, wages)


def scope_mask(roster: Roster, scope: Scope) -> Bools | None:
    """The rows ``scope`` reaches; None when it reaches everyone."""
    return _scope_mask(roster, scope, codes_of(roster, None))


def _scope_mask(roster: Roster, scope: Scope, codes: dict[str, Ints]) -> Bools | None:
    if scope.is_everyone:
        return None
    mask: Bools | None = None
    for name in ("local", "unit", "region", "classification"):
        wanted: frozenset[str] | None = getattr(scope, name)
        if not wanted:
            continue
        names = roster.coded(name).names
        picked = np.isin(codes[name], [names.index(w) for w in wanted if w in names])
        mask = picked if mask is None else mask & picked
    return mask
