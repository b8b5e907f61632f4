"""Rosters for the costing engine: the union's members as a snapshot frame, uploaded files
checked by the engine's own reader, and the status quo's wage scales read off a roster.

Columns are the engine's (docs/costing.md, "Roster"): local is the union's short name, unit
"Local 34 Stores", region and classification their names, so that terms can say
``where = {region = "California"}`` in the words staff and members use.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from caucus.engines.costing.roster import Roster, RosterError, load_roster, roster_from_frame
from caucus.lib.uploads import UnpackedTooLarge, check_unpacked

HOURS_PER_FTE = 2080.0
MEMBER_COLUMNS = (
    "union__short_name",
    "member_id",
    "unit__name",
    "worksite__region__name",
    "classification__title",
    "step",
    "hourly_rate",
    "fte",
    "hire_date",
)


def members_frame(members: Any) -> pl.DataFrame:
    """The engine's roster columns for a Member queryset, one row per member on the roster."""
    rows = members.order_by("union__short_name", "member_id").values_list(*MEMBER_COLUMNS)
    ids, locals_, units, regions, classes, steps, rates, ftes, hired = ([] for _ in range(9))
    for local, member_id, unit, region, title, step, rate, fte, hire in rows.iterator(
        chunk_size=5000
    ):
        ids.append(f"{local}/{member_id}")
        locals_.append(local)
        units.append(f"{local} {unit}")
        regions.append(region)
        classes.append(title)
        steps.append(step)
        rates.append(float(rate))
        ftes.append(float(fte))
        hired.append(hire)
    return pl.DataFrame(
        {
            "id": ids,
            "local": locals_,
            "unit": units,
            "region": regions,
            "classification": classes,
            "step": pl.Series(steps, dtype=pl.Int64),
            "rate": pl.Series(rates, dtype=pl.Float64),
            "fte": pl.Series(ftes, dtype=pl.Float64),
            "hire_date": pl.Series(hired, dtype=pl.Date),
        }
    )


def check_frame(frame: pl.DataFrame) -> Roster:
    """The engine's roster, or RosterError naming each bad line and column."""
    if frame.height == 0:
        raise RosterError(["roster: no workers to cost"])
    return roster_from_frame(frame)


def check_file(path: Path) -> Roster:
    """An uploaded CSV or XLSX roster read and checked by the engine (an XLSX only once its ZIP
    directory shows it unpacks within ``CAUCUS_MAX_UNPACKED_MB``; the form inflated it whole)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            check_unpacked(path, name=path.name)
        except UnpackedTooLarge as error:
            raise RosterError([str(error)]) from error
    try:
        roster = load_roster(path)
    except RosterError:
        raise
    # polars and the XLSX reader raise their own errors for files that are not tables at all.
    except Exception as error:
        raise RosterError(
            [f"{path.name}: could not read it as a CSV or XLSX roster ({error})"]
        ) from error
    if len(roster) == 0:
        raise RosterError([f"{path.name}: no workers to cost"])
    return roster


def scales_from_roster(roster: Roster) -> list[dict[str, Any]]:
    """The status quo's scales as the roster shows them: for each classification whose workers
    stand on every step from 1 to its highest, the most common rate at each step (the rates must
    not fall from one step to the next). Other classifications keep their own rates."""
    scales = []
    codes = roster.classification.codes
    for code, name in enumerate(roster.classification.names):
        picked = codes == code
        steps, rates = roster.step[picked], roster.rate[picked]
        top = int(steps.max()) if steps.size else 0
        by_step = []
        for step in range(1, top + 1):
            at = rates[steps == step]
            if at.size == 0:
                break
            by_step.append(Counter(np.round(at, 2).tolist()).most_common(1)[0][0])
        if name and len(by_step) == top and all(a <= b for a, b in pairwise(by_step)):
            scales.append({"classification": name, "rates": by_step})
    return scales


def group_names(roster: Roster) -> dict[str, list[str]]:
    return {
        name: [n for n in roster.coded(name).names if n]
        for name in ("local", "unit", "region", "classification")
    }
