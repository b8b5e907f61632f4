"""The costing workbook as openpyxl wrote it (``caucus/engines/costing/export_xlsx.py`` until the
streamed writer replaced it): the peer ``bench/bench_costing.py`` times the workbook against, and
the reference ``tests/engines/costing/test_workbook.py`` checks every cell of the new one with.
Its sheets, cells and formulas are the new workbook's up to column U of "Costs".

A costing run as a workbook a spreadsheet user can follow: totals are =SUM() formulas, changes
are differences of cells, shares divide by the base-year cell, so editing a figure recomputes.
Text from the inputs (worker ids, locals, units, regions, classifications, proposal names) is
written through :func:`~caucus.engines.costing.cells.text_cell`, so it never runs as a formula.

Sheets: "Base year", "Costs" (one row per proposal and year), "Groups" (distribution of the
change), "Workers" (pay by year under the status quo and each proposal, and the change).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from caucus.engines.costing.cells import text_cell
from caucus.engines.costing.results import CostingRun
from caucus.engines.costing.summaries import PERCENTILES, proposal_summaries

MONEY, PERCENT = "#,##0.00", "0.00"
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
)  # fmt: skip


def write_xlsx(run: CostingRun, path: str | Path, *, workers: bool = True) -> None:
    book = Workbook(write_only=True)
    _base_sheet(book, run)
    premium_cells = _costs_sheet(book, run)
    _groups_sheet(book, run)
    if workers:
        _workers_sheet(book, run, premium_cells)
    book.save(path)


def _base_sheet(book: Workbook, run: CostingRun) -> None:
    sheet = book.create_sheet("Base year")
    sheet.append(["Measure", "Value"])
    for label, name in BASE_ROWS:
        sheet.append([label, getattr(run.base, name)])
    sheet.append(["Total", "=B4+B6+B7+B8"])  # B4 payroll, B6 differentials, B7 roll-up, B8 health
    sheet.append(["Cost of 1%", "=B4*0.01"])


def _costs_sheet(book: Workbook, run: CostingRun) -> dict[tuple[int, int], str]:
    """Writes the Costs sheet; returns the cell holding each (proposal, year)'s premium change."""
    sheet = book.create_sheet("Costs")
    sheet.append(list(HEADERS))
    row, cells = 2, {}
    for i, p in enumerate(run.proposals):
        for k, y in enumerate(p.years):
            # the change in the worker's premium share is the same for every worker
            gap = p.pay_by_group[k] - p.status_quo_pay_by_group[k] - p.change_by_group[k]
            premium = float(gap[0]) if gap.shape[0] else 0.0
            sheet.append(
                [
                    text_cell(p.name), y.year, y.start, y.end,
                    *(getattr(y, c) for c in COMPONENTS),
                    f"=SUM(E{row}:J{row})", y.status_quo_total, f"=K{row}-L{row}",
                    f"=K{row}-'Base year'!$B$9", f"=N{row}/'Base year'!$B$4*100", y.hours,
                    f"=N{row}/P{row}*100", y.end_payroll, f"=R{row}-'Base year'!$B$4",
                    f"=S{row}/'Base year'!$B$4*100", premium,
                ]
            )  # fmt: skip
            cells[(i, k)] = f"Costs!$U${row}"
            row += 1
    return cells


def _groups_sheet(book: Workbook, run: CostingRun) -> None:
    sheet = book.create_sheet("Groups")
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


def _workers_sheet(book: Workbook, run: CostingRun, premium: dict[tuple[int, int], str]) -> None:
    sheet = book.create_sheet("Workers")
    head = ["ID", "Local", "Unit", "Region", "Classification"]
    layout = []
    for i, p in enumerate(run.proposals):
        n = p.pay.shape[0]
        first = len(head) + 1
        head += [text_cell(f"{p.name}: status quo Y{k + 1}") for k in range(n)]
        head += [text_cell(f"{p.name}: pay Y{k + 1}") for k in range(n)]
        head += [text_cell(f"{p.name}: change Y{k + 1}") for k in range(n)]
        head += [text_cell(f"{p.name}: change over term")]
        layout.append((i, p, first, n))
    sheet.append(head)
    r = run.roster
    coded = [r.coded(c) for c in ("local", "unit", "region", "classification")]
    # Each group's name made safe once, not once per worker.
    names = [[text_cell(name) for name in c.names] for c in coded]
    columns = [(p.status_quo_pay.T.tolist(), p.pay.T.tolist()) for _, p, _, _ in layout]
    for w, worker_id in enumerate(r.ids):
        row_number = w + 2
        line: list[object] = [
            text_cell(worker_id),
            *(shown[c.codes[w]] for c, shown in zip(coded, names, strict=True)),
        ]
        for (i, _, first, n), (sq, pay) in zip(layout, columns, strict=True):
            line += sq[w] + pay[w]
            for k in range(n):
                s = get_column_letter(first + k)
                q = get_column_letter(first + n + k)
                line.append(f"={q}{row_number}-{s}{row_number}-{premium[(i, k)]}")
            a, b = get_column_letter(first + 2 * n), get_column_letter(first + 3 * n - 1)
            line.append(f"=SUM({a}{row_number}:{b}{row_number})")
        sheet.append(line)
