"""A costing run as a workbook a spreadsheet user can follow: totals are =SUM() formulas, changes
are differences of cells, shares divide by the base-year cell, so editing a figure recomputes.
Text from the inputs (worker ids, locals, units, regions, classifications, proposal names) is
written through :func:`~caucus.engines.costing.cells.text_cell`, so it never runs as a formula.

Sheets: "Base year", "Costs" (one row per proposal and year), "Groups" (distribution of the
change), "Workers" (pay by year under the status quo and each proposal, and the change), and
"Roll-up" (each component by proposal and year) when the roll-up is given by component.

Written as streamed SpreadsheetML (``caucus.engines.costing.xlsx``): the Workers sheet, a row
per worker, is one string template filled per row, not a Python object per cell.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from caucus.engines.costing.cells import text_cell
from caucus.engines.costing.results import CostingRun, ProposalCost
from caucus.engines.costing.summaries import PERCENTILES, proposal_summaries
from caucus.engines.costing.xlsx import Sheet, Workbook, column_letter, escape

BASE_ROWS = (
    ("Workers", "workers"),
    ("Hours paid", "hours"),
    ("Payroll", "payroll"),
    ("Weighted average rate", "weighted_average_rate"),
    ("Differentials", "differentials"),
    ("Roll-up", "rollup"),
    ("Health (employer)", "health"),
)
COMPONENTS = ("wages", "differentials", "lump_sums", "profit_sharing", "rollup", "health")
HEADERS = (
    "Proposal", "Year", "Start", "End", "Wages", "Differentials", "Lump sums", "Profit sharing",
    "Roll-up", "Health", "Total", "Status quo total", "Above status quo", "Above base year",
    "% of base payroll", "Hours", "Cents per hour above base", "Payroll at year-end rates",
    "Lift", "Lift %", "Employee premium change",
    # from V on: time off, hours worked and wages alone
    "Time off", "Hours off", "Hours worked", "Cents per hour worked above base",
    "Status quo wages", "Wages above status quo", "Wages above status quo %",
)  # fmt: skip


def write_xlsx(run: CostingRun, path: str | Path, *, workers: bool = True) -> None:
    with Workbook(path) as book:
        with book.sheet("Base year") as sheet:
            _base_sheet(sheet, run)
        with book.sheet("Costs") as sheet:
            premium_cells = _costs_sheet(sheet, run)
        with book.sheet("Groups") as sheet:
            _groups_sheet(sheet, run)
        if workers:
            with book.sheet("Workers") as sheet:
                _workers_sheet(sheet, run, premium_cells)
        if any(y.rollup_components for p in run.proposals for y in p.years):
            with book.sheet("Roll-up") as sheet:
                _rollup_sheet(sheet, run)


def _base_sheet(sheet: Sheet, run: CostingRun) -> None:
    sheet.append(["Measure", "Value"])
    for label, name in BASE_ROWS:
        sheet.append([label, getattr(run.base, name)])
    sheet.append(["Total", "=B4+B6+B7+B8"])  # B4 payroll, B6 differentials, B7 roll-up, B8 health
    sheet.append(["Cost of 1%", "=B4*0.01"])


def _costs_sheet(sheet: Sheet, run: CostingRun) -> dict[tuple[int, int], str]:
    """Writes the Costs sheet; returns the cell holding each (proposal, year)'s premium change.
    With time off in the run, the total counts it too (column V)."""
    sheet.append(list(HEADERS))
    has_time_off = any(y.time_off for p in run.proposals for y in p.years)
    row, cells = 2, {}
    for i, p in enumerate(run.proposals):
        for k, y in enumerate(p.years):
            # the change in the worker's premium share is the same for every worker
            gap = p.pay_by_group[k] - p.status_quo_pay_by_group[k] - p.change_by_group[k]
            premium = float(gap[0]) if gap.shape[0] else 0.0
            total = f"=SUM(E{row}:J{row})" + (f"+V{row}" if has_time_off else "")
            sq_wages = p.status_quo_years[k].wages
            sheet.append(
                [
                    text_cell(p.name), y.year, y.start, y.end,
                    *(getattr(y, c) for c in COMPONENTS),
                    total, y.status_quo_total, f"=K{row}-L{row}",
                    f"=K{row}-'Base year'!$B$9", f"=N{row}/'Base year'!$B$4*100", y.hours,
                    f"=N{row}/P{row}*100", y.end_payroll, f"=R{row}-'Base year'!$B$4",
                    f"=S{row}/'Base year'!$B$4*100", premium,
                    y.time_off, y.hours_off, f"=P{row}-W{row}", f"=N{row}/X{row}*100",
                    sq_wages, f"=E{row}-Z{row}", f"=AA{row}/'Base year'!$B$4*100",
                ]
            )  # fmt: skip
            cells[(i, k)] = f"Costs!$U${row}"
            row += 1
    return cells


def _groups_sheet(sheet: Sheet, run: CostingRun) -> None:
    head = ["Proposal", "Grouped by", "Group", "Workers", "Losers", "Total change", "Mean"]
    sheet.append(head + [f"P{q}" for q in PERCENTILES])
    for p in run.proposals:
        for name, groups in proposal_summaries(run.roster, p).items():
            for g in groups:
                sheet.append(
                    [
                        text_cell(p.name), name, text_cell(g.key), g.workers, g.losers, g.total,
                        g.mean, *g.percentiles,
                    ]
                )  # fmt: skip


def _workers_sheet(sheet: Sheet, run: CostingRun, premium: dict[tuple[int, int], str]) -> None:
    head = ["ID", "Local", "Unit", "Region", "Classification"]
    cells = [(column_letter(c + 1), "text") for c in range(len(head))]
    for i, p in enumerate(run.proposals):
        head += _proposal_heads(p)
        cells += _proposal_cells(p, i, len(cells) + 1, premium)
    sheet.append(head)
    template = sheet.template(cells)
    r = run.roster
    coded = [r.coded(c) for c in ("local", "unit", "region", "classification")]
    # Each group's name made safe and escaped once, not once per worker.
    names = [[escape(text_cell(name)) for name in c.names] for c in coded]
    shown = [[n[code] for code in c.codes.tolist()] for c, n in zip(coded, names, strict=True)]
    ids = [escape(text_cell(worker_id)) for worker_id in r.ids]
    # status quo pay then pay, each by year, proposal after proposal: one row per worker
    money = np.hstack([a.T for p in run.proposals for a in (p.status_quo_pay, p.pay)]).tolist()
    fill = template.format
    rows = (fill(w + 2, ids[w], *(s[w] for s in shown), *money[w]) for w in range(len(ids)))
    sheet.add_rows(rows, len(ids))


def _proposal_heads(p: ProposalCost) -> list[str]:
    n = len(p.years)
    head = [text_cell(f"{p.name}: status quo Y{k + 1}") for k in range(n)]
    head += [text_cell(f"{p.name}: pay Y{k + 1}") for k in range(n)]
    head += [text_cell(f"{p.name}: change Y{k + 1}") for k in range(n)]
    return [*head, text_cell(f"{p.name}: change over term")]


def _proposal_cells(
    p: ProposalCost, i: int, first: int, premium: dict[tuple[int, int], str]
) -> list[tuple[str, str]]:
    """The Workers sheet's cells of proposal ``i``, from column ``first``: status quo pay and
    pay by year (numbers), the change by year and over the term (formulas)."""
    n = len(p.years)
    out = [(column_letter(first + k), "number") for k in range(2 * n)]
    for k in range(n):
        s, q = column_letter(first + k), column_letter(first + n + k)
        out.append((column_letter(first + 2 * n + k), f"={q}{{row}}-{s}{{row}}-{premium[(i, k)]}"))
    a, b = column_letter(first + 2 * n), column_letter(first + 3 * n - 1)
    out.append((column_letter(first + 3 * n), f"=SUM({a}{{row}}:{b}{{row}})"))
    return out


def _rollup_sheet(sheet: Sheet, run: CostingRun) -> None:
    head = ["Proposal", "Year", "Component", "Rate", "Base only", "Amount", "Above status quo"]
    sheet.append([*head, "Base year amount"])
    base = {c.name: c.amount for c in run.base.rollup_components}
    for p in run.proposals:
        for y in p.years:
            for c in y.rollup_components:
                sheet.append(
                    [text_cell(p.name), y.year, text_cell(c.name), c.rate, c.base_only, c.amount,
                     c.above_status_quo, base.get(c.name)]
                )  # fmt: skip
