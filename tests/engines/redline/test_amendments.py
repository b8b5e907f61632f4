"""Section amendments applied to an article: only the sections a proposal names change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.redline import diff
from caucus.engines.redline.amendments import (
    AmendmentError,
    SectionChange,
    apply_changes,
    changes_from_data,
    problems,
    proposed_text,
    read_changes,
    sections_of,
    suggested_effect,
)
from caucus.engines.redline.tokens import word_texts

WAGES = (
    "14.1 Employees shall be paid according to the wage scales in Appendix B.\n\n"
    "14.2 Effective ratification, all rates shall increase by two percent (2%).\n\n"
    "14.3 Employees who train new hires receive a premium of $1.00 per hour.\n\n"
    "14.4 No employee shall suffer a reduction in pay as a result of this Agreement."
)

# Bodies without digits or line breaks, so they never start a section of their own.
_BODY = st.text(
    alphabet=st.characters(
        categories=("L", "Zs", "P"), exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
_SEP = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"])


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article of numbered sections (14.1, 14.2…), perhaps under a heading."""
    count = draw(st.integers(min_value=1, max_value=6))
    numbers = [f"14.{k}" for k in range(1, count + 1)]
    sep = draw(_SEP)
    heading = draw(st.sampled_from(["", "ARTICLE 14 - WAGES\n", "Wages\n\n"]))
    text = heading + sep.join(f"{n} {draw(_BODY).strip()}" for n in numbers)
    if draw(st.booleans()):
        text += sep
    return text, numbers


def _sections(text: str) -> dict[str | None, str]:
    return {p.number: p.text for p in sections_of(text)}


def test_an_article_is_cut_at_each_section_number_first_on_its_line() -> None:
    pieces = sections_of("ARTICLE 14 - WAGES\n" + WAGES)
    assert [p.number for p in pieces] == [None, "14.1", "14.2", "14.3", "14.4"]
    assert pieces[2].text.startswith("14.2 Effective")
    assert pieces[2].text.endswith("(2%).\n\n")


def test_a_number_inside_a_sentence_is_not_a_section() -> None:
    text = "14.1 Rates are set out in 14.2 below.\n3.5% of the base rate.\nSection 14.2. Pay."
    assert [p.number for p in sections_of(text)] == ["14.1", "14.2"]


@given(st.text(max_size=300))
def test_joining_the_sections_gives_the_text_back(text: str) -> None:
    assert "".join(p.text for p in sections_of(text)) == text


@given(articles(), st.text(max_size=60))
def test_replacing_the_whole_article_gives_the_proposals_text(
    article: tuple[str, list[str]], text: str
) -> None:
    assert proposed_text(article[0], "replace", text) == text


@given(articles(), st.data())
def test_amending_a_section_leaves_every_other_section_byte_for_byte(
    article: tuple[str, list[str]], data: st.DataObject
) -> None:
    current, numbers = article
    number = data.draw(st.sampled_from(numbers))
    body = data.draw(_BODY)
    after = apply_changes(current, [SectionChange(number, "amend", body)])
    before_pieces, after_pieces = _sections(current), _sections(after)
    assert before_pieces.keys() == after_pieces.keys()
    for key, text in before_pieces.items():
        if key != number:
            assert after_pieces[key] == text
    assert after_pieces[number].strip() == f"{number} {body.strip()}"


@given(articles(), st.data())
def test_deleting_a_section_then_comparing_marks_only_that_section(
    article: tuple[str, list[str]], data: st.DataObject
) -> None:
    current, numbers = article
    number = data.draw(st.sampled_from(numbers))
    after = apply_changes(current, [SectionChange(number, "delete")])
    ops = diff(current, after, detect_moves=False)
    changed = [op for op in ops if op.op != "equal"]
    assert all(op.new_text.strip() == "" for op in changed)
    deleted = "".join(op.old_text for op in changed)
    assert word_texts(deleted) == word_texts(_sections(current)[number])


@given(articles(), _BODY)
def test_an_added_section_goes_in_number_order_and_keeps_the_others(
    article: tuple[str, list[str]], body: str
) -> None:
    current, numbers = article
    after = apply_changes(current, [SectionChange("14.9", "add", body)])
    pieces = sections_of(after)
    assert [p.number for p in pieces if p.number] == [*numbers, "14.9"]
    before = _sections(current)
    for p in pieces:
        if p.number != "14.9":
            assert p.text.strip() == before[p.number].strip()


def test_an_added_section_between_two_goes_between_them() -> None:
    after = apply_changes(WAGES, [SectionChange("14.2A", "add", "Cafe staff get 1% more.")])
    assert [p.number for p in sections_of(after)] == ["14.1", "14.2", "14.2A", "14.3", "14.4"]
    assert "(2%).\n\n14.2A Cafe staff get 1% more.\n\n14.3 Employees" in after


def test_a_wage_counter_on_14_2_marks_only_14_2() -> None:
    text = "14.2 All rates increase by three percent (3%) each year."
    changes, unplaced = read_changes(WAGES, text)
    assert (changes, unplaced) == ([SectionChange("14.2", "amend", text)], "")
    ops = diff(WAGES, apply_changes(WAGES, changes))
    old = "".join(op.old_text for op in ops if op.op != "equal")
    assert "two" in old
    for untouched in ("Appendix B", "premium of $1.00", "No employee shall suffer"):
        assert untouched not in old


def test_reading_the_text_amends_the_sections_it_has_and_adds_the_others() -> None:
    text = "14.2 Three percent.\n\n14.5 Step increases are suspended."
    changes, _ = read_changes(WAGES, text, deletes=["14.3"])
    assert [(c.section, c.action) for c in changes] == [
        ("14.2", "amend"),
        ("14.5", "add"),
        ("14.3", "delete"),
    ]


def test_the_suggestion_is_sections_only_for_a_text_of_numbered_sections() -> None:
    assert suggested_effect(WAGES, "14.2 Three percent.") == "sections"
    assert suggested_effect(WAGES, "Employees get three percent.") == "replace"
    assert suggested_effect(WAGES, "Amend as follows:\n14.2 Three percent.") == "replace"


def test_changes_that_cannot_apply_are_refused_naming_the_section() -> None:
    cases = [
        ([SectionChange("14.7", "amend", "x")], "no section 14.7 to amend"),
        ([SectionChange("14.7", "delete")], "no section 14.7 to delete"),
        ([SectionChange("14.2", "add", "x")], "already has a section 14.2"),
        ([SectionChange("14.2", "amend", " ")], "Give the text of section 14.2"),
        ([SectionChange("14.2", "amend", "x"), SectionChange("14.2", "delete")], "named twice"),
        ([SectionChange("wages", "amend", "x")], "not a section number"),
        ([], "at least one section"),
    ]
    for changes, message in cases:
        found = problems(WAGES, changes)
        assert found, changes
        assert message in str(found[0])
        with pytest.raises(AmendmentError, match=message):
            apply_changes(WAGES, changes)


def test_stored_changes_with_an_unknown_action_are_refused() -> None:
    assert changes_from_data([{"section": "14.2", "action": "delete"}]) == [
        SectionChange("14.2", "delete")
    ]
    with pytest.raises(AmendmentError, match="not amend, add or delete"):
        changes_from_data([{"section": "14.2", "action": "rewrite", "text": "x"}])
