"""The demo's mail sink and mailbox: every message the demo sends, kept as a file, readable in
the browser at /demo/mailbox/ (and printed to the console), so a sign-in link can be clicked.

``python -m caucus.demo.mailbox --port N --folder F`` runs an SMTP server on 127.0.0.1:N that
writes each message it accepts to F as ``<time>-<n>.eml``. `caucus serve` starts one on a free
port of its own, so two demos on one machine never read each other's mail.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import itertools
import sys
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

KEPT = 200  # the newest messages shown


class MailboxHandler:
    """An aiosmtpd handler writing every message to ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counter = itertools.count(1)
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        name = f"{time.time_ns()}-{next(self.counter):06d}.eml"
        (self.folder / name).write_bytes(envelope.original_content or envelope.content)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        print(f"[mailbox] to {', '.join(envelope.rcpt_tos)}: {message['Subject']}", flush=True)
        return "250 Message accepted for delivery"


@dataclass(frozen=True)
class Letter:
    """One message in the mailbox, as the page shows it."""

    name: str
    to: str
    subject: str
    date: str
    text: str


def _text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def letters(folder: Path | None) -> list[Letter]:
    """The newest messages first (at most ``KEPT``)."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.eml"), reverse=True)[:KEPT]:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if not isinstance(message, EmailMessage):
            continue
        found.append(
            Letter(
                name=path.stem,
                to=str(message["To"] or ""),
                subject=str(message["Subject"] or "(no subject)"),
                date=str(message["Date"] or ""),
                text=_text_of(message),
            )
        )
    return found


def main(argv: list[str]) -> int:
    from aiosmtpd.controller import Controller

    parser = argparse.ArgumentParser(prog="python -m caucus.demo.mailbox")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", type=Path, required=True)
    args = parser.parse_args(argv)
    controller = Controller(MailboxHandler(args.folder), hostname="127.0.0.1", port=args.port)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
