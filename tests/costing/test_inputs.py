"""Bad input is refused before anything is saved: a roster file with a bad row, terms the
engine refuses, a scope naming a region the roster does not have."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from caucus.audit.models import AuditEvent
from caucus.costing.models import CostingRun
from tests.costing.helpers import make_proposals, make_roster, new_run_url, start_run

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "id,classification,step,rate,hours,hire_date,region,local\n"
    "1,Clerk,1,20.00,2080,2020-01-01,North,Local A\n"
    "2,Clerk,2,21.50,1040,2018-05-01,South,Local B\n"
)


def post_file(client: Any, world: Any, proposals: Any, name: str, content: bytes) -> Any:
    return client.post(
        new_run_url(world),
        {
            "source": "file",
            "file": SimpleUploadedFile(name, content),
            "proposals": [p.pk for p in proposals],
        },
    )


def test_a_roster_file_with_a_bad_row_is_refused_naming_row_and_column(
    cast: Any, world: Any
) -> None:
    union, _ = make_proposals(world)
    bad = GOOD_CSV + "3,Clerk,1,-4,2080,2021-02-30,North,Local A\n"
    response = post_file(cast.client("team"), world, [union], "roster.csv", bad.encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert "roster line 4, rate: -4 is negative" in page
    assert "roster line 4, hire_date: &#x27;2021-02-30&#x27; is not a date" in page
    assert not CostingRun.objects.exists()
    assert not AuditEvent.objects.filter(action="costing.run_create").exists()


def test_an_xlsx_roster_missing_a_column_is_refused(cast: Any, world: Any, tmp_path: Any) -> None:
    union, _ = make_proposals(world)
    book = Workbook()
    book.active.append(["id", "classification", "rate", "fte"])
    book.active.append([1, "Clerk", 20.0, 1])
    book.save(tmp_path / "r.xlsx")
    content = (tmp_path / "r.xlsx").read_bytes()
    response = post_file(cast.client("team"), world, [union], "r.xlsx", content)
    assert "roster: column &#x27;hire_date&#x27; is required" in response.content.decode()
    assert not CostingRun.objects.exists()


def test_a_good_roster_file_is_costed(
    cast: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    union, employer = make_proposals(world)
    employer.economic_terms = {
        **employer.economic_terms,
        "freezes": [{"start": "2027-01-01", "end": "2027-12-31", "where": {"region": "South"}}],
    }
    employer.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_file(
            cast.client("team"), world, [union, employer], "roster.csv", GOOD_CSV.encode()
        )
    run = CostingRun.objects.get()
    assert response.status_code == 302
    assert run.status == CostingRun.Status.DONE, run.errors
    assert (run.source, run.roster_name, run.workers) == ("file", "roster.csv", 2)


def test_a_scope_naming_a_region_not_on_the_roster_is_refused(cast: Any, world: Any) -> None:
    make_roster(world)
    union, employer = make_proposals(world)
    employer.economic_terms = {
        **employer.economic_terms,
        "freezes": [{"start": "2027-01-01", "end": "2027-12-31", "where": {"region": "Sooth"}}],
    }
    employer.save()
    response = start_run(cast.client("team"), world, [union, employer])
    assert response.status_code == 400
    assert (
        "Employer: Wages: 2% a year, South frozen: freezes[0].where.region: &#x27;Sooth&#x27; "
        "is not on the roster" in response.content.decode()
    )
    assert not CostingRun.objects.exists()


def test_bad_status_quo_terms_are_refused_naming_the_field(cast: Any, world: Any) -> None:
    make_roster(world)
    union, _ = make_proposals(world)
    sq = '{"scales": [{"classification": "Clerk", "rates": [20, "lots"]}]}'
    response = start_run(cast.client("team"), world, [union], status_quo_terms=sq)
    assert response.status_code == 400
    assert "Status quo: scales[0].rates[1]" in response.content.decode()
    assert not CostingRun.objects.exists()


def test_proposals_whose_terms_cannot_be_costed_are_not_offered(cast: Any, world: Any) -> None:
    union, employer = make_proposals(world)
    union.economic_terms = {"minimum_rate": 20}
    union.save()
    page = cast.client("team").get(new_run_url(world)).content.decode()
    assert f'name="proposals" value="{union.pk}"' not in page
    assert f'name="proposals" value="{employer.pk}"' in page
    assert "minimum_rate: unknown field" in page


def test_a_run_needs_at_least_one_proposal(cast: Any, world: Any) -> None:
    make_roster(world)
    response = start_run(cast.client("team"), world, [])
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not CostingRun.objects.exists()


def test_a_good_xlsx_roster_is_costed(
    cast: Any, world: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    union, _ = make_proposals(world)
    book = Workbook()
    for line in GOOD_CSV.splitlines():
        book.active.append(line.split(","))
    book.save(tmp_path / "r.xlsx")
    with django_capture_on_commit_callbacks(execute=True):
        post_file(cast.client("team"), world, [union], "r.xlsx", (tmp_path / "r.xlsx").read_bytes())
    run = CostingRun.objects.get()
    assert run.status == CostingRun.Status.DONE, run.errors
    assert run.summary["base_year"]["payroll"] == 20.0 * 2080 + 21.5 * 1040
