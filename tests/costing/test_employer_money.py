"""The employer's money beside the cost: the team records the employer's figures with their
sources; the run's page and the member page set the gap between the two sides' proposals against
them, worked by hand here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.costing.actions import do_publish
from caucus.costing.employer_money import Gap, big_money, set_against, side_gap
from caucus.costing.models import EmployerFact
from tests.costing.helpers import finished_run

pytestmark = pytest.mark.django_db


def fact(kind: str, amount: float, year: int | None = 2025, label: str = "") -> EmployerFact:
    return EmployerFact(
        kind=kind,
        amount=Decimal(str(amount)),
        year=year,
        label=label,
        source_title=f"{kind} source",
    )


def test_the_gap_is_set_against_the_latest_year_and_each_announced_spending() -> None:
    # $900,000 over 3 years:
    #   of $45,000,000 operating income (2025, the latest of 2024 and 2025): 2.0%
    #   of $3.2 billion revenue: 0.028125% -> 0.03%
    #   of the $900 million headquarters: 0.10%; of the $295 million arena: 0.305% -> 0.31%
    #   a net loss of $12 million is shown, not divided by
    gap = Gap("Union: wages", "Employer: wages", 900_000.0, 3, is_same_term=True)
    facts = [
        fact("operating_income", 40e6, 2024),
        fact("operating_income", 45e6, 2025),
        fact("revenue", 3.2e9),
        fact("net_income", -12e6),
        fact("spending", 900e6, 2024, "a new headquarters"),
        fact("spending", 295e6, 2023, "an arena"),
    ]
    sentences = [c.sentence for c in set_against(gap, facts)]
    assert sentences == [
        "The difference over 3 years, $900,000, is 0.03% of one year's revenue "
        "($3.2 billion in 2025).",
        "The difference over 3 years, $900,000, is 2.0% of one year's operating income "
        "($45 million in 2025).",
        "The employer reports net income of −$12 million in 2025.",
        "The difference over 3 years, $900,000, is 0.10% of the $900 million it has announced "
        "for a new headquarters (2024).",
        "The difference over 3 years, $900,000, is 0.31% of the $295 million it has announced "
        "for an arena (2023).",
    ]


def test_big_money_reads_in_millions_and_billions() -> None:
    assert [big_money(v) for v in (45_000.0, 2.5e6, 295e6, 1.25e9, -12e6)] == [
        "$45,000",
        "$2.5 million",
        "$295 million",
        "$1.25 billion",
        "−$12 million",
    ]


def test_the_gap_is_the_union_proposal_above_the_employers_over_the_term() -> None:
    # 1,200,000 - 300,000 above the status quo over the term: 900,000.
    term = {"start": "2027-01-01", "years": 3, "day_count": "actual"}
    summary = {
        "proposals": [
            {"name": "E", "side": "employer", "term": term,
             "term_total": {"above_status_quo": 300_000.0}},
            {"name": "U", "side": "union", "term": term,
             "term_total": {"above_status_quo": 1_200_000.0}},
        ]
    }  # fmt: skip
    assert side_gap(summary) == Gap("U", "E", 900_000.0, 3, is_same_term=True)
    assert side_gap({"proposals": summary["proposals"][:1]}) is None


def facts_url(world: Any) -> str:
    return reverse("costing:facts", args=[world.negotiation.slug])


def test_the_team_records_a_figure_with_its_source_and_the_audit_log_keeps_it(
    cast: Any, world: Any
) -> None:
    response = cast.client("team").post(
        facts_url(world),
        {
            "kind": "spending",
            "year": "2024",
            "label": "a new headquarters",
            "amount": "900000000",
            "source_title": "Company press release, 3 March 2024",
            "source_url": "https://example.com/hq",
            "is_public": "on",
            "document": SimpleUploadedFile("release.pdf", b"%PDF-1.7\n"),
        },
    )
    assert response.status_code == 302
    recorded = EmployerFact.objects.get(negotiation=world.negotiation)
    assert recorded.what() == "Spending it has announced: a new headquarters"
    event = AuditEvent.objects.get(action="costing.fact_add")
    assert event.actor == cast["team"]
    page = cast.client("team").get(facts_url(world)).content.decode()
    assert "Spending it has announced: a new headquarters" in page
    assert "$900,000,000" in page
    assert (
        '<a href="https://example.com/hq" rel="noopener noreferrer">Company press release' in page
    )
    document = reverse("costing:fact_document", args=[world.negotiation.slug, recorded.pk])
    assert cast.client("team").get(document).status_code == 200


def test_a_yearly_figure_without_a_year_or_a_source_is_refused_at_its_fields(
    cast: Any, world: Any
) -> None:
    response = cast.client("team").post(
        facts_url(world),
        {"kind": "operating_income", "amount": "45000000", "source_title": "Annual report"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_year-error"' in page
    assert "Give the year the figure is for." in page
    assert "Link the source, or attach the document, so members can check it." in page
    assert not EmployerFact.objects.exists()


def test_a_figure_is_corrected_and_removed_with_the_audit_log_keeping_what_it_was(
    cast: Any, world: Any
) -> None:
    recorded = EmployerFact.objects.create(
        negotiation=world.negotiation,
        kind="operating_income",
        year=2025,
        amount=45_000_000,
        source_title="Annual report 2025",
        source_url="https://example.com/ar",
    )
    edit = reverse("costing:fact_edit", args=[world.negotiation.slug, recorded.pk])
    client = cast.client("team")
    response = client.post(
        edit,
        {
            "kind": "operating_income",
            "year": "2025",
            "amount": "47000000",
            "source_title": "Annual report 2025, restated",
            "source_url": "https://example.com/ar",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    recorded.refresh_from_db()
    assert recorded.amount == Decimal("47000000.00")
    change = AuditEvent.objects.get(action="costing.fact_change")
    assert change.detail["before"] == {
        "amount": "45000000.00",
        "source_title": "Annual report 2025",
    }
    remove = reverse("costing:fact_remove", args=[world.negotiation.slug, recorded.pk])
    client.post(remove, {"confirm": "1"})
    assert not EmployerFact.objects.exists()
    assert AuditEvent.objects.get(action="costing.fact_remove").detail["amount"] == "47000000.00"


def record_figures(world: Any) -> None:
    EmployerFact.objects.create(
        negotiation=world.negotiation,
        kind="operating_income",
        year=2025,
        amount=45_000_000,
        source_title="Annual report 2025",
        source_url="https://example.com/ar",
    )
    EmployerFact.objects.create(
        negotiation=world.negotiation,
        kind="reserves",
        year=2025,
        amount=2_000_000_000,
        source_title="Disclosure given in confidence",
        source_url="https://example.com/private",
        is_public=False,
    )


def test_the_run_page_sets_the_gap_against_the_employers_figures_with_their_sources(
    cast: Any, world: Any
) -> None:
    run = finished_run(cast, world)
    record_figures(world)
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    union, employer = run.summary["proposals"]
    gap = union["term_total"]["above_status_quo"] - employer["term_total"]["above_status_quo"]
    share = 100 * gap / 45_000_000
    assert "The employer's money" in page
    assert f"is {share:.2f}% of one year&#x27;s operating income ($45 million in 2025)" in page
    assert (
        '<a href="https://example.com/ar" rel="noopener noreferrer">Annual report 2025</a>' in page
    )
    assert "Disclosure given in confidence" in page  # the team sees every figure


def test_the_member_page_shows_the_public_figures_only(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    record_figures(world)
    do_publish(cast["team"], run, "")
    url = reverse("costing_site:what_it_means", args=[world.negotiation.slug])
    page = cast.client(None).get(url).content.decode()
    assert "of one year&#x27;s operating income ($45 million in 2025)" in page
    assert "Annual report 2025" in page
    assert "Disclosure given in confidence" not in page
    assert "reserves" not in page


def test_the_run_page_asks_for_the_figures_when_there_are_none(cast: Any, world: Any) -> None:
    run = finished_run(cast, world)
    page = cast.client("team").get(reverse("costing:run", args=[run.pk])).content.decode()
    assert "Record the employer's revenue, operating income, reserves" in page
    assert f'href="{facts_url(world)}"' in page
