"""``caucus import-roster FILE --union SLUG [--mapping JSON] [--dry-run] [--confirm-drop N]``

The import of the roster pages, from the shell: the same checks, all or nothing. Prints a
summary; exits 1 with every problem (row, column, reason) on stderr when the file has any, or
when it would mark more of the union's members as no longer on the roster than may go without
``--confirm-drop`` naming that count; 2 when the file or the union cannot be found or read.
Applied imports are audit-logged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.lib.uploads import UnpackedTooLarge, check_unpacked
from caucus.members.columns import FIELDS_BY_NAME, guess_mapping
from caucus.members.importing import do_import_roster
from caucus.members.roster_files import RosterFileError, is_spreadsheet, read_table
from caucus.orgs.models import Union


class Command(BaseCommand):
    help = "Import a union's roster from a CSV or XLSX file (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The roster file, .csv or .xlsx")
        parser.add_argument("--union", required=True, help="The union's slug")
        parser.add_argument(
            "--mapping",
            help='JSON (or a JSON file) of Caucus field → column, e.g. {"member_id": "Badge"}; '
            "fields left out are guessed from the header names",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, change nothing"
        )
        parser.add_argument(
            "--confirm-drop",
            type=int,
            metavar="N",
            help="Apply a file that marks N members as no longer on the roster, when N is more "
            "than may go without asking (the number the refusal names)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        union = Union.objects.filter(slug=options["union"]).first()
        if union is None:
            raise CommandError(f"No union with slug {options['union']!r}.", returncode=2)
        try:
            if is_spreadsheet(path.name):
                check_unpacked(path, name=path.name, inflate=True)
            table = read_table(path)
        except (RosterFileError, UnpackedTooLarge, FileNotFoundError) as error:
            raise CommandError(str(error), returncode=2) from error
        mapping = guess_mapping(table.frame.columns)
        mapping.update(self._mapping(options["mapping"]))
        outcome = do_import_roster(
            None,
            union,
            path,
            mapping,
            name=path.name,
            table=table,
            dry_run=options["dry_run"],
            confirm_drop=options["confirm_drop"],
            via="command",
        )
        if not outcome.is_valid:
            for e in outcome.errors:
                self.stderr.write(f"row {e['row']}, column {e['column']}: {e['message']}")
            if outcome.errors_total > len(outcome.errors):
                self.stderr.write(f"… and {outcome.errors_total - len(outcome.errors)} more")
            raise CommandError(
                f"{outcome.errors_total} problem(s) in {path.name}: nothing changed.", returncode=1
            )
        drops = outcome.unconfirmed_drops
        if drops is not None and not outcome.dry_run:
            raise CommandError(
                f"{drops.sentence()} Nothing changed. If that is right, run it again with "
                f"--confirm-drop {drops.dropping}.",
                returncode=1,
            )
        verb = "would change" if outcome.dry_run else "applied"
        counts = outcome.summary()
        self.stdout.write(
            f"{union}: {counts['rows']} rows {verb}: {counts['added']} added, "
            f"{counts['changed']} changed, {counts['unchanged']} unchanged, "
            f"{counts['removed']} no longer on the roster, "
            f"{counts['flagged_emails']} e-mail(s) on the employer's domain flagged."
        )
        if outcome.encoding:
            self.stdout.write(f"Read as {outcome.encoding}.")
        if drops is not None:
            self.stdout.write(
                f"{drops.sentence()} Applying it needs --confirm-drop {drops.dropping}."
            )

    def _mapping(self, given: str | None) -> dict[str, str]:
        if not given:
            return {}
        text = (
            Path(given).read_text(encoding="utf-8") if not given.lstrip().startswith("{") else given
        )
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"--mapping is not JSON: {error}", returncode=2) from error
        unknown = sorted(set(mapping) - set(FIELDS_BY_NAME))
        if unknown or not all(isinstance(v, str) for v in mapping.values()):
            raise CommandError(
                f"--mapping: unknown fields {unknown}; known: {sorted(FIELDS_BY_NAME)}",
                returncode=2,
            )
        return dict(mapping)
