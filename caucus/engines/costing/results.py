"""What a costing run returns: plain dataclasses of floats and numpy arrays.

Money is in dollars (unrounded floats; formats round to the cent), rates per hour, shares as
percents of the base-year payroll, cents per hour over the hours paid in the year (or, where the
name says so, over the hours worked: paid less those taken off with pay).

Over the whole term (``year`` 0) money is summed and percents are of the base-year payroll
times the years: an average a year, not the term's total over one year's payroll (the
``*_a_year`` names say so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
import numpy.typing as npt

from caucus.engines.costing.roster import Roster
from caucus.engines.costing.terms import Terms

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class RollupCost:
    """One roll-up component's dollars in a year (or over the term, or in the base year)."""

    name: str
    rate: float
    base_only: bool
    amount: float
    above_status_quo: float = 0.0


@dataclass(frozen=True)
class BaseYear:
    """The unit as it stands: twelve months at today's rates under the status quo."""

    workers: int
    hours: float
    payroll: float  # sum of rate x annual hours
    weighted_average_rate: float  # mean of the rates, one per worker (the guides' WABR)
    average_rate_per_hour: float  # payroll / hours
    differentials: float
    rollup: float
    health: float
    total: float
    cost_of_one_percent: float  # 1% of payroll
    cost_of_one_percent_with_rollup: float
    rollup_components: tuple[RollupCost, ...] = ()


@dataclass(frozen=True)
class YearCost:
    """One contract year (``year`` from 1), or the whole term (``year`` 0)."""

    year: int
    start: date
    end: date  # exclusive
    headcount: float
    hours: float
    wages: float
    differentials: float
    lump_sums: float
    profit_sharing: float
    rollup: float
    health: float
    total: float
    status_quo_total: float
    above_status_quo: float
    above_base: float  # total minus the base year's total (per year of the span)
    percent_of_base_payroll: float  # above_base over base payroll
    above_status_quo_percent: float
    cents_per_hour: float  # above_base over hours
    above_status_quo_cents_per_hour: float
    end_payroll: float  # annual payroll at the rates of the last day
    lift: float  # end_payroll minus base payroll
    lift_percent: float
    # wages alone (no differentials, time off, lump sums, roll-up or health): what a raise costs
    wages_above_base: float = 0.0
    wages_percent_of_base_payroll: float = 0.0
    wages_cents_per_hour: float = 0.0
    wages_above_status_quo: float = 0.0
    wages_above_status_quo_percent: float = 0.0
    wages_above_status_quo_cents_per_hour: float = 0.0
    # the term's percents, named for what they are: an average a year (the same in a year)
    percent_of_base_payroll_a_year: float = 0.0
    wages_percent_of_base_payroll_a_year: float = 0.0
    # paid time off: the cost of hours off the status quo does not give, and hours worked
    time_off: float = 0.0
    hours_off: float = 0.0
    hours_worked: float = 0.0
    time_off_cents_per_hour_worked: float = 0.0
    cents_per_hour_worked: float = 0.0  # above_base over hours worked
    above_status_quo_cents_per_hour_worked: float = 0.0
    rollup_components: tuple[RollupCost, ...] = ()


@dataclass(frozen=True, eq=False)
class ProposalCost:
    """One proposal costed. Workers paid alike are costed once: ``group`` gives each worker's
    group, and the ``*_by_group`` arrays hold one column per group (per worker when ``group`` is
    None). ``pay``, ``status_quo_pay`` and ``change`` give one column per worker, built on first
    use; ``worker(i)`` and ``change_over_term()`` give them without building every column.
    """

    name: str
    terms: Terms  # as costed: the proposal over the status quo
    years: tuple[YearCost, ...]
    term: YearCost
    status_quo_years: tuple[YearCost, ...]
    pay_by_group: Floats  # years x groups: what each worker of the group is paid
    status_quo_pay_by_group: Floats
    change_by_group: Floats  # pay minus status quo pay minus the change in their premium share
    group: Ints | None = None  # group of each worker on the roster

    @cached_property
    def pay(self) -> Floats:
        """Years x workers: what each worker on the roster is paid."""
        return self._per_worker(self.pay_by_group)

    @cached_property
    def status_quo_pay(self) -> Floats:
        return self._per_worker(self.status_quo_pay_by_group)

    @cached_property
    def change(self) -> Floats:
        """Years x workers: pay minus status quo pay minus the change in their premium share."""
        return self._per_worker(self.change_by_group)

    def change_over_term(self) -> Floats:
        """Each worker's change summed over the term."""
        return self._per_worker(self.change_by_group.sum(axis=0))

    def worker(self, index: int) -> tuple[Floats, Floats, Floats]:
        """(pay, status quo pay, change) by year of the worker at ``index`` on the roster."""
        at = index if self.group is None else int(self.group[index])
        return (
            self.pay_by_group[:, at],
            self.status_quo_pay_by_group[:, at],
            self.change_by_group[:, at],
        )

    def _per_worker(self, values: Floats) -> Floats:
        if self.group is None:
            return values
        expanded: Floats = np.take(values, self.group, axis=-1)
        return expanded


@dataclass(frozen=True, eq=False)
class CostingRun:
    roster: Roster
    status_quo: Terms
    base: BaseYear
    proposals: tuple[ProposalCost, ...]
