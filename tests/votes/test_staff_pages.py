"""The staff pages that set up and run a vote: the set-up form with the engine's own messages
at the rule, the ballot's text in English and Spanish, the roll's review, the key ceremony
(each trustee's file on the page, only the public key kept), and read-only observers."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django.urls import reverse

from caucus.engines.ballots.keys import load_trustee_file
from caucus.votes.models import State, Vote, VoteText
from tests.votes.helpers import PASSPHRASE, TEXTS, draft_vote, members, scheduled_vote

pytestmark = pytest.mark.django_db


def _form(cast: Any, **overrides: Any) -> dict[str, Any]:
    world = cast.world
    data = {
        "title": "Strike authorization",
        "kind": "strike",
        "units": [world.unit_a.pk, world.unit_b.pk],
        "cutoff": "2026-01-01",
        "opens_at": "2026-05-01T08:00",
        "closes_at": "2026-05-03T20:00",
        "time_zone": "America/New_York",
        "online": "on",
        "paper": "on",
        "preset": "two_thirds_both",
        "rule_text": "",
    }
    data.update(overrides)
    return data


def test_the_team_sets_up_a_two_thirds_vote(cast: Any) -> None:
    client = cast.client("team")
    response = client.post(reverse("votes:new", args=["national-2026"]), _form(cast))
    vote = Vote.objects.get()
    assert response["Location"] == reverse("votes:detail", args=[vote.pk])
    assert vote.rule["default"] == {"threshold": "2/3"}
    assert vote.opens_at.isoformat() == "2026-05-01T12:00:00+00:00"  # 08:00 in New York
    page = client.get(response["Location"]).content.decode()
    assert "at least 2/3 of votes cast" in page


def test_a_custom_rule_the_engine_refuses_shows_its_message_at_the_rule(cast: Any) -> None:
    client = cast.client("team")
    rule = 'scope = "local"\n[default]\nthreshold = "0.67"\n'
    response = client.post(
        reverse("votes:new", args=["national-2026"]),
        _form(cast, preset="custom", rule_text=rule),
    )
    assert response.status_code == 400
    assert "default.threshold" in response.content.decode()
    assert not Vote.objects.exists()


def test_the_ballots_text_is_written_in_english_and_spanish(cast: Any) -> None:
    vote = draft_vote(cast)
    data = {}
    for code, text in TEXTS.items():
        data.update({f"{code}-{name}": value for name, value in text.items()})
    response = cast.client("team").post(reverse("votes:texts", args=[vote.pk]), data)
    assert response.status_code == 302
    assert VoteText.objects.get(vote=vote, language="es").question == "¿Autoriza usted una huelga?"


def test_a_ballot_without_spanish_is_refused_at_the_spanish_question(cast: Any) -> None:
    vote = draft_vote(cast)
    data = {f"en-{name}": value for name, value in TEXTS["en"].items()}
    response = cast.client("team").post(reverse("votes:texts", args=[vote.pk]), data)
    assert response.status_code == 400
    assert "The ballot needs its text in es." in response.content.decode()


def test_the_roll_review_counts_each_local_and_who_is_left_out(cast: Any) -> None:
    members(cast.world, a=2, b=1)
    cast.world.member(member_id="A-owing", standing="not_good")
    vote = draft_vote(cast)
    client = cast.client("team")
    client.post(reverse("votes:roll_freeze", args=[vote.pk]))
    page = client.get(reverse("votes:roll", args=[vote.pk])).content.decode()
    assert re.search(r"local-a</th><td>3</td>", page)
    assert "Left out, not in good standing: 1" in page


def test_the_key_ceremony_hands_each_trustee_a_file_and_keeps_only_the_public_key(
    cast: Any,
) -> None:
    vote = scheduled_vote(cast)
    observer = cast["observer"]
    response = cast.client("team").post(
        reverse("votes:key", args=[vote.pk]), {f"passphrase_{observer.pk}": PASSPHRASE}
    )
    page = response.content.decode()
    assert "Download observer's key file" in page
    data = re.search(r"data:application/json;base64,([A-Za-z0-9+/=]+)", page).group(1)
    key = load_trustee_file(base64.b64decode(data), PASSPHRASE)
    vote.refresh_from_db()
    assert bytes(vote.public_key) == bytes(key.public_key)
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_observer_watches_but_cannot_close_the_vote(cast: Any) -> None:
    vote = scheduled_vote(cast)
    Vote.objects.filter(pk=vote.pk).update(state=State.OPEN, public_key=bytes(32))
    client = cast.client("observer")
    page = client.get(reverse("votes:detail", args=[vote.pk])).content.decode()
    assert "Close the vote now" not in page
    assert client.post(reverse("votes:close", args=[vote.pk])).status_code == 404
    vote.refresh_from_db()
    assert vote.state == State.OPEN


def test_the_staff_menu_leads_to_the_votes_of_the_table_with_an_open_vote(cast: Any) -> None:
    from tests.votes.helpers import vote_row

    local_a = cast.world.local_a_negotiation()
    vote_row(local_a, State.OPEN)
    organizer = cast.client("organizer_a")
    page = organizer.get(reverse("table:home"), follow=True).content.decode()
    assert f'<a href="{reverse("votes:home")}">Votes</a>' in page
    menu = organizer.get(reverse("votes:home"))
    assert menu.status_code == 302
    assert menu["Location"] == reverse("votes:list", args=[local_a.slug])
    comms = cast.client("comms").get(reverse("table:home"), follow=True).content.decode()
    assert ">Votes</a>" not in comms
