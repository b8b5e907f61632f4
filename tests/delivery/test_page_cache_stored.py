"""An update's body rendered once, when it is written, and shown from there: the page shows
what the Markdown says, sanitized, and shows the new text the moment it is edited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from caucus.updates.actions import do_save_translation, do_save_update
from caucus.updates.models import Update

pytestmark = pytest.mark.django_db


def _edit_body(cast: Any, world: Any, update: Any, body: str) -> Update:
    return do_save_update(
        cast["comms"],
        update,
        negotiation=world.negotiation,
        title=update.title,
        slug=update.slug,
        summary=update.summary,
        body=body,
        language="en",
        to_whole_coalition=True,
    )


@pytest.mark.usefixtures("public")
def test_the_update_page_shows_the_body_stored_when_it_was_written(world: Any, update: Any) -> None:
    assert (
        update.body_html
        == "<p>The employer answered with <strong>2%</strong>. We meet Tuesday.</p>"
    )
    page = Client().get(f"{update.get_absolute_url()}?uncached=1").content.decode()
    assert "<strong>2%</strong>" in page


@pytest.mark.usefixtures("public")
def test_an_edited_body_is_stored_rendered_and_shown_at_once(
    cast: Any, world: Any, update: Any
) -> None:
    Client().get(update.get_absolute_url())  # in the page cache
    _edit_body(cast, world, update, "We meet **Thursday** <script>alert(1)</script>")
    update.refresh_from_db()
    assert "<strong>Thursday</strong>" in update.body_html
    assert "<script" not in update.body_html
    page = Client().get(update.get_absolute_url()).content.decode()
    assert "<strong>Thursday</strong>" in page
    assert "alert(1)</script>" not in page


def test_a_save_of_other_fields_keeps_the_stored_body(update: Any) -> None:
    Update.objects.filter(pk=update.pk).update(body_html="<p>kept</p>")
    update.refresh_from_db()
    update.embargoed = False
    update.save(update_fields=["embargoed"])
    update.refresh_from_db()
    assert update.body_html == "<p>kept</p>"


@pytest.mark.usefixtures("public")
def test_a_body_written_around_save_is_rendered_when_shown(world: Any, update: Any) -> None:
    Update.objects.filter(pk=update.pk).update(body="Now **3%**.", body_html="")
    page = Client().get(f"{update.get_absolute_url()}?uncached=1").content.decode()
    assert "Now <strong>3%</strong>." in page


@pytest.mark.usefixtures("public")
def test_a_translation_is_shown_from_its_own_stored_body(
    cast: Any, world: Any, update: Any
) -> None:
    translation = do_save_translation(
        cast["comms"],
        update,
        None,
        language="es",
        title="Se viene la votación",
        summary="",
        body="La empresa ofreció **2%**.",
    )
    assert translation.body_html == "<p>La empresa ofreció <strong>2%</strong>.</p>"
    page = Client().get(f"{update.get_absolute_url()}?lang=es").content.decode()
    assert "La empresa ofreció <strong>2%</strong>." in page
