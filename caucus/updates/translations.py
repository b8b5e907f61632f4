"""Which language an update is read in: the one asked for (``?lang=``), else the reader's
preferred language, else the original. Only languages the update exists in are offered."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from caucus.updates.models import Update, UpdateTranslation

LANGUAGE_NAMES: dict[str, str] = dict(settings.LANGUAGES)


def choose_translation(
    update: Update, request: HttpRequest
) -> tuple[Update | UpdateTranslation, list[tuple[str, str, bool]]]:
    """The text to show, and (code, name, is shown) for each language it exists in."""
    translations = {t.language: t for t in update.translations.all()}
    wanted = request.GET.get("lang") or getattr(request.user, "preferred_language", "") or ""
    shown: Any = translations.get(wanted) if wanted != update.language else None
    shown = shown or update
    if not translations:
        return shown, []
    codes = [update.language, *sorted(code for code in translations if code != update.language)]
    languages = [(code, LANGUAGE_NAMES.get(code, code), code == shown.language) for code in codes]
    return shown, languages
