"""``caucus demo [--seed N] [--members 85000] [--if-empty]``: build the fictional coalition
and print its sign-ins. Deterministic from the seed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.demo.build import DEFAULT_MEMBERS, DEFAULT_SEED, build_demo, demo_exists
from caucus.demo.people import print_logins


class Command(BaseCommand):
    help = "Build the demo coalition (fictional employer, ten locals, a bargaining round)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--members", type=int, default=DEFAULT_MEMBERS)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if a coalition already exists."
        )

    def handle(self, *args: Any, seed: int, members: int, if_empty: bool, **options: Any) -> None:
        if members < 50:
            raise CommandError("--members must be at least 50 (the demo needs every local).")
        if demo_exists():
            if if_empty:
                self.stdout.write("A coalition already exists: the demo is not built again.")
                print_logins(self.stdout)
                return
            raise CommandError("A coalition already exists. Use a fresh database for the demo.")
        summary = build_demo(seed=seed, members=members)
        self.stdout.write(
            f"Built the demo (seed {summary.seed}): {summary.unions} locals, "
            f"{summary.worksites} worksites, {summary.members:,} members, "
            f"{summary.proposals} proposals in {summary.seconds} s."
        )
        print_logins(self.stdout)
