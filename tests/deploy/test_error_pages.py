"""With DEBUG off, as in production and in the demo, errors answer Caucus's own pages, styled,
and none of them names a path on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def _boom(request: Any) -> Any:
    raise RuntimeError(f"failed in {Path(__file__)}")


# A URLconf of this module's own (pytest.mark.urls) with a view that fails, for the real 500.
urlpatterns = [path("boom/", _boom)]


@pytest.fixture(autouse=True)
def _debug_off(settings: Any) -> None:
    settings.DEBUG = False


def _names_no_server_path(body: str) -> bool:
    return not any(p in body for p in (str(django_settings.BASE_DIR), "site-packages", "Traceback"))


def test_a_missing_page_answers_a_styled_404(client: Client) -> None:
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in body
    assert "caucus/caucus.css" in body
    assert "caucus/favicon.svg" in body
    assert _names_no_server_path(body)


def test_a_refused_page_answers_a_styled_403_naming_who_is_signed_in(cast: Any) -> None:
    response = cast.client("outsider").get(reverse("table:home"))
    body = response.content.decode()
    assert response.status_code == 403
    assert "You cannot open this page" in body
    assert "signed in as outsider" in body
    assert _names_no_server_path(body)


def test_a_request_for_a_strange_host_answers_a_styled_400(client: Client) -> None:
    response = client.get("/", headers={"host": "evil.example"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "We could not understand that request" in body
    assert _names_no_server_path(body)


def test_an_expired_form_answers_a_styled_403() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_failing_view_answers_the_500_page_naming_no_path() -> None:
    response = Client(raise_request_exception=False).get("/boom/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert _names_no_server_path(body)


def test_the_500_page_needs_neither_a_request_context_nor_static_files(
    settings: Any, tmp_path: Path
) -> None:
    # Manifest storage with nothing collected: any {% static %} would raise.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
