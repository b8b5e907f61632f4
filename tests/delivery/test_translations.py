"""Translations of an update: written by a person, reviewed by another before anyone is sent
them; documents an update carries, checked on upload and shown on its page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caucus.updates.models import UpdateTranslation

pytestmark = pytest.mark.django_db


def _add_spanish(client: Any, update: Any) -> Any:
    return client.post(
        reverse("updates:translations", args=[update.pk]),
        {"language": "es", "title": "Voto de huelga", "summary": "", "body": "Votamos el martes."},
    )


def test_a_new_translation_waits_for_review_by_someone_else(cast: Any, update: Any) -> None:
    team = cast.client("team")
    _add_spanish(team, update)
    translation = UpdateTranslation.objects.get(update=update)
    assert not translation.is_reviewed
    url = reverse("updates:review_translation", args=[update.pk, "es"])
    team.post(url)
    translation.refresh_from_db()
    assert not translation.is_reviewed  # the translator cannot review their own
    cast.client("comms").post(url)
    translation.refresh_from_db()
    assert translation.is_reviewed
    assert translation.reviewed_by == cast["comms"]
    assert update.text_in("es-MX") == translation


def test_correcting_a_reviewed_translation_needs_a_new_review(cast: Any, update: Any) -> None:
    _add_spanish(cast.client("team"), update)
    cast.client("comms").post(reverse("updates:review_translation", args=[update.pk, "es"]))
    cast.client("team").post(
        reverse("updates:translation", args=[update.pk, "es"]),
        {"language": "es", "title": "Voto de huelga", "summary": "", "body": "Votamos el jueves."},
    )
    translation = UpdateTranslation.objects.get(update=update)
    assert translation.body == "Votamos el jueves."
    assert not translation.is_reviewed
    assert update.text_in("es") == update  # members get the original until it is reviewed


def test_a_document_is_checked_on_upload_and_shown_on_the_update_page(
    cast: Any, update: Any
) -> None:
    client = cast.client("comms")
    url = reverse("updates:documents", args=[update.pk])
    fake = SimpleUploadedFile("proposal.pdf", b"<html>not a pdf</html>")
    response = client.post(url, {"title": "Full proposal", "kind": "proposal", "file": fake})
    assert response.status_code == 400
    assert "does not look like a real PDF" in response.content.decode()

    real = SimpleUploadedFile("proposal.pdf", b"%PDF-1.7\n%real\n")
    client.post(url, {"title": "Full proposal", "kind": "proposal", "file": real})
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    assert "Full proposal" in page
    document = update.documents.get()
    download = cast.client(None).get(document.get_public_url())
    assert download["Content-Disposition"] == 'attachment; filename="proposal.pdf"'
    assert b"".join(download) == b"%PDF-1.7\n%real\n"
