"""Which language a member page is read in: the switcher's choice, else the signed-in member's
roster language, else the browser's; staff pages stay English (caucus.site.languages)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

# The tracker's heading in each language (caucus/locale/*/LC_MESSAGES/django.po).
TRACKER = {
    "en": "<h1>Table tracker</h1>",
    "es": "<h1>Seguimiento de la mesa</h1>",
    "zh-hans": "<h1>谈判进度表</h1>",
    "tl": "<h1>Tracker ng mesa</h1>",
    "vi": "<h1>Theo dõi bàn thương lượng</h1>",
}


def _tracker(client: Any, world: Any, **headers: str) -> Any:
    return client.get(reverse("site:tracker", args=[world.negotiation.slug]), **headers)


def test_without_a_choice_the_member_pages_are_english(cast: Any, world: Any) -> None:
    response = _tracker(cast.client(None), world)
    assert TRACKER["en"] in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("language", list(TRACKER))
def test_a_member_page_reads_in_each_language(cast: Any, world: Any, language: str) -> None:
    response = _tracker(cast.client(None), world, HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert TRACKER[language] in page
    assert f'<html lang="{language}">' in page
    assert response["Content-Language"] == language


def test_the_browsers_language_is_followed(cast: Any, world: Any) -> None:
    response = _tracker(cast.client(None), world, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert TRACKER["es"] in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_the_switcher_is_a_labelled_form_on_member_pages(cast: Any, world: Any) -> None:
    page = _tracker(cast.client(None), world).content.decode()
    assert f'action="{reverse("set_language")}" method="post"' in page
    assert '<label for="language-choice">' in page
    assert '<option value="vi" lang="vi">Tiếng Việt</option>' in page


def test_the_switcher_choice_wins_over_the_browser(cast: Any, world: Any) -> None:
    client = cast.client(None)
    url = reverse("site:tracker", args=[world.negotiation.slug])
    response = client.post(reverse("set_language"), {"language": "es", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert TRACKER["es"] in page


def test_a_signed_in_member_reads_in_their_roster_language(cast: Any, world: Any) -> None:
    cast.member_record.language = "es"
    cast.member_record.save()
    page = _tracker(cast.client("member_a"), world, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert TRACKER["es"] in page


def test_the_switcher_wins_over_the_roster_language(cast: Any, world: Any) -> None:
    cast.member_record.language = "es"
    cast.member_record.save()
    client = cast.client("member_a")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tl"
    assert TRACKER["tl"] in _tracker(client, world).content.decode()


def test_a_roster_language_the_site_lacks_falls_back_to_the_browser(cast: Any, world: Any) -> None:
    cast.member_record.language = "fr"
    cast.member_record.save()
    page = _tracker(cast.client("member_a"), world, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert TRACKER["vi"] in page


def test_staff_pages_stay_english(cast: Any, world: Any) -> None:
    client = cast.client("team")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.get(reverse("table:home"), HTTP_ACCEPT_LANGUAGE="es", follow=True)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Cerrar sesión" not in response.content.decode()


def test_the_member_sign_in_is_translated(cast: Any, world: Any) -> None:
    response = cast.client(None).get(reverse("member_signin:link"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    page = response.content.decode()
    assert "<h1>获取登录链接</h1>" in page
    assert "您的个人电子邮箱（工会存档的那个）" in page


def test_a_form_error_is_in_the_members_language(cast: Any, world: Any) -> None:
    url = reverse("site:report", args=[world.negotiation.slug])
    response = cast.client(None).post(url, {"text": ""}, HTTP_ACCEPT_LANGUAGE="tl")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Pakiayos ang mga problemang may marka sa ibaba." in page
    assert "Kailangan ang field na ito." in page  # Django's own, from our Tagalog catalog
