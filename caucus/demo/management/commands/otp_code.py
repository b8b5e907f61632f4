"""``caucus otp_code USER``: print USER's current 6-digit second-factor code (demo helper,
so a demo user can pass the second factor without an authenticator app)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.accounts.models import User
from caucus.demo.people import current_code


class Command(BaseCommand):
    help = "Print a user's current TOTP code (for the demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        code = current_code(user)
        if code is None:
            raise CommandError(f"{username!r} has no confirmed authenticator device.")
        self.stdout.write(code)
