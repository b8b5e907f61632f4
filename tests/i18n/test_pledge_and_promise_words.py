"""The readiness pledge pages and the commitments page in the member's language."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from caucus.commitments.actions import do_publish
from caucus.readiness.links import pledge_path
from tests.commitments.conftest import hiring  # noqa: F401 (the fixture)
from tests.readiness.test_actions import _pledge_drive

pytestmark = pytest.mark.django_db


def _in_spanish(client: Any) -> Any:
    """A signed-in member reads their roster language (English here) unless they choose."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


def test_the_pledge_page_reads_in_spanish(cast: Any) -> None:
    action = _pledge_drive(cast)
    client = _in_spanish(cast.client("member_a"))
    page = client.get("/n/national-2026/pledge/").content.decode()
    assert "Agregar mi nombre" in page
    assert "En lo que ha participado" in page
    client.post("/n/national-2026/pledge/", {"action": action.pk})
    page = client.get("/n/national-2026/pledge/").content.decode()
    assert "Su nombre ya está." in page


def test_the_one_tap_link_reads_in_tagalog(cast: Any) -> None:
    action = _pledge_drive(cast)
    path = pledge_path(cast.member_record.pk, action)
    page = cast.client(None).get(path, HTTP_ACCEPT_LANGUAGE="tl").content.decode()
    assert "Idagdag ang pangalan ko (Mara)" in page
    assert "Sa iyo lamang ang link na ito" in page


def test_a_paper_only_action_says_so_in_spanish(cast: Any) -> None:
    action = _pledge_drive(cast, is_online=False)
    path = pledge_path(cast.member_record.pk, action)
    response = cast.client(None).post(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Esta se firma en papel, no en línea: pida la hoja a su delegado sindical" in page
    assert "Esta acción no está abierta en este momento." not in page


def test_the_promises_page_reads_in_spanish(hiring: Any, cast: Any) -> None:  # noqa: F811
    do_publish(cast["team"], hiring.commitment, True)
    client = _in_spanish(cast.client("member_a"))
    slug = cast.world.negotiation.slug
    page = client.get(f"/n/{slug}/promises/").content.decode()
    assert "Lo que prometió el empleador y cómo va" in page
    page = client.get(f"/n/{slug}/promises/{hiring.commitment.pk}/").content.decode()
    assert "Todas las regiones" in page
    assert "Atrasado" in page
    assert "recta hasta la meta" in page  # the chart series, in JSON that escapes the í
    assert "Gráfico de líneas de Todas las regiones" in page


def test_the_promise_page_without_a_language_is_english(hiring: Any, cast: Any) -> None:  # noqa: F811
    do_publish(cast["team"], hiring.commitment, True)
    slug = cast.world.negotiation.slug
    page = cast.client("member_a").get(f"/n/{slug}/promises/{hiring.commitment.pk}/")
    assert "All regions" in page.content.decode()
    assert "Straight-line path to the target" in page.content.decode()
