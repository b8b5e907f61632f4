"""A published sheet's column names and comparison labels in the member's language; the
contract text and the staff pages stay as they are."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from caucus.sheets.site_words import changes, redline_html
from tests.sheets.conftest import sheets  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def _site(name: str, sheet: Any) -> str:
    return reverse(f"sheets_site:{name}", args=[sheet.negotiation.slug, sheet.pk])


def test_a_sheet_names_what_it_compares_in_spanish(cast: Any, sheets: Any) -> None:  # noqa: F811
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Contrato actual → Las propuestas más recientes del sindicato y del empleador" in page
    listed = reverse("sheets_site:list", args=[sheet.negotiation.slug])
    page = cast.client(None).get(listed, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Contrato actual, lo más reciente del sindicato y lo más reciente del empleador" in page


def test_a_sheet_in_three_columns_names_its_columns_in_spanish(
    cast: Any,
    sheets: Any,  # noqa: F811
) -> None:
    sheet = sheets.published(layout="columns")
    page = cast.client(None).get(_site("sheet", sheet), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<th scope="col">Propuesta más reciente del sindicato</th>' in page
    assert '<span class="rl-col-label">Contrato actual</span>' in page


def test_a_sheet_without_a_language_is_english(cast: Any, sheets: Any) -> None:  # noqa: F811
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet)).content.decode()
    assert "Current contract → Union&#x27;s and employer&#x27;s latest proposals" in page


def test_the_column_names_read_in_tagalog_and_the_text_is_untouched() -> None:
    html = (
        '<table class="rl-cols"><thead><tr><th scope="col">Current contract</th>'
        '<th scope="col">Union&#x27;s latest proposal</th></tr></thead><tbody><tr>'
        '<td class="rl-doc">Current contract wages</td><td class="rl-doc rl-same">'
        '<span class="rl-col-label">Union&#x27;s latest proposal</span>'
        '<span class="rl-nochange">No change</span></td></tr></tbody></table>'
    )
    with translation.override("tl"):
        said = redline_html(html)
        assert changes("amends 14.2; adds 14.5") == "binabago ang 14.2; idinadagdag ang 14.5"
    assert '<th scope="col">Kasalukuyang kontrata</th>' in said
    assert '<span class="rl-col-label">Pinakabagong panukala ng unyon</span>' in said
    assert '<span class="rl-nochange">Walang pagbabago</span>' in said
    assert '<td class="rl-doc">Current contract wages</td>' in said
    assert redline_html(html) == html


def test_the_marks_name_who_proposed_them_in_spanish(cast: Any, sheets: Any) -> None:  # noqa: F811
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<span class="rl-sr">agregado (empleador): </span>0.5% on July</ins>' in page
    assert '<span class="rl-by" aria-hidden="true">[empleador]</span>' in page


def test_the_day_of_each_pass_reads_as_a_date_in_vietnamese(cast: Any, sheets: Any) -> None:  # noqa: F811
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "16 tháng 3 năm 2026" in page
    assert "2026-03-16" not in page


def test_each_articles_heading_reads_in_spanish(cast: Any, sheets: Any) -> None:  # noqa: F811
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Artículo 12: " in page
