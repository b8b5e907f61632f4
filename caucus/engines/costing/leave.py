"""Paid time off: holidays (hours a year) and vacation (weeks a year by years of service), and
the hours off they give each worker in each contract year (``hours_off``).

A worker is paid their hours whether they work them or take them off, so time off changes the
hours worked, not the wages. Holidays are hours a year for a full-time worker, prorated by the
hours a worker is paid (``hours / hours_per_fte``); each counts from its ``effective`` day (the
term's start by default), for the share of the year left. Vacation is weeks a year, a week being
a fifty-second of the hours a worker is paid; entries with the same ``effective`` day make one
schedule, in force until the next, and a worker takes the weeks of the highest band
(``min_years``) their years of service reach on the first day of the contract year. Replacement
hires have no years of service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.calendar import DayCount, add_years, fraction
from caucus.engines.costing.reader import Reader
from caucus.engines.costing.scopes import EVERYONE, Scope, read_scope

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Days = npt.NDArray[np.datetime64]
WEEKS_A_YEAR = 52.0


@dataclass(frozen=True)
class Holiday:
    hours: float  # a year, for a full-time worker
    effective: date | None = None  # None: the term's start
    where: Scope = EVERYONE
    label: str = ""


@dataclass(frozen=True)
class Vacation:
    weeks: float  # a year
    min_years: int = 0  # years of service on the first day of the contract year
    effective: date | None = None  # None: the term's start
    where: Scope = EVERYONE
    label: str = ""


def read_holiday(r: Reader) -> Holiday | None:
    r.refuse_unknown({"hours", "effective", "where", "label"})
    hours = r.number("hours", low=0.0, high=800.0, required=True)
    effective = r.day("effective")
    where = read_scope(r)
    label = r.text("label", "") or ""
    if hours is None or (r.has("effective") and effective is None):
        return None
    return Holiday(hours, effective, where, label)


def read_vacation(r: Reader) -> Vacation | None:
    r.refuse_unknown({"weeks", "min_years", "effective", "where", "label"})
    weeks = r.number("weeks", low=0.0, high=26.0, required=True)
    min_years = r.integer("min_years", low=0, high=60)
    effective = r.day("effective")
    where = read_scope(r)
    label = r.text("label", "") or ""
    if weeks is None or (r.has("min_years") and min_years is None):
        return None
    if r.has("effective") and effective is None:
        return None
    return Vacation(weeks, min_years or 0, effective, where, label)


def service_cuts(vacation: tuple[Vacation, ...], years: list[tuple[date, date]]) -> set[date]:
    """Hire-date cut-offs the vacation bands draw: a worker hired before ``cut`` has the band's
    years of service on the first day of the contract year, one hired on or after it has not."""
    bands = {v.min_years for v in vacation if v.min_years > 0}
    return {add_years(begin, -m) + timedelta(days=1) for begin, _ in years for m in bands}


def hours_off(
    holidays: tuple[Holiday, ...],
    vacation: tuple[Vacation, ...],
    masks: tuple[list[Bools | None], list[Bools | None]],
    hours: Floats,
    hours_per_fte: float,
    hire_date: Days | None,
    years: list[tuple[date, date]],
    day_count: DayCount,
) -> Floats:
    """Years x rows: the hours each row takes off with pay (holidays and vacation) in each
    contract year. ``masks`` are the rows each holiday and each vacation entry reaches (None:
    everyone); ``hire_date`` is None for replacement hires."""
    holiday_masks, vacation_masks = masks
    out = np.zeros((len(years), hours.shape[0]))
    full_time = hours / hours_per_fte
    week = hours / WEEKS_A_YEAR
    start = years[0][0]
    for k, (begin, end) in enumerate(years):
        for holiday, mask in zip(holidays, holiday_masks, strict=True):
            share = _in_force(holiday.effective or start, begin, end, day_count)
            if share:
                out[k] += _on(holiday.hours * share * full_time, mask)
        for low, high, schedule in _schedules(vacation, vacation_masks, start, begin, end):
            weeks = _weeks(schedule, hire_date, begin, hours.shape[0])
            share = fraction(high, begin, end, day_count) - fraction(low, begin, end, day_count)
            out[k] += weeks * week * share
    return out


def _in_force(effective: date, begin: date, end: date, day_count: DayCount) -> float:
    """The share of the year [begin, end) on and after ``effective``."""
    if effective <= begin:
        return 1.0
    if effective >= end:
        return 0.0
    return 1.0 - fraction(effective, begin, end, day_count)


def _on(values: Floats, mask: Bools | None) -> Floats:
    return values if mask is None else np.where(mask, values, 0.0)


def _schedules(
    vacation: tuple[Vacation, ...],
    masks: list[Bools | None],
    start: date,
    begin: date,
    end: date,
) -> list[tuple[date, date, list[tuple[Vacation, Bools | None]]]]:
    """The pieces of the year [begin, end) and the vacation schedule in force in each: the
    entries of the latest effective day on or before the piece's start."""
    if not vacation:
        return []
    dated = [(v.effective or start, v, m) for v, m in zip(vacation, masks, strict=True)]
    days = sorted({d for d, _, _ in dated})
    cuts = [begin, *(d for d in days if begin < d < end), end]
    out = []
    for low, high in pairwise(cuts):
        in_force = [d for d in days if d <= low]
        if not in_force:
            continue
        latest = in_force[-1]
        out.append((low, high, [(v, m) for d, v, m in dated if d == latest]))
    return out


def _weeks(
    schedule: list[tuple[Vacation, Bools | None]], hire_date: Days | None, begin: date, rows: int
) -> Floats:
    """Each row's weeks under ``schedule``: the highest band its service reaches, the most
    weeks of that band's entries if several reach it."""
    weeks = np.zeros(rows)
    best = np.full(rows, -1, dtype=np.int64)
    for entry, mask in sorted(schedule, key=lambda e: (e[0].min_years, e[0].weeks)):
        if hire_date is None or entry.min_years == 0:
            reached = np.full(rows, entry.min_years == 0)
        else:
            since = np.datetime64(add_years(begin, -entry.min_years), "D")
            reached = hire_date <= since
        if mask is not None:
            reached &= mask
        reached &= best <= entry.min_years
        weeks[reached] = entry.weeks
        best[reached] = entry.min_years
    return weeks
