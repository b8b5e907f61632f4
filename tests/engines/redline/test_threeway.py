"""Three-way redlines attribute each change to the side that proposed it."""

from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.redline.threeway import attributed_ops, three_way

CURRENT = "Wages are $10.00 per hour. Vacation is two weeks. Overtime is time and a half.\n"
UNION = "Wages are $12.00 per hour. Vacation is two weeks. Overtime is double time.\n"
EMPLOYER = "Wages are $10.00 per hour. Vacation is one week. Overtime is straight time.\n"


def changes(chunks):  # type: ignore[no-untyped-def]
    return [(c.proposed_by, c.current) for c in chunks if c.proposed_by != "none"]


def test_each_change_is_attributed_to_its_side() -> None:
    assert changes(three_way(CURRENT, UNION, EMPLOYER)) == [
        ("union", "$10.00"),
        ("employer", "two weeks"),
        ("conflict", "time and a half"),
    ]


def test_the_same_change_from_both_sides_is_agreed() -> None:
    both = CURRENT.replace("two weeks", "three weeks")
    assert changes(three_way(CURRENT, both, both)) == [("both", "two")]


def test_attributed_operations_name_the_proposer() -> None:
    ops = attributed_ops(three_way(CURRENT, UNION, EMPLOYER))
    assert ("$10.00", "$12.00", "union") in [(o.old_text, o.new_text, o.by) for o in ops]
    assert ("", "straight time", "employer") in [(o.old_text, o.new_text, o.by) for o in ops]


words = st.lists(st.sampled_from(["pay", " ", "\n", "$5", "rate", ".", "é"]), max_size=30).map(
    "".join
)


@given(words, words, words)
def test_chunks_rebuild_all_three_texts_exactly(current: str, union: str, employer: str) -> None:
    chunks = three_way(current, union, employer)
    assert "".join(c.current for c in chunks) == current
    assert "".join(c.union for c in chunks) == union
    assert "".join(c.employer for c in chunks) == employer
