"""Three columns (current | union | employer): rows that line up, changes that cannot be read
as their neighbour's, the same in HTML and in Word."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from caucus.engines.redline.columns import three_columns
from caucus.engines.redline.render_docx import Table, render_docx_blocks
from caucus.engines.redline.render_html import render_columns, render_fragment
from caucus.engines.redline.threeway import attributed_ops, three_way

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CURRENT = "14.1 Scales are in Appendix B.\n\n14.2 Rates rise 2%.\n\n14.3 Premium $1.00.\n"
UNION = "14.1 Scales are in Appendix B.\n\n14.2 Rates rise 6%.\n\n14.3 Premium $1.00.\n"
EMPLOYER = "14.1 Scales are in Appendix B.\n\n14.2 Rates rise 3%.\n\n14.3 Premium $1.00.\n"
LABELS = ("Current contract", "Union's latest", "Employer's latest")


@given(st.text(max_size=80), st.text(max_size=80), st.text(max_size=80))
def test_each_column_joins_back_to_its_text(current: str, union: str, employer: str) -> None:
    rows = three_columns(current, union, employer)
    assert "".join(r.current for r in rows) == current
    assert "".join(op.new_text for r in rows for op in r.union) == union
    assert "".join(op.new_text for r in rows for op in r.employer) == employer
    assert "".join(op.old_text for r in rows for op in r.union) == current


def test_a_section_sits_beside_the_same_section_of_each_proposal() -> None:
    rows = [r for r in three_columns(CURRENT, UNION, EMPLOYER) if not r.is_blank]
    assert [r.current.strip() for r in rows] == [
        "14.1 Scales are in Appendix B.",
        "14.2 Rates rise 2%.",
        "14.3 Premium $1.00.",
    ]
    assert [(r.changed_by("union"), r.changed_by("employer")) for r in rows] == [
        (False, False),
        (True, True),
        (False, False),
    ]


def test_the_columns_mark_each_sides_change_and_say_no_change_elsewhere() -> None:
    html = render_columns(three_columns(CURRENT, UNION, EMPLOYER), LABELS)
    assert '<th scope="col">Union&#x27;s latest</th>' in html
    assert html.count("No change proposed") == 2
    assert '<span class="rl-sr">inserted, proposed by union: </span>6%</ins>' in html
    assert '<span class="rl-sr">inserted, proposed by employer: </span>3%</ins>' in html
    # Each cell carries its column's label for a phone, where the cells stack.
    assert '<span class="rl-col-label">Employer&#x27;s latest</span>' in html


def test_in_the_merged_column_the_side_comes_first_inside_the_changes_bracket() -> None:
    ops = attributed_ops(three_way("Pay $10.", "Pay $12.", "Pay $11."))
    html = render_fragment(ops)
    union = html.index('<span class="rl-change rl-change-union">')
    employer = html.index('<span class="rl-change rl-change-employer">')
    assert html.index("[union]", union) < html.index("$12", union) < employer
    assert html.index("[employer]", employer) < html.index("$11", employer)


def test_the_word_table_has_three_columns_with_changes_by_each_side() -> None:
    rows = [r for r in three_columns(CURRENT, UNION, EMPLOYER) if not r.is_blank]
    table = Table(LABELS, [(r.current, r.union, r.employer) for r in rows])
    data = render_docx_blocks([table])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:tr") == 4
    assert xml.count("<w:tc>") + xml.count("<w:tc ") == 12
    assert 'w:author="Union"' in xml
    assert 'w:author="Employer"' in xml
    ids = [part.split('"')[0] for part in xml.split('w:id="')[1:]]
    assert len(ids) == len(set(ids))
