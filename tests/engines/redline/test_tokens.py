"""Tokens keep contract language whole and rejoin to the text exactly."""

from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.redline.tokens import token_texts, tokenize, word_texts


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def test_money_stays_one_token() -> None:
    assert "$1,250.00" in texts("a raise to $1,250.00 per week")


def test_percentage_stays_one_token() -> None:
    assert "3.5%" in texts("an increase of 3.5% each year")


def test_section_reference_keeps_its_subsection() -> None:
    assert texts("Section 12.4(b) applies") == ["Section", " ", "12.4(b)", " ", "applies"]


def test_sentence_end_is_not_part_of_the_number() -> None:
    assert texts("paid in 2025.") == ["paid", " ", "in", " ", "2025", "."]


def test_hyphenated_word_and_decomposed_accent_stay_whole() -> None:
    assert texts("part-time cafe\u0301") == ["part-time", " ", "cafe\u0301"]


def test_token_kinds_are_named() -> None:
    kinds = [t.kind for t in tokenize("Pay $5, now")]
    assert kinds == ["word", "space", "number", "punct", "space", "word"]


@given(st.text())
def test_tokens_rejoin_to_any_text(s: str) -> None:
    assert "".join(texts(s)) == s


@given(st.text(alphabet=st.sampled_from(list("ab1 .,$%()-'\n\t\u0301é9:/"))))
def test_fast_token_texts_are_the_tokens(s: str) -> None:
    assert token_texts(s) == texts(s)


@given(st.text(alphabet=st.sampled_from(list("ab1 .,$%()-'\n\t\u0301é9:/"))))
def test_word_texts_are_the_word_and_number_tokens(s: str) -> None:
    assert word_texts(s) == [t.text for t in tokenize(s) if t.kind in ("word", "number")]
