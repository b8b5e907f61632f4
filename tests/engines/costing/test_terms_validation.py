"""Terms and rosters that cannot be costed are refused with a message naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from caucus.engines.costing.model import cost_proposals
from caucus.engines.costing.reader import TermsError
from caucus.engines.costing.roster import RosterError, roster_from_rows
from caucus.engines.costing.terms import load_terms, parse_terms
from tests.engines.costing.cases import roster_of, worker

TERM = {"start": "2026-01-01", "years": 2}


def refusal(data: dict[str, Any]) -> list[str]:
    with pytest.raises(TermsError) as caught:
        parse_terms(data)
    return caught.value.messages


def test_impossible_date_is_refused_naming_the_raise() -> None:
    raises = [{"effective": "2026-01-01", "percent": 2}, {"effective": "2027-02-30", "percent": 2}]
    assert refusal({"term": TERM, "raises": raises}) == [
        "raises[1].effective: 2027-02-30 is not a date"
    ]


def test_unknown_field_is_refused_by_its_path() -> None:
    assert refusal({"term": TERM, "raises": [{"effective": "2026-01-01", "percnt": 2}]}) == [
        "raises[0].percnt: unknown field",
        "raises[0].percent: give either percent or cents",
    ]


def test_unknown_section_is_refused() -> None:
    assert refusal({"term": TERM, "bonus": {}}) == ["bonus: unknown field"]


def test_raise_with_both_percent_and_cents_is_refused() -> None:
    messages = refusal({"raises": [{"effective": "2026-01-01", "percent": 2, "cents": 10}]})
    assert messages == ["raises[0].cents: give either percent or cents, not both"]


def test_negative_share_of_hours_is_refused() -> None:
    messages = refusal({"differentials": [{"share_of_hours": -0.1, "cents": 100}]})
    assert messages == ["differentials[0].share_of_hours: -0.1 is below 0"]


def test_raise_outside_the_term_is_refused() -> None:
    terms = parse_terms({"term": TERM, "raises": [{"effective": "2029-01-01", "percent": 2}]})
    with pytest.raises(TermsError, match=r"raises\[0\].effective: 2029-01-01 is outside the term"):
        cost_proposals(roster_of(worker()), [terms])


def test_scope_naming_a_region_not_on_the_roster_is_refused() -> None:
    raise_ = {"effective": "2026-01-01", "percent": 2, "where": {"region": "Nrth"}}
    terms = parse_terms({"term": TERM, "raises": [raise_]})
    with pytest.raises(TermsError, match=r"raises\[0\].where.region: 'Nrth' is not on the roster"):
        cost_proposals(roster_of(worker()), [terms])


def test_negative_hours_on_the_roster_are_refused_naming_the_line() -> None:
    with pytest.raises(RosterError) as caught:
        roster_from_rows([worker(), worker(hours=-40.0)])
    assert caught.value.messages == ["roster line 3, hours: -40 is negative"]


def test_roster_date_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(RosterError, match=r"roster line 2, hire_date: '2020-13-01' is not a date"):
        roster_from_rows([worker(hire_date="2020-13-01")])


def test_toml_terms_file_loads_with_its_stem_as_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "union-pass-3.toml"
    path.write_text(
        "[term]\nstart = 2026-07-01\nyears = 3\n\n[[raises]]\neffective = 2026-07-01\npercent = 3.5\n"
    )
    terms = load_terms(path)
    assert terms.name == "union-pass-3"
    assert terms.raises[0].percent == 3.5
