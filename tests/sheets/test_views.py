"""The staff pages: the team builds and publishes; everyone else is refused and changes nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from caucus.audit.models import AuditEvent
from caucus.sheets.models import Sheet, SheetRow, SheetVersion
from caucus.table.models import Article, Negotiation
from tests.table.builders import assert_refused

pytestmark = pytest.mark.django_db
REFUSED = ["comms", "officer_a", "observer", "outsider", "member_a"]


def _url(name: str, sheet: Any, *more: Any) -> str:
    return reverse(f"sheets:{name}", args=[sheet.negotiation.slug, sheet.pk, *more])


def test_the_new_sheet_form_ticks_the_articles_on_the_table(cast: Any, sheets: Any) -> None:
    sheets.passes()
    page = cast.client("team").get(reverse("sheets:new", args=[sheets.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "checked" in _checkbox(html, sheets.world.article_wages.pk)
    assert "checked" not in _checkbox(html, sheets.world.article_seniority.pk)


def _checkbox(html: str, value: int) -> str:
    found = re.search(rf'<input type="checkbox" name="articles" value="{value}"[^>]*>', html)
    assert found, value
    return found[0]


def test_the_team_creates_a_sheet_and_lands_on_its_rows(cast: Any, sheets: Any) -> None:
    sheets.passes()
    response = cast.client("team").post(
        reverse("sheets:new", args=[sheets.slug]),
        {
            "title": "Wages, side by side",
            "columns": "three_way",
            "layout": "side-by-side",
            "articles": [str(sheets.world.article_wages.pk)],
        },
    )
    sheet = Sheet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("rows", sheet)
    assert sheet.created_by == cast["team"]
    assert sheet.layout == "side-by-side"
    assert AuditEvent.objects.filter(action="sheet.create").count() == 1


def test_a_sheet_without_a_title_is_refused_with_a_reason(cast: Any, sheets: Any) -> None:
    response = cast.client("team").post(
        reverse("sheets:new", args=[sheets.slug]),
        {"title": "", "columns": "three_way", "layout": "inline", "articles": []},
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Sheet.objects.exists()


def test_the_team_saves_summaries_order_and_inclusion(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    wages = sheet.rows.get(article=sheets.world.article_wages)
    seniority = sheet.rows.get(article=sheets.world.article_seniority)
    response = cast.client("team").post(
        _url("rows", sheet),
        {
            f"order_{wages.article_id}": "2",
            f"included_{wages.article_id}": "on",
            f"summary_{wages.article_id}": "  They want to cut the raise.  ",
            f"order_{seniority.article_id}": "1",
            f"included_{seniority.article_id}": "on",
            f"summary_{seniority.article_id}": "",
        },
    )
    assert response.status_code == 302
    rows = list(sheet.rows.select_related("article"))
    assert [(r.article.title, r.included, r.summary) for r in rows] == [
        ("Seniority", True, ""),
        ("Wages", True, "They want to cut the raise."),
    ]


def test_a_bad_position_changes_no_row(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    wages = sheet.rows.get(article=sheets.world.article_wages)
    seniority = sheet.rows.get(article=sheets.world.article_seniority)
    response = cast.client("team").post(
        _url("rows", sheet),
        {
            f"order_{wages.article_id}": "0",
            f"summary_{wages.article_id}": "New words",
            f"order_{seniority.article_id}": "1",
        },
    )
    assert response.status_code == 400
    assert "greater than or equal to 1" in response.content.decode()
    wages.refresh_from_db()
    assert wages.summary == ""
    assert wages.included


def test_building_shows_the_preview_members_will_read(
    cast: Any, sheets: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    sheet.rows.filter(included=True).update(summary="The employer cut its offer.")
    client = cast.client("team")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("build", sheet))
    assert response["Location"] == _url("version", sheet, 1)
    page = client.get(response["Location"]).content.decode()
    assert "Preview of version 1" in page
    assert "Article 12: Wages" in page
    assert "The employer cut its offer." in page
    assert '<ins class="rl-ins rl-by-union">' in page
    assert '<span class="rl-sr">inserted, proposed by employer: </span>' in page
    assert "Publish version 1" in page


def test_the_preview_names_each_unpublished_proposal_that_blocks_publishing(
    cast: Any, sheets: Any
) -> None:
    draft = sheets.table.proposal(
        "union", sheets.world.article_wages, title="Wages: 6%", text="6%", is_published=False
    )
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    page = cast.client("team").get(_url("version", sheet, version.number)).content.decode()
    assert "These proposals block publishing" in page
    link = reverse("table:proposal", args=[sheet.negotiation.slug, draft.pk])
    assert f'<a href="{link}">“Wages: 6%”</a> (Union, Article 12): not published' in page
    assert "Publish version 1</button>" not in page
    assert "Why it cannot be published" in page


def _building(sheet: Any, *, rows_total: int, rows_done: int) -> SheetVersion:
    """Version 1 of ``sheet``, caught by the page while the worker is building it."""
    return SheetVersion.objects.create(
        sheet=sheet,
        number=1,
        title="t",
        columns="three_way",
        layout="inline",
        rows_total=rows_total,
        rows_done=rows_done,
        status=SheetVersion.Status.RUNNING,
    )


def test_the_progress_part_shows_how_far_the_build_is(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    _building(sheet, rows_total=4, rows_done=1)
    response = cast.client("team").get(_url("progress", sheet, 1), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="build-progress"')
    assert "1 of 4 articles compared (25%)" in html
    assert 'hx-trigger="every 1s"' in html
    assert "HX-Refresh" not in response


def test_a_finished_build_reloads_the_page_that_polls(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    response = cast.client("team").get(
        _url("progress", sheet, version.number), HTTP_HX_REQUEST="true"
    )
    assert response["HX-Refresh"] == "true"


def test_the_team_publishes_a_version_and_the_sheet_page_says_so(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    client = cast.client("team")
    response = client.post(_url("publish", sheet, version.number))
    assert response["Location"] == _url("sheet", sheet)
    sheet.refresh_from_db()
    assert sheet.published_version == version
    page = client.get(_url("sheet", sheet)).content.decode()
    assert "Published: version 1" in page
    assert sheet.get_public_url() in page


@pytest.mark.parametrize("who", REFUSED)
def test_only_the_team_may_publish(cast: Any, sheets: Any, who: str) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    version = sheets.built(sheet)
    assert_refused(cast.client(who).post(_url("publish", sheet, version.number)))
    assert_refused(cast.client(who).post(_url("build", sheet)))
    sheet.refresh_from_db()
    assert sheet.status == Sheet.Status.DRAFT
    assert sheet.versions.count() == 1


def test_a_sheet_of_another_negotiation_is_not_found(cast: Any, sheets: Any) -> None:
    w = sheets.world
    other = Negotiation.objects.create(
        coalition=w.coalition, employer=w.employer, name="Local table", slug="local"
    )
    article = Article.objects.create(negotiation=other, number="1", title="Hours")
    sheet = Sheet.objects.create(negotiation=other, title="Theirs")
    SheetRow.objects.create(sheet=sheet, article=article)
    url = reverse("sheets:sheet", args=[w.negotiation.slug, sheet.pk])
    assert cast.client("team").get(url).status_code == 404


def test_exports_are_downloads_and_are_audited(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet(title="Wages now")
    version = sheets.built(sheet)
    client = cast.client("team")
    docx = client.get(_url("export_docx", sheet, version.number))
    pdf = client.get(_url("export_pdf", sheet, version.number))
    assert docx["Content-Disposition"] == 'attachment; filename="wages-now-v1.docx"'
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    formats = AuditEvent.objects.filter(action="sheet.export").values_list(
        "detail__format", flat=True
    )
    assert sorted(formats) == ["docx", "pdf"]


def test_the_team_links_a_sheet_from_an_update(cast: Any, sheets: Any) -> None:
    from caucus.updates.models import Update

    sheet = sheets.published()
    update = Update.objects.create(
        negotiation=sheets.world.negotiation, title="Where wages stand", slug="wages", body="."
    )
    client = cast.client("team")
    page = client.get(_url("sheet", sheet)).content.decode()
    link = reverse("updates:link_sheet", args=[sheets.slug, sheet.pk])
    assert link in page
    assert "Where wages stand" in client.get(link).content.decode()
    response = client.post(link, {"update": update.pk})
    assert response.status_code == 302
    assert list(sheet.updates.all()) == [update]
    assert AuditEvent.objects.filter(action="update.link_sheet").exists()


def test_the_dashboard_links_to_the_sheets(cast: Any, sheets: Any) -> None:
    page = cast.client("team").get(reverse("table:dashboard", args=[sheets.slug]))
    assert reverse("sheets:list", args=[sheets.slug]) in page.content.decode()
    page = cast.client("comms").get(reverse("table:dashboard", args=[sheets.slug]))
    assert reverse("sheets:list", args=[sheets.slug]) not in page.content.decode()


def test_an_article_added_later_is_offered_left_out_at_the_end(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    Article.objects.create(negotiation=sheets.world.negotiation, number="30", title="Duration")
    client = cast.client("team")
    page = client.get(_url("rows", sheet)).content.decode()
    assert "Article 30: Duration" in page
    assert not sheet.rows.filter(article__number="30").exists()  # a GET writes no row
    duration = Article.objects.get(negotiation=sheets.world.negotiation, number="30")
    form = {}
    for row in sheet.rows.all():
        form |= {f"order_{row.article_id}": row.order, f"included_{row.article_id}": "on"}
    response = client.post(_url("rows", sheet), {**form, f"order_{duration.pk}": "3"})
    assert response.status_code == 302
    row = sheet.rows.get(article__number="30")
    assert not row.included
    assert row.order == 3


def test_the_progress_says_when_the_files_are_being_made(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    _building(sheet, rows_total=2, rows_done=2)
    html = cast.client("team").get(_url("progress", sheet, 1)).content.decode()
    assert "2 of 2 articles compared (100%). Now making the PDF and the Word file" in html


def test_editing_a_built_sheet_asks_for_a_new_version(cast: Any, sheets: Any) -> None:
    sheets.passes()
    sheet = sheets.sheet()
    sheets.built(sheet)
    client = cast.client("team")
    assert "build a new version" not in client.get(_url("sheet", sheet)).content.decode()
    response = client.post(
        _url("edit", sheet), {"title": "Wages, v2", "columns": "regression", "layout": "inline"}
    )
    assert response.status_code == 302
    page = client.get(_url("sheet", sheet)).content.decode()
    assert "The sheet changed after version 1 was built: build a new version" in page
    sheet.refresh_from_db()
    version = sheets.built(sheet)
    assert (version.title, version.columns) == ("Wages, v2", "regression")


def test_a_drafts_files_have_unguessable_names(sheets: Any) -> None:
    sheets.passes()
    version = sheets.built(sheets.sheet())
    name = version.pdf.name.rsplit("/", 1)[-1]
    assert re.fullmatch(rf"sheet-{version.sheet_id}-v1-[0-9a-f]{{16}}\.pdf", name), name
