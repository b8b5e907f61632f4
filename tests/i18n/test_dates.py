"""One date format: every member page writes a date by the project's named formats
(caucus/formats), so the same day reads the same on every page, in each page's language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.site.factories import make_proposal

TEMPLATES = Path(__file__).resolve().parents[2] / "caucus"
# Machine-readable forms (datetime attributes, feeds) may spell ISO 8601 out; nothing else.
ISO = {"Y-m-d", "c"}
MEMBER_TEMPLATES = [
    "site/templates/site",
    "updates/templates/updates/_update_article.html",
    "sheets/templates/sheets/site_list.html",
    "sheets/templates/sheets/_sheet_body.html",
    "costing/templates/costing/what_it_means.html",
    "votes/templates/votes/_site_window.html",
]


def _pages(world: Any, proposal: Any, **headers: str) -> dict[str, str]:
    from django.test import Client

    client = Client()
    slug = world.negotiation.slug
    urls = {
        "tracker": reverse("site:tracker", args=[slug]),
        "proposals": reverse("site:proposals", args=[slug]),
        "proposal": reverse("site:proposal", args=[slug, proposal.pk]),
    }
    return {name: client.get(url, **headers).content.decode() for name, url in urls.items()}


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "March 8, 2026"), ("es", "8 de marzo de 2026"), ("zh-hans", "2026年3月8日")],
)
def test_a_date_reads_the_same_on_every_page(world: Any, language: str, written: str) -> None:
    proposal = make_proposal(world, passed_on=date(2026, 3, 8))
    pages = _pages(world, proposal, HTTP_ACCEPT_LANGUAGE=language)
    for name, page in pages.items():
        shown = re.findall(r'<time datetime="2026-03-08">([^<]*)</time>', page)
        assert shown, name
        assert set(shown) == {written}, name


def test_member_templates_name_their_date_formats() -> None:
    ad_hoc = []
    for entry in MEMBER_TEMPLATES:
        path = TEMPLATES / entry
        for template in [path] if path.is_file() else sorted(path.glob("*.html")):
            text = template.read_text(encoding="utf-8")
            for spelled in re.findall(r"\|(?:date|time):[\"']([^\"']*)[\"']", text):
                if spelled not in ISO and not spelled.endswith("_FORMAT") and spelled != "l":
                    ad_hoc.append(f"{template.name}: {spelled}")
    assert not ad_hoc
