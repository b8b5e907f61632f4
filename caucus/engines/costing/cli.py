"""``caucus cost ROSTER TERMS [TERMS ...] [--status-quo TERMS] --format json|xlsx [--output FILE]``

Costs proposals on a roster file without a database. JSON goes to stdout unless ``--output`` is
given; XLSX needs ``--output``. Exit status 0 when costed, 2 when the input is refused (each
problem on its own line of stderr, naming the field or the roster line).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucus.engines.costing.export_xlsx import write_xlsx
from caucus.engines.costing.json_format import dumps
from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.roster import RosterError, load_roster
from caucus.engines.costing.terms import Terms, load_terms


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="caucus cost", description="Cost bargaining proposals.")
    p.add_argument("roster", type=Path, help="roster: .csv, .xlsx or .parquet")
    p.add_argument("terms", type=Path, nargs="+", help="proposal terms: .toml or .json")
    p.add_argument("--status-quo", type=Path, help="the current contract's terms (scales etc.)")
    p.add_argument("--format", choices=("json", "xlsx"), default="json")
    p.add_argument("--output", type=Path, help="file to write (stdout for JSON if absent)")
    p.add_argument("--no-workers", action="store_true", help="leave out the per-worker rows")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.format == "xlsx" and args.output is None:
        print("caucus cost: --format xlsx needs --output FILE", file=sys.stderr)
        return 2
    try:
        roster = load_roster(args.roster)
        status_quo = load_terms(args.status_quo) if args.status_quo else Terms(name="status quo")
        proposals = [load_terms(path) for path in args.terms]
        run = cost_proposals(roster, proposals, status_quo)
    except (TermsError, RosterError) as refused:
        for message in refused.messages:
            print(message, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"caucus cost: {error}", file=sys.stderr)
        return 2
    workers = not args.no_workers
    if args.format == "xlsx":
        write_xlsx(run, args.output, workers=workers)
    elif args.output is None:
        sys.stdout.write(dumps(run, workers=workers) + "\n")
    else:
        args.output.write_text(dumps(run, workers=workers) + "\n", encoding="utf-8")
    return 0
