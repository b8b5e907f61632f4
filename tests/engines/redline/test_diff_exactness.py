"""Exactness first: the operations rebuild both texts byte for byte, whatever the input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.redline import diff

WORDS = st.sampled_from(
    ["the", "employer", "shall", "pay", "$1,250.00", "3.5%", " ", "\n", "\r\n", ".", ",", "é", "—"]
)
contractish = st.lists(WORDS, max_size=80).map("".join)
anything = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


def assert_exact(old: str, new: str, **options: bool) -> None:
    ops = diff(old, new, **options)
    assert "".join(op.old_text for op in ops) == old
    assert "".join(op.new_text for op in ops) == new
    for op in ops:
        if op.op == "equal" and not options.get("ignore_whitespace"):
            assert op.old_text == op.new_text
        assert op.op != "insert" or (op.old_text == "" and op.new_text)
        assert op.op != "delete" or (op.new_text == "" and op.old_text)


@given(anything, anything)
def test_any_two_texts_are_rebuilt_exactly(old: str, new: str) -> None:
    assert_exact(old, new)


@given(contractish, contractish)
@settings(max_examples=300)
def test_contract_like_texts_are_rebuilt_exactly(old: str, new: str) -> None:
    assert_exact(old, new)


@given(contractish, contractish)
def test_texts_are_rebuilt_exactly_when_whitespace_is_ignored(old: str, new: str) -> None:
    assert_exact(old, new, ignore_whitespace=True)


@given(contractish, contractish)
def test_texts_are_rebuilt_exactly_without_move_detection(old: str, new: str) -> None:
    assert_exact(old, new, detect_moves=False)


@given(anything)
def test_identical_texts_are_one_equality(text: str) -> None:
    ops = diff(text, text)
    assert [op.op for op in ops] == (["equal"] if text else [])


def test_empty_against_text_is_one_insertion() -> None:
    assert [(op.op, op.new_text) for op in diff("", "New article.")] == [("insert", "New article.")]


def test_all_different_texts_are_one_replacement() -> None:
    ops = diff("abc", "xyz")
    assert [(op.op, op.old_text, op.new_text) for op in ops] == [("replace", "abc", "xyz")]


def test_crlf_and_very_long_lines_are_rebuilt_exactly() -> None:
    old = "word " * 20_000 + "\r\nend\r\n"
    new = "word " * 10_000 + "changed " + "word " * 9_999 + "\r\nend\n"
    assert_exact(old, new)


def test_changed_money_is_marked_as_whole_amounts() -> None:
    ops = diff("Pay is $1,250.00 per week.", "Pay is $1,300.00 per week.")
    assert [(op.old_text, op.new_text) for op in ops if op.op != "equal"] == [
        ("$1,250.00", "$1,300.00")
    ]


def test_short_equalities_between_changes_are_absorbed() -> None:
    ops = diff("time and a half for overtime", "double time for all overtime")
    changes = [op for op in ops if op.op != "equal"]
    assert len(changes) == 1
    assert changes[0].old_text.startswith("time")
    assert changes[0].new_text.startswith("double")


def test_whitespace_only_changes_vanish_when_ignored() -> None:
    ops = diff(
        "The employer shall\npay wages.", "The employer shall pay\nwages.", ignore_whitespace=True
    )
    assert [op.op for op in ops] == ["equal"]


NOTICE = (
    "Each regular employee shall receive written notice of any change to the posted "
    "schedule of hours no later than fourteen calendar days before the change takes "
    "effect, except in an emergency declared by the chief administrative officer."
)


def test_rewrapped_paragraph_shows_only_its_real_edit_when_whitespace_is_ignored() -> None:
    words = NOTICE.split()
    old = "\n".join(" ".join(words[k : k + 7]) for k in range(0, len(words), 7)) + "\n"
    edited = " ".join(words).replace("fourteen", "twenty-one").split()
    new = "\n".join(" ".join(edited[k : k + 10]) for k in range(0, len(edited), 10)) + "\n"
    ops = diff(old, new, ignore_whitespace=True)
    assert [(op.old_text, op.new_text) for op in ops if op.op != "equal"] == [
        ("fourteen", "twenty-one")
    ]
