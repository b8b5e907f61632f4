"""``caucus vote_clock``: open and close every vote that is due (run it every minute from cron;
the alarms set at scheduling do the same when the task backend can run a task later)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from caucus.votes.clock import tick


class Command(BaseCommand):
    help = "Open and close the votes whose time has come."

    def handle(self, *args: Any, **options: Any) -> None:
        opened, closed = tick()
        self.stdout.write(f"Opened {opened} vote(s), closed {closed}.")
