"""An outcome as plain text for a person (``caucus tally --format text``): the outcome and its
reason, a table of the figures, each local's reason, and any paradox. Not for parsing: scripts
read the JSON.
"""

from __future__ import annotations

from caucus.engines.ballots.results import LocalResult, Outcome
from caucus.engines.ballots.shares import count, percent

SCOPE_WORDS = {
    "local": "each local decides on its own",
    "coalition": "all locals decide together",
    "both": "each local, and all locals together",
}
HEADINGS = ("local", "eligible", "yes", "no", "void", "turnout", "result")


def render_text(outcome: Outcome) -> str:
    title = outcome.name or "Vote"
    lines = [
        f"{title} ({SCOPE_WORDS[outcome.scope]})",
        f"{'PASSES' if outcome.passes else 'FAILS'}: {outcome.reason.split(': ', 1)[1]}",
        "",
        *_table([*outcome.locals, outcome.coalition]),
        "",
        "Reasons:",
        *(f"  {r.key}: {r.reason}" for r in (*outcome.locals, outcome.coalition)),
    ]
    if outcome.paradoxes:
        lines += ["", "Turnout paradox:", *(f"  {note}" for note in outcome.paradoxes)]
    return "\n".join(lines) + "\n"


def _table(results: list[LocalResult]) -> list[str]:
    rows = [HEADINGS] + [
        (
            r.key,
            count(r.eligible),
            count(r.yes),
            count(r.no),
            count(r.void),
            percent(r.turnout),
            {True: "passes", False: "fails", None: "-"}[r.passes],
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    return [
        "  ".join(
            cell.ljust(w) if i in (0, len(HEADINGS) - 1) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
