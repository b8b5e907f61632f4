"""HTML redlines say in words what changed, in both layouts, and print to PDF."""

import shutil
import subprocess

import pytest

from caucus.engines.redline.articles import compare_articles
from caucus.engines.redline.diff import diff
from caucus.engines.redline.render_html import Meta, render_html, sections_from_articles
from caucus.engines.redline.render_pdf import render_pdf
from caucus.engines.redline.threeway import attributed_ops, three_way

BOOTS = "The employer shall provide boots and gloves to all staff.\n"
RATES = "Rates rise on the first pay period of each contract year.\n"
OLD = "Pay is $10.00 per hour.\n" + BOOTS + RATES + "End.\n"
NEW = "Pay is $12.00 per hour.\n" + RATES + "End.\n" + BOOTS


def test_inline_marks_changes_with_words_a_screen_reader_speaks() -> None:
    html = render_html(diff(OLD, NEW))
    assert '<del class="rl-del"><span class="rl-sr">deleted: </span>$10.00</del>' in html
    assert '<ins class="rl-ins"><span class="rl-sr">inserted: </span>$12.00</ins>' in html


def test_moved_text_links_its_two_places() -> None:
    html = render_html(diff(OLD, NEW))
    assert 'id="move-1-from"' in html and 'href="#move-1-to"' in html
    assert 'id="move-1-to"' in html and 'href="#move-1-from"' in html
    assert "moved from here, move 1: " in html


def test_side_by_side_puts_each_version_in_its_labelled_column() -> None:
    html = render_html(diff(OLD, NEW), layout="side-by-side", meta=Meta(old_label="2024 CBA"))
    assert '<th scope="col">2024 CBA</th>' in html
    assert '<td class="rl-doc">Pay is <del class="rl-del">' in html


def test_text_is_escaped() -> None:
    html = render_html(diff("a <b> c", "a <i> c"))
    assert "&lt;" in html and "<i>" not in html and "<b>" not in html


def test_three_way_changes_name_who_proposed_them() -> None:
    ops = attributed_ops(three_way("Pay $10.\n", "Pay $12.\n", "Pay $10.\n"))
    html = render_html(ops)
    assert "inserted, proposed by union: </span>$12" in html
    assert "[union]" in html


def test_articles_each_get_a_section_with_a_renumbering_note() -> None:
    old = "ARTICLE 1 - WAGES\nPay is $10.\n"
    new = "ARTICLE 1 - SAFETY\nBoots.\nARTICLE 2 - WAGES\nPay is $11.\n"
    html = render_html(sections_from_articles(compare_articles(old, new)))
    assert html.count('<section class="rl-article">') == 2
    assert "Renumbered; was ARTICLE 1 - WAGES." in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_pdf_has_the_negotiation_columns_and_date_in_its_header(tmp_path) -> None:  # type: ignore[no-untyped-def]
    meta = Meta("Local 12 and Acme 2026", "Current", "Union proposal", "2026-11-23")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(render_html(diff(OLD, NEW), meta=meta)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Local 12 and Acme 2026" in text
    assert "Current → Union proposal" in text
    assert "2026-11-23" in text
    assert "$12.00" in text
