"""Bad input changes nothing: a roster file that would drop most of a local, or has no rows.

A header-only or four-row file for a local of 13,600 used to "apply" and mark everyone else as
no longer on the roster. Now an import that would drop more than
``CAUCUS_ROSTER_DROP_CONFIRM_SHARE`` percent (10) of the members on the roster waits for the
count to be typed, and a file with no rows is refused outright.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.cli import main
from caucus.members.columns import guess_mapping
from caucus.members.importing import import_roster
from caucus.members.models import Member, RosterImport
from tests.members.files import HEADER, row, write_csv

MAPPING = guess_mapping(HEADER)


def rows(count: int, prefix: str = "A-") -> list[dict[str, Any]]:
    return [row(f"{prefix}{n}") for n in range(1, count + 1)]


def on_roster(world: Any) -> int:
    return Member.objects.filter(union=world.union_a, is_on_roster=True).count()


def seed(world: Any, tmp_path: Any, count: int) -> None:
    """``count`` members on Local A's roster, besides any already there (who stay)."""
    kept = [
        row(m)
        for m in Member.objects.filter(union=world.union_a).values_list("member_id", flat=True)
    ]
    outcome = import_roster(
        write_csv(tmp_path / "seed.csv", rows(count) + kept), world.union_a, MAPPING
    )
    assert outcome.is_applied
    assert outcome.added == count


def test_a_four_row_file_for_a_local_of_13600_changes_nothing_unconfirmed(
    world: Any, tmp_path: Any
) -> None:
    seed(world, tmp_path, 13_600)
    outcome = import_roster(write_csv(tmp_path / "four.csv", rows(4)), world.union_a, MAPPING)
    assert outcome.unconfirmed_drops is not None
    assert outcome.unconfirmed_drops.question() == (
        "This file would mark 13,596 of 13,600 members of Local A as no longer on the "
        "roster. Type 13596 to confirm."
    )
    assert not outcome.is_applied
    assert on_roster(world) == 13_600


def test_the_confirmed_count_applies_the_file(world: Any, tmp_path: Any) -> None:
    seed(world, tmp_path, 40)
    path = write_csv(tmp_path / "four.csv", rows(4))
    outcome = import_roster(path, world.union_a, MAPPING, confirm_drop=36)
    assert outcome.is_applied
    assert on_roster(world) == 4


def test_a_wrong_count_is_no_confirmation(world: Any, tmp_path: Any) -> None:
    seed(world, tmp_path, 40)
    path = write_csv(tmp_path / "four.csv", rows(4))
    outcome = import_roster(path, world.union_a, MAPPING, confirm_drop=35)
    assert outcome.unconfirmed_drops is not None
    assert on_roster(world) == 40


def test_dropping_a_tenth_or_less_needs_no_confirmation(world: Any, tmp_path: Any) -> None:
    seed(world, tmp_path, 40)
    outcome = import_roster(write_csv(tmp_path / "36.csv", rows(36)), world.union_a, MAPPING)
    assert outcome.is_applied
    assert outcome.removed == 4


def test_the_share_is_a_setting(world: Any, tmp_path: Any, settings: Any) -> None:
    settings.CAUCUS_ROSTER_DROP_CONFIRM_SHARE = 5
    seed(world, tmp_path, 40)
    outcome = import_roster(write_csv(tmp_path / "36.csv", rows(36)), world.union_a, MAPPING)
    assert outcome.unconfirmed_drops is not None
    assert on_roster(world) == 40


def upload(client: Any, world: Any, path: Any) -> Any:
    with path.open("rb") as handle:
        data = {"union": world.union_a.pk, "file": SimpleUploadedFile(path.name, handle.read())}
    return client.post(reverse("members:import_start"), data)


def test_the_mapping_page_asks_for_the_count_and_queues_nothing(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seed(world, tmp_path, 39)  # and the cast's A-100: 40 on the roster
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "four.csv", rows(4)))
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:import_map", args=[job.pk]), job.mapping)
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "This file would mark 36 of 40 members of Local A as no longer on the roster. "
        "Type 36 to confirm." in page
    )
    job.refresh_from_db()
    assert job.status == RosterImport.Status.UPLOADED
    assert on_roster(world) == 40


def test_the_mapping_page_refuses_a_wrong_count(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seed(world, tmp_path, 39)
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "four.csv", rows(4)))
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:import_map", args=[job.pk]), {**job.mapping, "confirm_drop": "40"}
        )
    assert "That is not the count: type 36 to confirm." in response.content.decode()
    assert on_roster(world) == 40


def test_typing_the_count_on_the_mapping_page_applies_the_file(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seed(world, tmp_path, 39)
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "four.csv", rows(4)))
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:import_map", args=[job.pk]), {**job.mapping, "confirm_drop": "36"}
        )
    assert response["Location"] == reverse("members:import_detail", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.drop_confirmed, job.removed) == (RosterImport.Status.DONE, 36, 36)
    assert on_roster(world) == 4


def test_a_run_whose_count_changed_since_the_confirmation_changes_nothing(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seed(world, tmp_path, 39)
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "four.csv", rows(4)))
    job = RosterImport.objects.get()
    world.member(member_id="A-999")  # another member arrives before the import runs
    RosterImport.objects.filter(pk=job.pk).update(
        status=RosterImport.Status.QUEUED, drop_confirmed=36
    )
    from caucus.members.tasks import run_roster_import

    run_roster_import(job.pk)
    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED
    assert "would mark 37 of 41 members" in job.error
    assert on_roster(world) == 41
    page = client.get(reverse("members:import_detail", args=[job.pk])).content.decode()
    assert "upload the file again" in page


def test_a_header_only_file_is_refused_at_upload_and_nothing_is_stored(
    cast: Any, world: Any, tmp_path: Any, settings: Any
) -> None:
    path = write_csv(tmp_path / "header.csv", [])
    response = upload(cast.client("officer_a"), world, path)
    assert response.status_code == 200
    assert (
        "“header.csv” has a header row but no rows of members under it: there is nothing to "
        "import." in response.content.decode()
    )
    assert not RosterImport.objects.exists()
    assert not list((tmp_path / "media").rglob("*.csv"))


@pytest.fixture
def _keep_the_test_connection(monkeypatch: Any) -> None:
    from django.db import connections

    # run_from_argv closes every connection when a command ends; the test's own must survive.
    monkeypatch.setattr(connections, "close_all", lambda: None)


def command(*args: str) -> int:
    try:
        return main(["caucus", "import-roster", *args])
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.usefixtures("_keep_the_test_connection")
def test_the_command_needs_confirm_drop_naming_the_count(
    world: Any, tmp_path: Any, capsys: Any
) -> None:
    seed(world, tmp_path, 40)
    path = str(write_csv(tmp_path / "four.csv", rows(4)))
    assert command(path, "--union", "local-a") == 1
    assert (
        "This file would mark 36 of 40 members of Local A as no longer on the roster. Nothing "
        "changed. If that is right, run it again with --confirm-drop 36." in capsys.readouterr().err
    )
    assert on_roster(world) == 40
    # the refused attempt is on the record, as changing nothing
    refused = AuditEvent.objects.get(action="roster.import")
    assert refused.detail["applied"] is False
    assert command(path, "--union", "local-a", "--confirm-drop", "36") == 0
    assert on_roster(world) == 4
    applied = AuditEvent.objects.filter(action="roster.import").order_by("-id").first()
    assert applied is not None
    assert applied.detail["applied"] is True
    assert applied.detail["removed"] == 36


@pytest.mark.usefixtures("_keep_the_test_connection")
def test_the_command_refuses_a_header_only_file(world: Any, tmp_path: Any, capsys: Any) -> None:
    seed(world, tmp_path, 3)
    assert command(str(write_csv(tmp_path / "header.csv", [])), "--union", "local-a") == 2
    assert "no rows of members" in capsys.readouterr().err
    assert on_roster(world) == 3
