"""The import pages: upload, column mapping, progress and report, and who may use them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.members.models import Member, RosterImport
from tests.members.files import row, write_csv, write_xlsx


def upload(client: Any, world: Any, path: Any, union: Any = None) -> Any:
    with path.open("rb") as handle:
        data = {
            "union": (union or world.union_a).pk,
            "file": SimpleUploadedFile(path.name, handle.read()),
        }
    return client.post(reverse("members:import_start"), data)


@pytest.mark.parametrize("name", ["team", "comms", "observer", "organizer_a"])
def test_people_without_the_import_right_are_refused(cast: Any, name: str) -> None:
    assert cast.client(name).get(reverse("members:import_start")).status_code == 403


def test_an_officer_may_choose_only_their_own_local(cast: Any) -> None:
    page = cast.client("officer_a").get(reverse("members:import_start")).content.decode()
    assert "Local A" in page
    assert "Local B" not in page


def test_an_officer_cannot_upload_for_another_local(cast: Any, world: Any, tmp_path: Any) -> None:
    path = write_csv(tmp_path / "r.csv", [row("A-1")])
    response = upload(cast.client("officer_a"), world, path, union=world.union_b)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not RosterImport.objects.exists()


def test_upload_refuses_files_that_are_not_csv_or_xlsx(
    cast: Any, world: Any, tmp_path: Any
) -> None:
    path = tmp_path / "roster.pdf"
    path.write_bytes(b"%PDF")
    response = upload(cast.client("officer_a"), world, path)
    assert "Choose a CSV or Excel (.xlsx) file." in response.content.decode()


def test_upload_leads_to_the_mapping_step_with_guessed_columns(
    cast: Any, world: Any, tmp_path: Any
) -> None:
    client = cast.client("officer_a")
    response = upload(client, world, write_csv(tmp_path / "r.csv", [row("A-1")]))
    job = RosterImport.objects.get()
    assert response["Location"] == reverse("members:import_map", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert '<option value="Member ID" selected>' in page
    assert "Ana" in page  # the first rows are shown to check the mapping against


def test_the_whole_flow_applies_the_file_and_reports(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = cast.client("officer_a")
    upload(
        client,
        world,
        # A-100, the cast's member of Local A, stays on the roster.
        write_xlsx(
            tmp_path / "r.xlsx",
            [row("A-100"), row("A-1"), row("A-2", Email="a@megacorp.example")],
        ),
    )
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:import_map", args=[job.pk]), job.mapping)
    assert response["Location"] == reverse("members:import_detail", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "✓ Applied" in page
    assert "<strong>2</strong> added" in page
    assert "<strong>1</strong> e-mail address on the employer" in page
    assert Member.objects.filter(union=world.union_a, member_id__in=["A-1", "A-2"]).count() == 2
    assert AuditEvent.objects.get(action="roster.import").actor == cast["officer_a"]


def test_a_rejected_file_lists_problems_by_row_and_column(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = cast.client("officer_a")
    rows = [row("A-100"), row("A-1"), row("A-2", Class="ZZZ")]
    upload(client, world, write_csv(tmp_path / "r.csv", rows))
    job = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:import_map", args=[job.pk]), job.mapping)
    page = client.get(reverse("members:import_detail", args=[job.pk])).content.decode()
    assert "Rejected: nothing changed" in page
    assert "<td>4</td><td>Class</td><td>unknown classification code “ZZZ”</td>" in page
    assert not Member.objects.filter(member_id="A-1").exists()


def test_mapping_one_column_to_two_fields_is_refused(cast: Any, world: Any, tmp_path: Any) -> None:
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "r.csv", [row("A-1")]))
    job = RosterImport.objects.get()
    response = client.post(
        reverse("members:import_map", args=[job.pk]), {**job.mapping, "phone": "Member ID"}
    )
    assert response.status_code == 400
    assert "“Member ID” already feeds Member ID." in response.content.decode()


def test_progress_partial_polls_while_the_import_runs(cast: Any, world: Any, tmp_path: Any) -> None:
    client = cast.client("officer_a")
    upload(client, world, write_csv(tmp_path / "r.csv", [row("A-1")]))
    job = RosterImport.objects.get()
    RosterImport.objects.filter(pk=job.pk).update(
        status=RosterImport.Status.RUNNING, rows_total=80_000, rows_done=20_000
    )
    response = client.get(reverse("members:import_progress", args=[job.pk]))
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="import-progress"')  # the part, not the page
    assert 'hx-trigger="every 1s"' in page
    assert '<progress id="import-bar" max="80000" value="20000">' in page
    assert "20,000 of 80,000 rows checked (25%)." in page


def test_another_locals_officer_gets_not_found_for_an_import(
    cast: Any, world: Any, tmp_path: Any
) -> None:
    upload(cast.client("officer_a"), world, write_csv(tmp_path / "r.csv", [row("A-1")]))
    job = RosterImport.objects.get()
    for name in ("import_map", "import_detail", "import_progress"):
        assert (
            cast.client("officer_b").get(reverse(f"members:{name}", args=[job.pk])).status_code
            == 404
        )


def test_anonymous_visitors_are_sent_to_sign_in_from_an_import(
    cast: Any, world: Any, tmp_path: Any
) -> None:
    upload(cast.client("officer_a"), world, write_csv(tmp_path / "r.csv", [row("A-1")]))
    job = RosterImport.objects.get()
    response = cast.client(None).get(reverse("members:import_detail", args=[job.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))
