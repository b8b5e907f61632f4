"""Economic terms entered with the form, read in plain words, warned about when the text names
an amount they do not cost; the JSON kept for scripts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from caucus.table.models import Proposal
from caucus.table.terms_form import TermsEditor, hidden_rows
from tests.table.test_proposals import NEW, form_data

pytestmark = pytest.mark.django_db

WAGES = {
    "term": {"start": "2026-04-01", "years": 3},
    "raises": [
        {"effective": "2026-04-01", "percent": 3},
        {"effective": "2027-04-01", "percent": 2.5},
    ],
}


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"terms-{prefix}-TOTAL_FORMS": str(total),
        f"terms-{prefix}-INITIAL_FORMS": str(initial),
        f"terms-{prefix}-MIN_NUM_FORMS": "0",
        f"terms-{prefix}-MAX_NUM_FORMS": "1000",
    }


def terms_form(**rows: str) -> dict[str, str]:
    """A posted terms editor in form mode: every formset empty but for ``rows``."""
    data = {"terms_mode": "form", "economic_terms": ""}
    for prefix in ("raises", "scales", "lump_sums", "differentials"):
        count = len({k.split("-")[2] for k in rows if k.startswith(f"terms-{prefix}-")})
        data.update(management(prefix, max(count, 1)))
    data.update(rows)
    return data


def test_the_team_enters_raises_and_a_lump_sum_with_the_form_not_json(cast: Any) -> None:
    posted = terms_form(
        **{
            "terms-term-start": "2026-04-01",
            "terms-term-years": "3",
            "terms-raises-0-effective": "2027-04-01",
            "terms-raises-0-percent": "3",
            "terms-raises-1-effective": "2028-04-01",
            "terms-raises-1-percent": "2.5",
            "terms-lump_sums-0-paid": "2026-06-01",
            "terms-lump_sums-0-amount": "1000",
            "terms-lump_sums-0-hired_before": "2026-01-01",
        }
    )
    text = "3% on April 1, 2027 and 2.5% on April 1, 2028; a $1,000 lump sum."
    response = cast.client("team").post(NEW, {**form_data(cast, text=text), **posted}, follow=True)
    assert Proposal.objects.get().economic_terms == {
        "term": {"start": "2026-04-01", "years": 3},
        "raises": [
            {"effective": "2027-04-01", "percent": 3},
            {"effective": "2028-04-01", "percent": 2.5},
        ],
        "lump_sums": [{"paid": "2026-06-01", "amount": 1000, "hired_before": "2026-01-01"}],
    }
    page = response.content.decode()
    assert (
        "A 3-year contract from April 1, 2026; 3% on April 1, 2027; 2.5% on April 1, 2028; "
        "a $1,000 lump sum on June 1, 2026 to everyone hired before January 1, 2026."
    ) in page
    assert "which its economic terms do not cost" not in page


def test_a_mistake_in_a_raise_shows_at_that_raises_field(cast: Any) -> None:
    posted = terms_form(
        **{
            "terms-raises-0-effective": "2027-04-01",
            "terms-raises-0-percent": "3",
            "terms-raises-1-effective": "2028-04-01",
            "terms-raises-1-percent": "2",
            "terms-raises-1-cents": "50",
        }
    )
    response = cast.client("team").post(NEW, {**form_data(cast), **posted})
    assert response.status_code == 400
    editor = response.context["editor"]
    assert editor.raises.forms[1].errors == {"cents": ["Give either percent or cents, not both"]}
    assert editor.raises.forms[0].errors == {}
    assert not Proposal.objects.exists()


def test_a_scale_with_a_rate_that_is_not_a_number_is_refused_at_its_rates(cast: Any) -> None:
    posted = terms_form(
        **{
            "terms-scales-0-classification": "Barista",
            "terms-scales-0-effective": "2026-04-01",
            "terms-scales-0-rates": "18.40, nineteen",
        }
    )
    response = cast.client("team").post(NEW, {**form_data(cast), **posted})
    assert response.status_code == 400
    assert "Give numbers separated by commas" in response.content.decode()


def test_the_form_keeps_what_it_has_no_place_for_from_the_json(cast: Any) -> None:
    kept = '{"rollup": {"rate": 0.1715}, "raises": [{"effective": "2020-01-01", "percent": 9}]}'
    posted = terms_form(**{"terms-raises-0-effective": "2027-04-01", "terms-raises-0-percent": "3"})
    posted["economic_terms"] = kept
    cast.client("team").post(NEW, {**form_data(cast), **posted})
    # The raises are the form's; the roll-up, which the form does not edit, is the JSON's.
    assert Proposal.objects.get().economic_terms == {
        "rollup": {"rate": 0.1715},
        "raises": [{"effective": "2027-04-01", "percent": 3}],
    }


def test_shares_are_entered_as_percents_and_stored_as_the_engines_shares(cast: Any) -> None:
    posted = terms_form(
        **{
            "terms-health-monthly_premium": "900",
            "terms-health-employer_share": "80",
            "terms-differentials-0-name": "night",
            "terms-differentials-0-share_of_hours": "20",
            "terms-differentials-0-cents": "150",
        }
    )
    cast.client("team").post(NEW, {**form_data(cast), **posted})
    terms = Proposal.objects.get().economic_terms
    assert terms["health"] == {"monthly_premium": 900, "employer_share": 0.8}
    assert terms["differentials"] == [{"name": "night", "share_of_hours": 0.2, "cents": 150}]


def test_stored_terms_open_in_the_form_and_save_unchanged(cast: Any, table: Any) -> None:
    proposal = table.proposal(economic_terms=WAGES)
    editor = TermsEditor(terms=WAGES)
    assert editor.mode == "form"
    assert [f.initial["percent"] for f in editor.raises.forms[:2]] == [3, 2.5]
    page = cast.client("team").get(reverse("table:proposal_edit", args=[table.slug, proposal.pk]))
    assert 'value="2027-04-01"' in page.content.decode()


def test_terms_the_form_cannot_show_whole_open_as_json(cast: Any, table: Any) -> None:
    scoped = {"raises": [{"effective": "2027-04-01", "percent": 3, "where": {"region": "North"}}]}
    assert hidden_rows(scoped) == ["raises[0].where"]
    proposal = table.proposal(economic_terms=scoped)
    page = cast.client("team").get(reverse("table:proposal_edit", args=[table.slug, proposal.pk]))
    assert page.context["editor"].mode == "json"
    assert "so they open as JSON" in page.content.decode()


def test_editing_one_raise_in_the_form_keeps_the_other(cast: Any, table: Any) -> None:
    proposal = table.proposal(economic_terms=WAGES, title="Wages")
    data = {
        "kind": "formal",
        "article": proposal.article_id,
        "title": "Wages",
        "text": proposal.text,
        "passed_on": "2026-03-02",
        "is_published": "on",
        **terms_form(),
        **management("raises", 3, initial=2),
        "terms-term-start": "2026-04-01",
        "terms-term-years": "3",
        "terms-raises-0-effective": "2026-04-01",
        "terms-raises-0-percent": "3.5",
        "terms-raises-1-effective": "2027-04-01",
        "terms-raises-1-percent": "2.5",
    }
    response = cast.client("team").post(
        reverse("table:proposal_edit", args=[table.slug, proposal.pk]), data
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert [r["percent"] for r in proposal.economic_terms["raises"]] == [3.5, 2.5]


def test_the_proposal_page_warns_of_an_amount_its_terms_do_not_cost(cast: Any, table: Any) -> None:
    proposal = table.proposal(
        text="14.2 Rates rise 3% and 2.5%. No rate shall be below $19.25.", economic_terms=WAGES
    )
    page = cast.client("team").get(reverse("table:proposal", args=[table.slug, proposal.pk]))
    body = page.content.decode()
    assert "The text names $19.25, which its economic terms do not cost." in body
    assert "3% on April 1, 2026; 2.5% on April 1, 2027." in body
    assert "{&#x27;term&#x27;" not in body  # never a Python dict


def test_entering_a_pass_whose_text_names_an_uncosted_amount_warns_once_saved(
    cast: Any,
) -> None:
    text = "All rates rise 6%; no rate below $19.25."
    terms = '{"raises": [{"effective": "2026-04-01", "percent": 6}]}'
    response = cast.client("team").post(
        NEW, form_data(cast, text=text, economic_terms=terms), follow=True
    )
    assert Proposal.objects.get().economic_terms["raises"][0]["percent"] == 6
    assert "The text names $19.25, which its economic terms do not cost." in (
        response.content.decode()
    )


def test_observers_see_the_terms_in_words_but_not_the_teams_warning(cast: Any, table: Any) -> None:
    proposal = table.proposal(text="6%, and $19.25 at least.", economic_terms=WAGES)
    page = cast.client("observer").get(reverse("table:proposal", args=[table.slug, proposal.pk]))
    body = page.content.decode()
    assert "3% on April 1, 2026" in body
    assert "$19.25, which" not in body


def test_answers_offers_the_other_sides_passes_on_the_article_first(cast: Any, table: Any) -> None:
    w = cast.world
    theirs_here = table.proposal("employer", title="Their wages")
    theirs_elsewhere = table.proposal("employer", article=w.article_seniority, title="Seniority")
    ours = table.proposal("union", title="Our wages")
    url = f"{NEW}?side=union&article={w.article_wages.pk}"
    field = cast.client("team").get(url).context["form"].fields["answers"]
    groups = [(name, [pk for pk, _ in options]) for name, options in field.choices[1:]]
    assert groups == [
        ("The employer's passes on Article 12", [theirs_here.pk]),
        ("The employer's passes on other articles", [theirs_elsewhere.pk]),
    ]
    offered = [label for _, options in field.choices[1:] for _, label in options]
    assert not any(ours.title in label for label in offered)
