"""DOCX redlines carry real tracked changes that accept to the new text."""

import io
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.redline import diff
from caucus.engines.redline.render_docx import render_docx
from caucus.engines.redline.threeway import attributed_ops, three_way
from tests.tools import libreoffice_convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD = "ARTICLE 1 - WAGES\nPay is $10.00 per hour.\nSick days: five.\n"
NEW = "ARTICLE 1 - WAGES\nPay is $12.00 per hour.\nA new clause.\n"


def document(data: bytes) -> ET.Element:
    return ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))  # noqa: S314


def accepted_text(data: bytes) -> str:
    """Accept every change: keep w:ins text, drop w:del text and deleted paragraph marks."""
    paragraphs = document(data).find(f"{W}body").findall(f"{W}p")  # type: ignore[union-attr]
    out = []
    for k, p in enumerate(paragraphs):
        out.append("".join(t.text or "" for t in p.iter(f"{W}t")))
        mark_deleted = p.find(f"{W}pPr/{W}rPr/{W}del") is not None
        if k < len(paragraphs) - 1 and not mark_deleted:
            out.append("\n")
    return "".join(out)


def test_accepting_all_changes_gives_the_new_text() -> None:
    assert accepted_text(render_docx(diff(OLD, NEW))) == NEW


@given(
    st.lists(st.sampled_from(["pay", " ", "\n", "$5", "rate", ".", "é"]), max_size=40).map("".join),
    st.lists(st.sampled_from(["pay", " ", "\n", "$5", "rate", ".", "é"]), max_size=40).map("".join),
)
@settings(max_examples=40, deadline=None)
def test_accepting_all_changes_gives_the_new_text_for_any_pair(old: str, new: str) -> None:
    assert accepted_text(render_docx(diff(old, new))) == new


def test_revisions_carry_author_and_date() -> None:
    when = datetime(2026, 11, 23, tzinfo=UTC)
    root = document(render_docx(diff(OLD, NEW), author="Union", date=when))
    revisions = list(root.iter(f"{W}ins")) + list(root.iter(f"{W}del"))
    assert revisions
    assert {r.get(f"{W}author") for r in revisions} == {"Union"}
    assert {r.get(f"{W}date") for r in revisions} == {"2026-11-23T00:00:00Z"}
    assert "$10.00" in [t.text for t in root.iter(f"{W}delText")]


def test_three_way_revisions_are_authored_by_the_side_that_proposed_them() -> None:
    ops = attributed_ops(
        three_way("Pay $10. Leave 5.\n", "Pay $12. Leave 5.\n", "Pay $10. Leave 3.\n")
    )
    root = document(render_docx(ops))
    assert {r.get(f"{W}author") for r in root.iter(f"{W}ins")} == {"Union", "Employer"}


def test_characters_xml_cannot_hold_do_not_break_the_file() -> None:
    accepted = accepted_text(render_docx(diff("a\x00b", "a\x01c")))
    assert accepted == "a\ufffdc"


def test_libreoffice_opens_the_redline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "redline.docx"
    source.write_bytes(render_docx(diff(OLD, NEW)))
    assert libreoffice_convert(source, "pdf").stat().st_size > 1000


HOURS = "The normal work week shall be forty hours, Monday through Friday.\n"
SAFETY = "The employer shall provide protective equipment at no cost to employees.\n"


def revisions_by_author(root: ET.Element, tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in root.iter(f"{W}{tag}"):
        text = "".join(t.text or "" for t in r.iter() if t.tag in (f"{W}t", f"{W}delText"))
        who = r.get(f"{W}author") or ""
        out[who] = out.get(who, "") + text
    return out


def test_words_changed_in_a_move_are_told_apart_from_the_moved_text() -> None:
    new = SAFETY + HOURS.replace("forty", "thirty-seven")
    data = render_docx(diff(HOURS + SAFETY, new), author="Union")
    root = document(data)
    inserted = revisions_by_author(root, "ins")
    deleted = revisions_by_author(root, "del")
    assert inserted["Union"] == "thirty-seven"
    assert deleted["Union"] == "forty"
    assert "The normal work week shall be " in inserted["Union (moved)"]
    assert accepted_text(data) == new


def test_renumbered_numbers_are_changes_by_the_renumbering() -> None:
    old = "ARTICLE 1 - HOURS\n1.1 Forty hours.\n\nARTICLE 2 - WAGES\n2.1 Pay is $10.\n"
    new = old.replace(
        "ARTICLE 2 - WAGES\n2.1", "ARTICLE 2 - SAFETY\n2.1 Boots.\n\nARTICLE 3 - WAGES\n3.1"
    )
    data = render_docx(diff(old, new, ignore_renumbering=True), author="Union")
    assert revisions_by_author(document(data), "ins")["Union (renumbering)"] == "33.1"
    assert accepted_text(data) == new
