"""`make run` serves the demo as production runs: DEBUG off, static files collected first."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

ROOT = Path(django_settings.BASE_DIR)


def test_make_run_collects_static_files_and_leaves_debug_off() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    commands = [line for line in dry_run if "caucus " in line]
    assert not [line for line in dry_run if "DEBUG=true" in line or "DEBUG=1" in line]
    steps = [line.split("caucus ", 1)[1].split()[0] for line in commands]
    assert steps.index("collectstatic") < steps.index("serve"), steps


def test_the_demo_server_refuses_to_start_without_collected_static_files(
    settings: Any, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with pytest.raises(CommandError, match="collectstatic"):
        call_command("serve", "--port", "1")
