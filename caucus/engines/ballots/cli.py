"""``caucus tally RULE TALLIES [--format json|text] [--output FILE]``

Decides a vote from a rule file (TOML or JSON) and a tallies CSV (``local, eligible, yes, no,
void``) without a database. Prints every local's outcome and the vote's, each with its reason.
Exit status 0 when decided (whether it passes or fails), 2 when the input is refused (each
problem on its own line of stderr, naming the field of the rule or the row of the tallies).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.json_format import dumps
from caucus.engines.ballots.rule_file import load_rules
from caucus.engines.ballots.rules import RuleError
from caucus.engines.ballots.tallies import TallyError, read_tallies
from caucus.engines.ballots.text_format import render_text


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="caucus tally", description="Decide a vote by its rules.")
    p.add_argument("rule", type=Path, help="the vote's rule: .toml or .json")
    p.add_argument("tallies", type=Path, help="tallies CSV: local, eligible, yes, no, void")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--output", type=Path, help="file to write (stdout if absent)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        outcome = decide(load_rules(args.rule), read_tallies(args.tallies))
    except (RuleError, TallyError) as refused:
        for message in refused.messages:
            print(message, file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as error:
        print(f"caucus tally: {error}", file=sys.stderr)
        return 2
    text = dumps(outcome) + "\n" if args.format == "json" else render_text(outcome)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0
