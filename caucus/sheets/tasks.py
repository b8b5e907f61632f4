"""The sheet build as a background task: takes a SheetVersion id and builds it."""

from __future__ import annotations

from django_tasks import task

from caucus.sheets.building import run_build


@task()
def build_version(version_id: int) -> None:
    run_build(version_id)
