"""``caucus api_token USER NAME``: issue an API token for USER and print it, once.

Only the token's hash is stored, so this is the one moment the token can be read; it acts
with USER's roles, nothing more.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.accounts.models import ApiToken, User
from caucus.audit.log import record


class Command(BaseCommand):
    help = "Issue an API token for a user and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="What the token is for, e.g. 'spreadsheet sync'.")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username!r} is not active; their token would not work.")
        token, raw = ApiToken.issue(user, name[:100])
        record(None, "api_token.issued", token, user=username, name=token.name)
        self.stdout.write(raw)
        self.stderr.write(
            f"Token {token.prefix}… for {username} ({token.name}). It is shown only this once."
        )
