"""The update form's lists of boxes: each label beside its box, proposals grouped by article,
a filter box over the long lists (shown by the script; every item is in the page without it),
only what the writer's negotiations hold; and the preview carries the sheets it links."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from caucus.sheets.models import Sheet
from caucus.updates.forms import FILTER_FROM
from tests.sheets.conftest import Sheets
from tests.site.factories import make_proposal, make_session, make_update

pytestmark = pytest.mark.django_db


def _many(world: Any) -> None:
    """17 proposals over two articles and 16 sessions: the demo's lists."""
    for n in range(17):
        article = world.article_wages if n % 2 else world.article_seniority
        make_proposal(world, f"Pass {n + 1}", article=article, passed_on=date(2026, 1, 1 + n))
    for n in range(16):
        make_session(world, date(2026, 1, 5) + timedelta(days=7 * n), place=f"Hall {n + 1}")


def _form_page(cast: Any) -> str:
    return cast.client("comms").get(reverse("updates:new")).content.decode()


def test_each_box_is_followed_by_its_own_label_in_one_list_item(cast: Any) -> None:
    _many(cast.world)
    page = _form_page(cast)
    items = re.findall(r'<li class="checklist-item">(.*?)</li>', page, re.S)
    assert len(items) >= 17 + 16
    for item in items:
        box = re.search(r'<input type="(?:checkbox|radio)"[^>]* id="([^"]+)"', item)
        assert box is not None, item
        assert f'<label for="{box.group(1)}">' in item


def test_proposals_are_grouped_under_their_article_in_the_contracts_order(cast: Any) -> None:
    _many(cast.world)
    page = _form_page(cast)
    seniority = page.index("<legend>Article 7: Seniority</legend>")
    wages = page.index("<legend>Article 12: Wages</legend>")
    assert seniority < wages
    assert seniority < page.index("Pass 17</label>") < wages  # odd passes are seniority's
    assert wages < page.index("Pass 16</label>")


def test_long_lists_get_a_filter_box_that_the_script_reveals(cast: Any) -> None:
    _many(cast.world)
    page = _form_page(cast)
    for name in ("cites_proposals", "cites_sessions"):
        assert f'data-checklist-filter="id_{name}_list" hidden' in page
        assert f'<label for="id_{name}_filter">' in page
    assert "update_form.js" in page
    assert "All 17 shown" in page
    assert "All 16 shown" in page
    # Without the script nothing is hidden: every item is in the page.
    assert all(f"Pass {n}</label>" in page for n in range(1, 18))
    assert all(f"Hall {n}<" in page for n in range(1, 17))
    assert "checklist-item" in page
    assert 'class="checklist-item" hidden' not in page


def test_short_lists_have_no_filter_box(cast: Any) -> None:
    for n in range(FILTER_FROM - 1):
        make_proposal(cast.world, f"Pass {n + 1}")
    page = _form_page(cast)
    assert "id_cites_proposals_filter" not in page
    assert "Article 12: Wages</legend>" not in page  # a short list needs no headings


def test_the_filter_box_is_not_sent_with_the_update(cast: Any) -> None:
    _many(cast.world)
    page = _form_page(cast)
    box = re.search(r'<input type="search" id="id_cites_proposals_filter"[^>]*>', page)
    assert box is not None
    assert "name=" not in box.group(0)


def test_the_lists_offer_only_the_writers_negotiations(cast: Any) -> None:
    other = cast.world.local_a_negotiation()
    make_proposal(cast.world, "Local A pass", negotiation=other, article=None)
    make_session(cast.world, date(2026, 2, 2), negotiation=other, place="Local A hall")
    make_proposal(cast.world, "National pass")
    # Union B's bargaining team does not write for the local A table.
    page = cast.client("team_b").get(reverse("updates:new")).content.decode()
    assert "National pass" in page
    assert "Local A pass" not in page
    assert "Local A hall" not in page


@pytest.fixture
def linked(cast: Any, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    cast.django_capture_on_commit_callbacks = django_capture_on_commit_callbacks
    sheets = Sheets(cast.world, cast)
    published = sheets.published()
    draft = sheets.sheet(title="Seniority, not yet out")
    update = make_update(cast.world, "Where wages stand now", published=False)
    update.sheets.set([published, draft])
    return {"update": update, "published": published, "draft": draft}


def test_the_preview_shows_the_linked_sheet_as_the_member_page_does(
    cast: Any, linked: dict[str, Any]
) -> None:
    update, sheet = linked["update"], linked["published"]
    slug = cast.world.negotiation.slug
    page = cast.client("comms").get(reverse("updates:preview", args=[update.pk])).content.decode()
    assert '<h2 id="sheets-h">Comparison sheets</h2>' in page
    assert (
        f'href="{reverse("sheets_site:sheet", args=[slug, sheet.pk])}">Where wages stand<' in page
    )
    assert reverse("sheets_site:pdf", args=[slug, sheet.pk]) in page
    # What the sheet holds, for the writer: the version members see and its articles.
    version = sheet.published_version
    assert f"members see version {version.number}" in page
    assert "comparing Article 12: Wages" in page
    assert "exactly how members see it" not in page


def test_the_preview_says_a_linked_draft_sheet_is_not_shown_to_members(
    cast: Any, linked: dict[str, Any]
) -> None:
    update, draft = linked["update"], linked["draft"]
    assert draft.status == Sheet.Status.DRAFT
    page = cast.client("comms").get(reverse("updates:preview", args=[update.pk])).content.decode()
    frame = page.split('class="preview-frame"')[1].split('class="preview-sheets"')[0]
    assert "Seniority, not yet out" not in frame
    assert "Not shown to members</span>" in page
    assert "Seniority, not yet out</a> is linked but not published" in page


def test_the_member_page_shows_the_same_sheet_section_as_the_preview(
    cast: Any, linked: dict[str, Any]
) -> None:
    update = linked["update"]
    preview = (
        cast.client("comms").get(reverse("updates:preview", args=[update.pk])).content.decode()
    )
    update.status = update.Status.PUBLISHED
    update.published_at = update.created_at
    update.save()
    member = cast.client(None).get(update.get_absolute_url()).content.decode()

    def section(page: str) -> str:
        match = re.search(r'<section aria-labelledby="sheets-h">.*?</section>', page, re.S)
        assert match is not None
        return match.group(0)

    assert section(member) == section(preview)
    assert "Seniority, not yet out" not in member


def test_a_new_update_is_for_the_whole_coalition_unless_the_writer_may_not_address_it(
    cast: Any,
) -> None:
    whole = re.compile(r'<input type="radio" name="audience" value="coalition"[^>]*checked')
    some = re.compile(r'<input type="radio" name="audience" value="unions"[^>]*checked')
    assert whole.search(_form_page(cast))
    assert not some.search(_form_page(cast))
    theirs = cast.client("comms_a").get(reverse("updates:new")).content.decode()
    assert some.search(theirs)


def test_the_form_as_it_opens_saves_on_the_first_try(cast: Any) -> None:
    page = _form_page(cast)
    negotiation = re.search(r'<option value="(\d+)" selected>', page)
    assert negotiation is not None
    data = {
        "negotiation": negotiation.group(1),
        "audience": "coalition",
        "title": "First update",
        "body": "We met.",
        "language": "en",
    }
    response = cast.client("comms").post(reverse("updates:new"), data)
    assert response.status_code == 302
