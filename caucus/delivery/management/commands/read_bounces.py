"""``caucus read_bounces PATH...``: read the bounce mailbox of a plain SMTP relay (an mbox file,
a Maildir folder or single .eml files), record each hard bounce and complaint (the address
suppressed, the outbox row marked) and, with ``--delete``, remove the messages read from a
Maildir. Run it from cron beside the relay (docs/delivery.md, "Bounces and complaints")."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.delivery.actions import record_bounce
from caucus.delivery.dsn import read_report


def _messages(path: Path, delete: bool) -> Iterator[bytes]:
    if path.suffix == ".eml":
        yield path.read_bytes()
        return
    box: mailbox.Mailbox = (
        mailbox.Maildir(path, factory=None, create=False)
        if path.is_dir()
        else mailbox.mbox(path, create=False)
    )
    try:
        for key in list(box.keys()):
            yield box.get_bytes(key)
            if delete and path.is_dir():
                box.remove(key)
    finally:
        box.close()


class Command(BaseCommand):
    help = "Record the hard bounces and complaints in a bounce mailbox (mbox, Maildir, .eml)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--delete", action="store_true", help="Remove read Maildir messages.")

    def handle(self, *args: Any, paths: list[Path], delete: bool, **options: Any) -> None:
        read = suppressed = 0
        for path in paths:
            if not path.exists():
                raise CommandError(f"No such mailbox: {path}")
            for raw in _messages(path, delete):
                read += 1
                for report in read_report(raw):
                    if report.permanent or report.complaint:
                        record_bounce(
                            address=report.address,
                            permanent=report.permanent,
                            complaint=report.complaint,
                            detail=report.detail,
                            outbox_id=report.outbox_id,
                        )
                        suppressed += 1
        self.stdout.write(f"Read {read} messages: {suppressed} hard bounces or complaints.")
