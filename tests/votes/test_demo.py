"""``caucus demo`` holds a closed, tallied strike authorization vote with its results per local,
and an open ratification vote that a member can vote in with the link the demo writes, and
that the trustee's file the demo writes can open."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from caucus.engines.ballots.keys import load_trustee_file
from caucus.table.models import TentativeAgreement
from caucus.votes.models import Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    call_command("demo", "--seed", "7", "--members", "500", stdout=StringIO())


def test_the_demo_has_a_tallied_strike_vote_with_results_per_local(demo: None) -> None:
    strike = Vote.objects.get(kind="strike")
    assert strike.state == "certified"
    outcome = strike.result.outcome
    assert len(outcome["locals"]) == 10
    assert all(local["reason"] for local in outcome["locals"])
    assert strike.closes_at < strike.tallied_at
    assert strike.result.channels["local-34"]["paper"]["yes"] > 0
    page = Client().get(f"/n/{strike.negotiation.slug}/votes/{strike.pk}/results/")
    assert "needs at least 2/3" in page.content.decode()


def test_the_demo_has_an_open_ratification_vote_with_the_tas_articles(demo: None) -> None:
    ratify = Vote.objects.get(kind="ratification")
    assert ratify.is_accepting_ballots()
    assert ratify.articles.count() == 2
    assert 0 < ratify.voters.filter(has_voted=True).count() < ratify.roll_size


def test_a_demo_members_link_casts_a_ballot_and_the_trustee_file_opens_the_key(
    demo: None, settings: Any
) -> None:
    from caucus.demo.votes import DEMO_PASSPHRASE, demo_folder

    ratify = Vote.objects.get(kind="ratification")
    links = (demo_folder() / f"vote-{ratify.pk}-voting-links.txt").read_text()
    code = re.search(r"\?code=([\w-]+)", links).group(1)
    url = f"/n/{ratify.negotiation.slug}/votes/{ratify.pk}/"
    page = Client().post(url, {"code": code, "choice": "yes", "step": "cast"})
    assert page.templates[0].name == "votes/site_cast.html"
    assert ratify.ballots.filter(receipt=page.context["receipt"]).exists()
    key_file = (demo_folder() / f"vote-{ratify.pk}-trustee-key.json").read_text()
    key = load_trustee_file(key_file, DEMO_PASSPHRASE, public_key=ratify.key_bytes())
    assert bytes(key.public_key) == ratify.key_bytes()


def test_the_ratification_ballot_links_the_tas_articles_the_sheet_and_the_costing_page(
    demo: None,
) -> None:
    from caucus.demo.votes import demo_folder

    ratify = Vote.objects.get(kind="ratification")
    links = (demo_folder() / f"vote-{ratify.pk}-voting-links.txt").read_text()
    code = re.search(r"\?code=([\w-]+)", links).group(1)
    page = Client().get(ratify.get_public_url(), {"code": code}).content.decode()
    assert 'id="means-h"' in page
    agreements = TentativeAgreement.objects.filter(article__in=ratify.articles.all())
    assert agreements.exists()
    for agreement in agreements:
        assert escape(agreement.text) in page
    assert ratify.sheet is not None
    assert ratify.sheet.get_public_url() in page
    assert ratify.links_costing
    assert reverse("costing_site:what_it_means", args=[ratify.negotiation.slug]) in page


def _signed_in(username: str) -> Client:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from caucus.accounts.models import User

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


PAGES = {  # who opens which page of both demo votes, as the docs' demo paragraph names them
    "team": ("detail", "roll", "credentials", "paper", "challenged", "turnout"),
    "officer": ("strike", "paper", "challenged"),
    "organizer": ("turnout", "not_voted"),
    "observer": ("detail", "roll", "turnout"),
}


def test_every_page_of_the_demos_votes_opens_for_those_who_run_them(demo: None) -> None:
    strike, ratify = Vote.objects.get(kind="strike"), Vote.objects.get(kind="ratification")
    opened = []
    for username, routes in PAGES.items():
        client = _signed_in(username)
        for vote in (strike, ratify):
            for route in routes:
                response = client.get(reverse(f"votes:{route}", args=[vote.pk]))
                opened.append((username, vote.kind, route, response.status_code))
    for username in ("team", "observer"):
        client = _signed_in(username)
        for route in ("results", "package"):
            response = client.get(reverse(f"votes:{route}", args=[strike.pk]))
            opened.append((username, "strike", route, response.status_code))
    assert [row for row in opened if row[3] != 200] == []
    package = _signed_in("observer").get(reverse("votes:package", args=[strike.pk]))
    assert package["Content-Type"] == "application/zip"
    assert package.content[:2] == b"PK"
