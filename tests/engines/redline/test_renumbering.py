"""With ``ignore_renumbering``, numbers changed only because articles were renumbered are not
marked as changes; they stay in ``equal`` operations that carry both numbers."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.redline import compare_articles, diff, is_renumbered
from caucus.engines.redline.cli import main
from caucus.engines.redline.renumbering import Renumbering, renumbering_of

RECOGNITION = "ARTICLE 1 - RECOGNITION\n1.1 The employer recognizes the union as sole agent.\n\n"
SAFETY = "ARTICLE 2 - SAFETY\n2.1 The employer shall keep every workplace safe and clean.\n\n"
OLD = (
    RECOGNITION + "ARTICLE 2 - WAGES\n2.1 Wages are set out in Section 2.2 and Article 1.\n"
    "2.2 Pay is $10.00 per hour within 2 days.\n"
)
NEW = (
    RECOGNITION
    + SAFETY
    + "ARTICLE 3 - WAGES\n3.1 Wages are set out in Section 3.2 and Article 1.\n"
    "3.2 Pay is $12.00 per hour within 2 days.\n"
)


def changes(ops):  # type: ignore[no-untyped-def]
    return [(op.op, op.old_text, op.new_text) for op in ops if op.op != "equal"]


def renumbered(ops):  # type: ignore[no-untyped-def]
    return {
        (op.old_text, op.new_text)
        for op in ops
        if op.op == "equal" and is_renumbered(op.old_text, op.new_text)
    }


def test_renumbering_is_found_from_the_paired_articles() -> None:
    assert renumbering_of(OLD, NEW) == Renumbering({"2": "3"})


def test_only_the_real_changes_are_marked_when_renumbering_is_ignored() -> None:
    ops = diff(OLD, NEW, ignore_renumbering=True)
    assert changes(ops) == [("insert", "", SAFETY), ("replace", "$10.00", "$12.00")]


def test_renumbered_headings_sections_and_references_carry_both_numbers() -> None:
    ops = diff(OLD, NEW, ignore_renumbering=True)
    assert renumbered(ops) == {("2", "3"), ("2.1", "3.1"), ("2.2", "3.2")}


def test_renumbered_numbers_are_marked_by_default() -> None:
    marked = "".join(new for _, _, new in changes(diff(OLD, NEW)))
    assert "3.1" in marked
    assert renumbered(diff(OLD, NEW)) == set()


def test_a_number_that_is_not_a_reference_is_still_a_change() -> None:
    old, new = OLD, NEW.replace("within 2 days", "within 3 days")
    assert ("replace", "2", "3") in changes(diff(old, new, ignore_renumbering=True))


def test_a_reference_left_as_it_was_is_not_marked() -> None:
    new = NEW.replace("Section 3.2 and", "Section 2.2 and")
    ops = diff(OLD, new, ignore_renumbering=True)
    assert changes(ops) == [("insert", "", SAFETY), ("replace", "$10.00", "$12.00")]


def test_a_line_starting_with_a_bare_number_is_not_a_section_number() -> None:
    old = OLD + "2 stewards may attend each meeting.\n"
    new = NEW + "3 stewards may attend each meeting.\n"
    assert ("replace", "2", "3") in changes(diff(old, new, ignore_renumbering=True))


def test_a_section_renumbered_inside_its_article_is_a_change() -> None:
    old = RECOGNITION + "1.2 Dues are deducted monthly from every cheque.\n"
    new = RECOGNITION + "1.3 Dues are deducted monthly from every cheque.\n"
    assert ("replace", "1.2", "1.3") in changes(diff(old, new, ignore_renumbering=True))


def test_articles_compared_one_by_one_use_the_whole_contracts_renumbering() -> None:
    diffs = compare_articles(OLD, NEW, ignore_renumbering=True)
    wages = next(d for d in diffs if d.pair.new and d.pair.new.title == "WAGES")
    assert changes(wages.ops) == [("replace", "$10.00", "$12.00")]
    assert ("2.1", "3.1") in renumbered(wages.ops)


def test_command_line_option_leaves_renumbering_unmarked(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    args = [str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--ignore-renumbering"]
    assert main(args) == 0
    ops = json.loads(capsys.readouterr().out)
    assert [o["op"] for o in ops if o["op"] != "equal"] == ["insert", "replace"]
    assert {"op": "equal", "old_text": "2.1", "new_text": "3.1"} in ops


PIECES = st.sampled_from(
    [
        "ARTICLE 2 - WAGES\n",
        "ARTICLE 3 - WAGES\n",
        "Article 4: Hours\n",
        "2.1 ",
        "3.1 ",
        "Section 2.2(b)",
        "Sections 3.1 and 2.4",
        "§ 2",
        "pay",
        " ",
        "\n",
        ".",
        "2",
        "$1,250.00",
    ]
)
contractish = st.lists(PIECES, max_size=40).map("".join)


@given(contractish, contractish)
@settings(max_examples=300)
def test_texts_are_rebuilt_exactly_when_renumbering_is_ignored(old: str, new: str) -> None:
    ops = diff(old, new, ignore_renumbering=True)
    assert "".join(op.old_text for op in ops) == old
    assert "".join(op.new_text for op in ops) == new
