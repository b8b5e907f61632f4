"""The member pages: only published sheets, only their published version, at a fixed cost."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from caucus.sheets.actions import do_publish
from caucus.updates.models import Update

pytestmark = pytest.mark.django_db


def _site(name: str, sheet: Any) -> str:
    return reverse(f"sheets_site:{name}", args=[sheet.negotiation.slug, sheet.pk])


def test_anyone_reads_a_published_sheet_with_its_summary_and_marks(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    page = cast.client(None).get(_site("sheet", sheet)).content.decode()
    assert "Where wages stand" in page
    assert "National Agreement 2026" in page
    assert "Current contract → Union&#x27;s and employer&#x27;s latest proposals" in page
    assert "<strong>half</strong>" in page
    assert '<ins class="rl-ins rl-by-employer">' in page
    assert '<span class="rl-sr">inserted, proposed by employer: </span>0.5% on July</ins>' in page
    assert "<del " in page
    assert _site("pdf", sheet) in page
    assert _site("docx", sheet) in page


@pytest.mark.parametrize("who", [None, "member_a", "team"])
def test_a_draft_sheet_is_not_found_on_the_member_site(cast: Any, sheets: Any, who: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    sheets.built(sheet)
    client = cast.client(who)
    for name in ("sheet", "pdf", "docx"):
        assert client.get(_site(name, sheet)).status_code == 404
    listing = client.get(reverse("sheets_site:list", args=[sheets.slug])).content.decode()
    assert "No comparison sheet is published yet." in listing


def test_members_see_the_published_version_not_a_newer_build(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    sheet.rows.update(summary="A newer summary, not yet published.")
    newer = sheets.built(sheet)
    page = cast.client(None).get(_site("sheet", sheet)).content.decode()
    assert "half" in page
    assert "A newer summary" not in page
    do_publish(cast["team"], sheet, newer)
    page = cast.client(None).get(_site("sheet", sheet)).content.decode()
    assert "A newer summary" in page
    assert "Version 2" in page


def test_a_sheet_of_a_private_negotiation_is_not_found(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    sheets.world.negotiation.is_public = False
    sheets.world.negotiation.save()
    assert cast.client(None).get(_site("sheet", sheet)).status_code == 404


def test_the_list_shows_published_sheets_only(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    sheets.sheet(title="Secret draft")
    page = cast.client(None).get(reverse("sheets_site:list", args=[sheets.slug])).content
    assert b"Where wages stand" in page
    assert b"Secret draft" not in page
    assert _site("sheet", sheet).encode() in page


def test_the_sheet_page_costs_the_same_queries_however_many_articles(
    cast: Any, sheets: Any, django_assert_num_queries: Any
) -> None:
    from caucus.table.models import Article

    sheet = sheets.published()
    client = cast.client(None)
    url = _site("sheet", sheet)
    with django_assert_num_queries(3):
        client.get(url)
    for n in range(20):
        Article.objects.create(
            negotiation=sheets.world.negotiation, number=f"{30 + n}", title=f"Article {n}"
        )
        sheets.table.proposal("union", Article.objects.get(number=f"{30 + n}"), text=f"{n}")
    sheet.rows.all().delete()
    from caucus.sheets.models import SheetRow

    SheetRow.objects.bulk_create(
        SheetRow(sheet=sheet, article=a, order=k)
        for k, a in enumerate(sheets.world.negotiation.articles.all())
    )
    do_publish(cast["team"], sheet, sheets.built(sheet))
    with django_assert_num_queries(3):
        page = client.get(url).content.decode()
    assert page.count('class="sheet-row rl-article"') == 22


def test_the_member_downloads_are_the_built_files(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    pdf = cast.client(None).get(_site("pdf", sheet))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    docx = cast.client(None).get(_site("docx", sheet))
    assert docx.content.startswith(b"PK")


def test_an_update_links_to_its_published_sheets_only(cast: Any, sheets: Any) -> None:
    sheet = sheets.published()
    draft = sheets.sheet(title="Draft sheet")
    update = Update.objects.create(
        negotiation=sheets.world.negotiation,
        title="Wages",
        slug="wages",
        body="Read the sheet.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    sheet.updates.add(update)
    draft.updates.add(update)
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    assert _site("sheet", sheet) in page
    assert _site("pdf", sheet) in page
    assert "Draft sheet" not in page


def test_the_negotiation_page_links_to_the_sheets(cast: Any, sheets: Any) -> None:
    page = cast.client(None).get(reverse("site:negotiation", args=[sheets.slug]))
    assert reverse("sheets_site:list", args=[sheets.slug]) in page.content.decode()


def test_the_list_costs_the_same_queries_however_many_sheets(
    cast: Any, sheets: Any, django_assert_num_queries: Any
) -> None:
    first = sheets.published()
    for n in range(5):
        sheet = sheets.sheet(title=f"Sheet {n}")
        do_publish(cast["team"], sheet, sheets.built(sheet))
    client = cast.client(None)
    with django_assert_num_queries(2):
        page = client.get(reverse("sheets_site:list", args=[sheets.slug])).content.decode()
    assert len(re.findall(r'<li><a href="/n/national-2026/sheets/\d+/', page)) == 6
    assert first.title in page


def test_communications_link_a_published_sheet_when_writing_an_update(
    cast: Any, sheets: Any
) -> None:
    sheet = sheets.published()
    sheets.sheet(title="Unfinished draft")
    client = cast.client("comms")
    form = client.get(reverse("updates:new")).content.decode()
    assert "Comparison sheets to link" in form
    assert "Where wages stand" in form
    assert "Unfinished draft" not in form
    response = client.post(
        reverse("updates:new"),
        {
            "negotiation": sheets.world.negotiation.pk,
            "title": "Read the sheet",
            "body": "Here is where wages stand.",
            "language": "en",
            "audience": "coalition",
            "sheets": [sheet.pk],
        },
    )
    assert response.status_code == 302
    update = Update.objects.get(title="Read the sheet")
    assert list(update.sheets.all()) == [sheet]
    client.post(reverse("updates:publish", args=[update.pk]))
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    assert _site("sheet", sheet) in page


def test_the_site_menu_leads_to_the_sheets_and_marks_where_you_are(cast: Any, sheets: Any) -> None:
    url = reverse("sheets_site:list", args=[sheets.slug])
    home = cast.client(None).get(reverse("site:negotiation", args=[sheets.slug])).content.decode()
    assert f'<a href="{url}">Comparison sheets</a>' in home
    page = cast.client(None).get(url).content.decode()
    assert f'<a href="{url}" aria-current="page">Comparison sheets</a>' in page
