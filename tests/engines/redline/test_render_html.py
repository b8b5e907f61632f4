"""HTML redlines say in words what changed, in both layouts, and print to PDF."""

import subprocess

from caucus.engines.redline import compare_articles, diff
from caucus.engines.redline.render_html import Meta, render_html, sections_from_articles
from caucus.engines.redline.render_pdf import render_pdf
from caucus.engines.redline.threeway import attributed_ops, three_way
from tests.tools import need

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
    assert 'id="move-1-from"' in html
    assert 'href="#move-1-to"' in html
    assert 'id="move-1-to"' in html
    assert 'href="#move-1-from"' in html
    assert "moved from here, move 1: " in html


HOURS = "The normal work week shall be forty hours, Monday through Friday.\n"
SAFETY = "The employer shall provide protective equipment at no cost to employees.\n"
WAGES = "Wages shall be paid every second Thursday by direct deposit.\n"
MOVED_OLD = HOURS + SAFETY + WAGES
MOVED_NEW = SAFETY + WAGES + HOURS.replace("forty", "thirty-seven")


def test_moved_and_edited_text_shows_its_changed_words_at_its_new_place() -> None:
    html = render_html(diff(MOVED_OLD, MOVED_NEW))
    moved_here = html.split('id="move-1-to">', 1)[1].split("</span> <a", 1)[0]
    assert "moved here, move 1, edited: </span>The normal work week shall be " in moved_here
    assert '<del class="rl-del"><span class="rl-sr">deleted: </span>forty</del>' in moved_here
    assert (
        '<ins class="rl-ins"><span class="rl-sr">inserted: </span>thirty-seven</ins>' in moved_here
    )
    assert 'href="#move-1-to"' in html
    assert 'href="#move-1-from"' in html


def test_moved_and_edited_text_side_by_side_marks_each_column_inside_the_move() -> None:
    html = render_html(diff(MOVED_OLD, MOVED_NEW), layout="side-by-side")
    old_place = html.split('id="move-1-from">', 1)[1].split("</span> <a", 1)[0]
    new_place = html.split('id="move-1-to">', 1)[1].split("</span> <a", 1)[0]
    assert "deleted: </span>forty</del>" in old_place
    assert "thirty-seven" not in old_place
    assert "inserted: </span>thirty-seven</ins>" in new_place
    assert "forty" not in new_place


def test_moved_text_not_edited_is_one_block() -> None:
    html = render_html(diff(MOVED_OLD, SAFETY + WAGES + HOURS))
    assert "edited" not in html
    assert f'id="move-1-to"><span class="rl-sr">moved here, move 1: </span>{HOURS}</ins>' in html


def test_renumbered_number_is_low_key_and_says_its_old_number() -> None:
    old = "ARTICLE 1 - HOURS\n1.1 Forty hours.\n\nARTICLE 2 - WAGES\n2.1 Pay is $10.\n"
    new = old.replace(
        "ARTICLE 2 - WAGES\n2.1", "ARTICLE 2 - SAFETY\n2.1 Boots for all.\n\nARTICLE 3 - WAGES\n3.1"
    )
    html = render_html(diff(old, new, ignore_renumbering=True))
    assert '<span class="rl-sr">renumbered, was 2.1: </span>3.1</span>' in html
    assert "<del" not in html.split("<main>", 1)[1]


def test_side_by_side_puts_each_version_in_its_labelled_column() -> None:
    html = render_html(diff(OLD, NEW), layout="side-by-side", meta=Meta(old_label="2024 CBA"))
    assert '<th scope="col">2024 CBA</th>' in html
    assert '<td class="rl-doc">Pay is <del class="rl-del">' in html


def test_text_is_escaped() -> None:
    html = render_html(diff("a <b> c", "a <i> c"))
    assert "&lt;" in html
    assert "<i>" not in html
    assert "<b>" not in html


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


def test_pdf_has_the_negotiation_columns_and_date_in_its_header(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdftotext = need("pdftotext")
    meta = Meta("Local 12 and Acme 2026", "Current", "Union proposal", "2026-11-23")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(render_html(diff(OLD, NEW), meta=meta)))
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Local 12 and Acme 2026" in text
    assert "Current → Union proposal" in text
    assert "2026-11-23" in text
    assert "$12.00" in text
