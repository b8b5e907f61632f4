"""Production's static files: with DEBUG off, every ``{% static %}`` must have a hashed name in
the manifest that ``collectstatic`` writes, or the page answers 500. ``.ci/deploy-check`` runs
the whole documented deployment; these tests catch the static half in the suite."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")


# Django's manifest storage does the hashing and the reference checks that fail production;
# whitenoise's subclass adds compression, slow here and run by .ci/deploy-check.
MANIFEST_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


def _storages(root: Path) -> dict[str, Any]:
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": MANIFEST_STORAGE},
    }


@pytest.fixture(scope="module")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """collectstatic as production runs it, once for the module."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=_storages(root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def manifest(static_root: Path, settings: Any) -> dict[str, str]:
    """The manifest's original -> hashed names, with the manifest storage in use."""
    settings.STATIC_ROOT = static_root
    settings.STORAGES = _storages(static_root)
    paths: dict[str, str] = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    return paths


def _named_in_templates() -> set[str]:
    package = Path(django_settings.BASE_DIR) / "caucus"
    return {
        name
        for template in package.rglob("templates/**/*.html")
        for name in STATIC_TAG.findall(template.read_text(encoding="utf-8"))
    }


def test_every_static_file_a_template_names_has_a_hashed_name(manifest: dict[str, str]) -> None:
    named = _named_in_templates()
    assert "caucus/caucus.css" in named
    assert not named - set(manifest), sorted(named - set(manifest))


def test_a_page_with_debug_off_links_the_hashed_stylesheet(
    manifest: dict[str, str], settings: Any, client: Any
) -> None:
    settings.DEBUG = False
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert f'href="/static/{manifest["caucus/caucus.css"]}"' in response.content.decode()
    assert re.fullmatch(r"caucus/caucus\.[0-9a-f]{12}\.css", manifest["caucus/caucus.css"])
