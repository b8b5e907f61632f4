"""The ``caucus`` console command: ``manage.py`` plus commands that need no database.

``caucus redline`` and ``caucus cost`` run the pure engines on files and never touch
Django settings, so they work anywhere the package is installed.
"""

from __future__ import annotations

import os
import sys

STANDALONE = {
    "redline": "caucus.engines.redline.cli",
    "cost": "caucus.engines.costing.cli",
    "tally": "caucus.engines.ballots.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in STANDALONE:
        from importlib import import_module

        module = import_module(STANDALONE[argv[1]])
        return int(module.main(argv[2:]) or 0)
    if len(argv) > 1 and not argv[1].startswith("-"):
        # `caucus import-roster` and `caucus otp-code` name the commands import_roster, otp_code.
        argv[1] = argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caucus.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
