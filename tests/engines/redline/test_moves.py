"""Moved paragraphs and sentences are shown as moves, linked by a shared id."""

from caucus.engines.redline import diff

HOURS = "The normal work week shall be forty hours, Monday through Friday.\n"
SAFETY = "The employer shall provide protective equipment at no cost to employees.\n"
WAGES = "Wages shall be paid every second Thursday by direct deposit.\n"


def moved(ops):  # type: ignore[no-untyped-def]
    return sorted((op.move, op.op, op.old_text or op.new_text) for op in ops if op.move)


def test_moved_paragraph_is_linked_by_one_move_id() -> None:
    ops = diff(HOURS + SAFETY + WAGES, SAFETY + WAGES + HOURS)
    assert moved(ops) == [(1, "delete", HOURS), (1, "insert", HOURS)]


def test_moved_and_edited_paragraph_is_still_a_move() -> None:
    edited = HOURS.replace("forty", "thirty-seven")
    ops = diff(HOURS + SAFETY + WAGES, SAFETY + WAGES + edited)
    assert moved(ops) == [(1, "delete", HOURS), (1, "insert", edited)]


def test_moved_sentence_within_a_paragraph_is_a_move() -> None:
    a = "Stewards may attend grievance meetings during paid working time."
    b = "The union shall name its stewards in writing each January."
    c = "Notice of any change reaches the employer within ten days."
    ops = diff(f"{a} {b} {c}\n", f"{b} {c} {a}\n")
    assert {text.strip() for _, _, text in moved(ops)} == {a}


def test_paragraph_rewritten_in_place_is_not_a_move() -> None:
    old = HOURS + SAFETY
    new = HOURS.replace("Monday through Friday", "over four days") + SAFETY
    assert moved(diff(old, new)) == []


def test_moves_keep_the_texts_exact() -> None:
    old, new = HOURS + SAFETY + WAGES, WAGES + SAFETY + HOURS
    ops = diff(old, new)
    assert "".join(op.old_text for op in ops) == old
    assert "".join(op.new_text for op in ops) == new


def test_move_detection_can_be_turned_off() -> None:
    assert moved(diff(HOURS + SAFETY, SAFETY + HOURS, detect_moves=False)) == []
