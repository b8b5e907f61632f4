"""The audit package: everything an observer needs to check a counted vote, in one ZIP.

- ``README.txt``: what each file is and how to check it;
- ``roll.txt`` (the voter keys, sorted) and ``roll_hash.txt``: ``LC_ALL=C sort roll.txt |
  sha256sum`` gives the hash recorded when the roll was locked;
- ``ballots.csv``: every sealed ballot (its receipt, its local, the sealed bytes in base64),
  and ``receipts.txt``, the receipts counted, for members to find theirs
  (with the accepted challenged ballots');
- ``paper.csv``: every paper count entered (who, when, the counts, resolutions and their note);
- ``challenged.csv``: every challenged ballot, why, and the committee's decision (no names);
- ``result.json``: the engine's outcome (the format of ``caucus tally --format json``) and the
  counts of each local by how they were cast; ``tallies.csv``, the engine's input, so
  ``caucus tally rule.json tallies.csv`` decides the vote again; ``rule.json``;
- ``log.csv``: the vote's audit log.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import zipfile
from typing import Any

from caucus.audit.models import AuditEvent
from caucus.lib.spreadsheet import safe_cell
from caucus.votes.models import Result, Vote
from caucus.votes.tally import tallies_of

README = """Audit package of vote {pk}: {title}
Negotiation: {negotiation}. State: {state}. Voters on the roll: {roll_size}.

roll.txt, roll_hash.txt  the voter keys (local:member id) and the hash recorded when the roll
                         was locked. Check: LC_ALL=C sort roll.txt | sha256sum
ballots.csv              every sealed ballot: receipt, local, sealed (base64). Sealed to the
                         vote's public key ({public_key}); the trustees' key opens them.
receipts.txt             the receipt codes of the ballots counted
paper.csv                every paper count entered by the tellers, and the committee's
                         resolutions
challenged.csv           challenged ballots: reason and decision
rule.json, tallies.csv   the rule and the counts per local: caucus tally rule.json tallies.csv
                         decides the vote again, without a database
result.json              the outcome, with its reasons, and each local's counts by channel
log.csv                  every act recorded on this vote
"""


def _csv(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows)
    return out.getvalue()


def _ballots(vote: Vote) -> tuple[str, str]:
    keys = vote.local_keys()
    rows: list[list[Any]] = [["receipt", "local", "sealed"]]
    receipts = []
    for receipt, union_id, sealed in vote.ballots.order_by("receipt").values_list(
        "receipt", "union_id", "sealed"
    ):
        rows.append([receipt, keys.get(union_id, ""), base64.b64encode(bytes(sealed)).decode()])
        receipts.append(receipt)
    accepted = vote.challenged.filter(status="accepted").values_list("receipt", flat=True)
    return _csv(rows), "".join(f"{r}\n" for r in sorted([*receipts, *accepted]))


def _paper(vote: Vote) -> str:
    rows: list[list[Any]] = [
        ["local", "entered_by", "entered_at", "yes", "no", "void", "resolution", "note"]
    ]
    for e in vote.paper_entries.select_related("union", "entered_by").order_by("entered_at", "id"):
        who = e.entered_by.get_username() if e.entered_by else ""
        rows.append(
            [
                e.union.slug,
                safe_cell(who),
                e.entered_at.isoformat(),
                e.yes,
                e.no,
                e.void,
                e.is_resolution,
                safe_cell(e.note),
            ]
        )
    return _csv(rows)


def _challenged(vote: Vote) -> str:
    rows: list[list[Any]] = [["receipt", "local", "reason", "status", "decided_by", "note"]]
    for c in vote.challenged.select_related("union", "decided_by"):
        who = c.decided_by.get_username() if c.decided_by else ""
        rows.append(
            [
                c.receipt,
                c.union.slug,
                c.reason,
                c.status,
                safe_cell(who),
                safe_cell(c.decision_note),
            ]
        )
    return _csv(rows)


def _log(vote: Vote) -> str:
    rows: list[list[Any]] = [["at", "actor", "action", "detail"]]
    events = AuditEvent.objects.filter(object_type="votes.vote", object_id=str(vote.pk))
    for event in events.order_by("at", "id"):
        rows.append(
            [
                event.at.isoformat(),
                safe_cell(event.actor_label),
                event.action,
                safe_cell(json.dumps(event.detail)),
            ]
        )
    return _csv(rows)


def audit_package(vote: Vote) -> bytes:
    """The ZIP of a counted vote (its result must exist)."""
    result = Result.objects.get(vote=vote)
    ballots, receipts = _ballots(vote)
    tallies = [["local", "eligible", "yes", "no", "void"]] + [
        [t.local, t.eligible, t.yes, t.no, t.void] for t in tallies_of(vote, result.channels)
    ]
    roll = sorted(vote.voters.values_list("key", flat=True))
    files = {
        "README.txt": README.format(
            pk=vote.pk,
            title=vote.title,
            negotiation=vote.negotiation,
            state=vote.get_state_display(),
            roll_size=vote.roll_size,
            public_key=base64.b64encode(vote.key_bytes()).decode(),
        ),
        "roll.txt": "".join(f"{key}\n" for key in roll),
        "roll_hash.txt": f"{vote.roll_hash}\n",
        "ballots.csv": ballots,
        "receipts.txt": receipts,
        "paper.csv": _paper(vote),
        "challenged.csv": _challenged(vote),
        "rule.json": json.dumps(vote.rule, indent=1) + "\n",
        "tallies.csv": _csv(tallies),
        "result.json": json.dumps(
            {"outcome": result.outcome, "channels": result.channels, "problems": result.problems},
            indent=1,
            ensure_ascii=False,
        ),
        "log.csv": _log(vote),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"vote-{vote.pk}/{name}", text)
    return out.getvalue()
