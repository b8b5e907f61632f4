"""Costing benchmark: the vectorized engine on generated rosters of 1,000,000 and 85,000 workers
(two proposals and the status quo over a four-year term with mid-year raises, steps, a new-hire
tier with turnover, regional freezes, a red circle and a profit-sharing minimum), against a
straightforward pure-Python per-worker loop (tests/engines/costing/reference.py) implementing the
same terms. The loop is timed on a subset and scaled linearly; the benchmark first checks that it
gives the engine's numbers, worker by worker. Peak memory is a fresh child process's, measured by
/usr/bin/time: loading, costing and building every per-worker array.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from bench.report import median, timings, write_section
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.roster import load_roster, roster_from_frame
from caucus.engines.costing.summaries import proposal_summaries
from caucus.engines.costing.terms import parse_terms
from tests.engines.costing import cases
from tests.engines.costing.reference import KEYS, reference_cost, workers_of

SIZES = (1_000_000, 85_000)
PEER_SUBSET = 1_000
XLSX_UP_TO = 100_000


def _terms():  # type: ignore[no-untyped-def]
    sq = parse_terms(cases.status_quo())
    return sq, [parse_terms(cases.union_offer()), parse_terms(cases.employer_offer())]


def _check_peer(roster, sq, proposals) -> float:  # type: ignore[no-untyped-def]
    """Seconds the pure-Python loop takes per worker, after checking it agrees with the engine."""
    run = cost_proposals(roster, proposals, sq)
    workers = workers_of(roster)
    start = time.perf_counter()
    expected = [reference_cost(workers, p, sq) for p in proposals]
    seconds = time.perf_counter() - start
    for got, want in zip(run.proposals, expected, strict=True):
        for k, year in enumerate(got.years):
            for key in KEYS:
                assert abs(getattr(year, key) - want["totals"][key][k]) <= 1e-6 * max(
                    1.0, abs(getattr(year, key))
                )
        assert np.allclose(got.change, np.array(want["change"]).T, atol=1e-6)
    return seconds / len(roster)


def _child(path: str) -> None:
    """Run once in a fresh process: load the Parquet roster, cost, build every per-worker array,
    print timings (peak RSS is read by /usr/bin/time)."""
    sq, proposals = _terms()
    start = time.perf_counter()
    roster = load_roster(path)
    roster.profile_roster  # noqa: B018 - grouping alike workers is part of loading
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    run = cost_proposals(roster, proposals, sq)
    costed = time.perf_counter() - start
    _per_worker(run)
    print(json.dumps({"load": loaded, "cost": costed}))


def _per_worker(run) -> None:  # type: ignore[no-untyped-def]
    """Build every per-worker array of the run: pay, status quo pay and change by year."""
    for p in run.proposals:
        p.pay, p.status_quo_pay, p.change  # noqa: B018


def _wall_and_cpu(fn, repeat: int = 5) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU seconds (this process, all threads) of ``repeat`` calls after one
    warm-up: on a shared machine the gap between them is time spent waiting for a core."""
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _xlsx_load(frame: pl.DataFrame, path: Path) -> float:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Roster")
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    book.save(path)
    return median(timings(lambda: load_roster(path), repeat=3))


def main() -> None:
    sq, proposals = _terms()
    lines = [
        "Two proposals and the status quo, 4-year term, mid-year raises, step movement, a new-hire",
        "tier with 10% turnover, a regional freeze, a red circle, lump sums, profit sharing with a",
        "minimum; per-worker pay and change for every worker. Median of 5 runs after 1 warm-up;",
        "the cost run's CPU time (all threads of the process) is given beside its wall time.",
        "",
        "| workers | load Parquet + grouping | load CSV | load XLSX | cost run (median) | every per-worker array | summaries | peak RSS (own process) | pure-Python loop (scaled) | speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    peer_per_worker = _check_peer(cases.generated_roster(PEER_SUBSET, seed=11), sq, proposals)
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            frame = pl.DataFrame(cases.generated_rows(n))
            parquet, csv = Path(tmp) / f"r{n}.parquet", Path(tmp) / f"r{n}.csv"
            frame.write_parquet(parquet)
            frame.write_csv(csv)
            csv_load = median(timings(lambda p=csv: load_roster(p), repeat=3))  # type: ignore[misc]
            xlsx = (
                f"{_xlsx_load(frame, Path(tmp) / f'r{n}.xlsx'):.2f} s"
                if n <= XLSX_UP_TO
                else "not run"
            )
            # /usr/bin/time reports the child's own peak: a forked child's ru_maxrss would carry
            # the parent's (which holds the million-worker arrays).
            child = subprocess.run(
                ["/usr/bin/time", "-f", "%M", sys.executable, "-c",
                 f"from bench.bench_costing import _child; _child({str(parquet)!r})"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            measured = json.loads(child.stdout)
            measured["peak_mb"] = int(child.stderr.strip().splitlines()[-1]) / 1024
            roster = roster_from_frame(frame)
            roster.profile_roster  # noqa: B018 - part of loading, timed in the child above
            run_times, cpu_times = _wall_and_cpu(lambda r=roster: cost_proposals(r, proposals, sq))  # type: ignore[misc]
            expand_times = []
            for _ in range(3):
                run = cost_proposals(roster, proposals, sq)
                start = time.perf_counter()
                _per_worker(run)
                expand_times.append(time.perf_counter() - start)
            summary_time = median(
                timings(
                    lambda r=roster, c=run: [proposal_summaries(r, p) for p in c.proposals],  # type: ignore[misc]
                    repeat=3,
                )
            )
            engine = median(run_times)
            peer = peer_per_worker * n
            lines.append(
                f"| {n:,} | {measured['load']:.2f} s | {csv_load:.2f} s | {xlsx} | {engine:.3f} s "
                f"({median(cpu_times):.3f} s CPU) | "
                f"{median(expand_times):.3f} s | {summary_time:.2f} s | {measured['peak_mb']:.0f} MB | "
                f"{peer:.0f} s | {peer / engine:.0f}x |"
            )
            print(lines[-1], flush=True)
    lines += [
        "",
        f"The pure-Python loop was timed on {PEER_SUBSET:,} workers ({peer_per_worker * 1e3:.2f} ms a worker for",
        "both proposals and their status quo) and scaled linearly; it agreed with the engine on every",
        "yearly total and every worker's change (to 1e-6) before being timed.",
        "",
        "Loading reads the file and groups workers alike in every column the costing reads but the",
        "hire date (`Roster.profiles`), once per roster. The cost run then splits those groups by",
        "the terms' hire-date cut-offs, costs each group once, and keeps pay, status quo pay and",
        "change per group with each worker's group: any worker's numbers are a lookup",
        "(`ProposalCost.worker(i)`), and `pay`, `status_quo_pay` and `change` build the full",
        'years-by-workers arrays on first use (the "every per-worker array" column: both',
        "proposals, all three arrays). Summaries (percentiles by local, unit, region,",
        "classification) are timed apart. Peak RSS is the whole child process: Python, numpy,",
        "polars, the roster, the run and every per-worker array. XLSX is timed up to",
        f"{XLSX_UP_TO:,} workers (the rosters unions send). Targets: 1,000,000 workers < 0.4 s,",
        "< 1 GB, >= 30x the loop.",
    ]
    write_section("costing", "## Costing engine\n\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
