"""An update cites letters from the table's correspondence log: only published ones, of its
own negotiation; members read the date, who wrote to whom, how, the subject and the summary."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from caucus.table.actions import do_edit_letter, do_log_letter
from caucus.updates.models import Update
from tests.site.factories import make_update

pytestmark = pytest.mark.django_db


def _letter(cast: Any, negotiation: Any = None, *, published: bool = True, **fields: Any) -> Any:
    return do_log_letter(
        cast["team"],
        negotiation or cast.world.negotiation,
        sent_on=fields.pop("sent_on", date(2026, 3, 6)),
        direction="sent",
        sender="Coalition bargaining team",
        recipient="Labor relations",
        channel="email",
        subject=fields.pop("subject", "Resume bargaining with the full team"),
        summary="We ask the Company to meet the whole negotiating team.",
        is_published=published,
        **fields,
    )


def _form(world: Any, **overrides: Any) -> dict[str, Any]:
    return {
        "negotiation": world.negotiation.pk,
        "title": "We wrote to the Company",
        "body": "Read our letter.",
        "language": "en",
        "audience": "coalition",
        **overrides,
    }


def test_the_form_offers_published_letters_only(cast: Any) -> None:
    _letter(cast)
    _letter(cast, published=False, subject="Internal: our strategy memo")
    page = cast.client("comms").get(reverse("updates:new")).content.decode()
    assert "Mar 6, 2026 · Coalition bargaining team to Labor relations: Resume bargaining" in page
    assert "Internal: our strategy memo" not in page


def test_an_update_citing_a_letter_shows_it_to_members(cast: Any) -> None:
    letter = _letter(cast)
    client = cast.client("comms")
    response = client.post(reverse("updates:new"), _form(cast.world, cites_letters=[letter.pk]))
    assert response.status_code == 302
    update = Update.objects.get()
    assert list(update.cites_letters.all()) == [letter]
    preview = client.get(reverse("updates:preview", args=[update.pk])).content.decode()
    client.post(reverse("updates:publish", args=[update.pk]))
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    for shown in (preview, page):
        assert '<h2 id="letters-h">Letters and e-mails</h2>' in shown
        assert "March 6, 2026</time>: <strong>Resume bargaining with the full team</strong>" in (
            shown
        )
        assert "from Coalition bargaining team to Labor relations (E-mail)" in shown
        assert "We ask the Company to meet the whole negotiating team." in shown


def test_an_unpublished_letter_cannot_be_cited(cast: Any) -> None:
    hidden = _letter(cast, published=False)
    response = cast.client("comms").post(
        reverse("updates:new"), _form(cast.world, cites_letters=[hidden.pk])
    )
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Update.objects.exists()


def test_a_letter_of_another_negotiation_is_refused_at_its_field(cast: Any) -> None:
    other = cast.world.local_a_negotiation()
    theirs = _letter(cast, other, subject="Local A's letter")
    response = cast.client("comms").post(
        reverse("updates:new"), _form(cast.world, cites_letters=[theirs.pk])
    )
    assert "Cite published letters of this negotiation only." in response.content.decode()
    assert not Update.objects.exists()


def test_a_letter_unpublished_after_it_was_cited_drops_out_of_the_update(cast: Any) -> None:
    letter = _letter(cast)
    update = make_update(cast.world, "We wrote")
    update.cites_letters.add(letter)
    do_edit_letter(cast["team"], letter, is_published=False)
    page = cast.client(None).get(update.get_absolute_url()).content.decode()
    assert "Resume bargaining with the full team" not in page
