"""Floors under the hourly rate: a minimum rate the contract sets ("no rate below $19.25") and
a minimum wage the law sets (by region, say).

- ``MinimumRate``: on its effective day every rate it reaches below ``rate`` is raised to it,
  like a raise: later raises build on the raised rate, and it holds on every later day (a step
  move or a new scale cannot take a worker below it).
- ``MinimumWage``: from its effective day (which may be before the term: a law in force) every
  worker it reaches is paid at least ``rate``; raises still apply to the contract's own rate,
  which the worker is paid again once it is above the minimum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caucus.engines.costing.reader import Reader
from caucus.engines.costing.scopes import EVERYONE, Scope, read_scope

TOP_RATE = 1000.0  # dollars an hour: anything above is a typo


@dataclass(frozen=True)
class MinimumRate:
    rate: float
    effective: date | None = None  # None: the term's start
    where: Scope = EVERYONE
    label: str = ""


@dataclass(frozen=True)
class MinimumWage:
    rate: float
    effective: date
    where: Scope = EVERYONE
    label: str = ""


def read_minimum_rate(r: Reader) -> MinimumRate | None:
    r.refuse_unknown({"rate", "effective", "where", "label"})
    rate = r.number("rate", low=0.01, high=TOP_RATE, required=True)
    effective = r.day("effective")
    where = read_scope(r)
    label = r.text("label", "") or ""
    if rate is None or (r.has("effective") and effective is None):
        return None
    return MinimumRate(rate, effective, where, label)


def read_minimum_wage(r: Reader) -> MinimumWage | None:
    r.refuse_unknown({"rate", "effective", "where", "label"})
    rate = r.number("rate", low=0.01, high=TOP_RATE, required=True)
    effective = r.day("effective", required=True)
    where = read_scope(r)
    label = r.text("label", "") or ""
    if rate is None or effective is None:
        return None
    return MinimumWage(rate, effective, where, label)
