"""The member's ballot pages: the link opens the ballot in the member's language, a
confirmation step, one POST casts and gives a receipt, a second attempt changes nothing,
wrong codes are rate-limited, and the receipt can be checked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from caucus.votes import ballot_box, credentials
from caucus.votes.models import Ballot, Voter
from tests.votes.helpers import members, open_vote, scheduled_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def ballot(cast: Any) -> tuple[Any, str, str]:
    """An open vote, the address of its page and the code of a Spanish-speaking member."""
    members(cast.world, a=1, b=0)  # A-1 reads Spanish
    vote, _ = open_vote(cast)
    voter = Voter.objects.get(key="local-a:A-1")
    code = credentials.issue_credentials([voter.pk])[voter.pk]
    return vote, reverse("votes_site:vote", args=[vote.negotiation.slug, vote.pk]), code


def test_the_vote_page_without_a_code_asks_for_it(ballot: Any) -> None:
    _, url, _ = ballot
    page = Client().get(url).content.decode()
    assert "Do you authorize a strike?" in page
    assert 'name="code"' in page


def test_the_link_opens_the_ballot_in_the_members_language(ballot: Any) -> None:
    _, url, code = ballot
    response = Client().get(url, {"code": code})
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "¿Autoriza usted una huelga?" in page
    assert "Sí, autorizo una huelga" in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert '<meta name="referrer" content="strict-origin">' in page


def test_opening_the_ballot_writes_nothing(ballot: Any) -> None:
    _, url, code = ballot
    Client().get(url, {"code": code})
    assert not Voter.objects.filter(has_voted=True).exists()


def test_reviewing_shows_the_choice_and_casting_gives_a_receipt(ballot: Any) -> None:
    _, url, code = ballot
    client = Client()
    review = client.post(url, {"code": code, "choice": "yes", "step": "review"})
    assert "Sí, autorizo una huelga" in review.content.decode()
    assert not Ballot.objects.exists()  # reviewing casts nothing
    cast_page = client.post(url, {"code": code, "choice": "yes", "step": "cast"}).content.decode()
    receipt = Ballot.objects.get().receipt
    assert receipt in cast_page
    assert Voter.objects.get(key="local-a:A-1").has_voted


def test_reviewing_without_a_choice_asks_for_one(ballot: Any) -> None:
    _, url, code = ballot
    page = Client().post(url, {"code": code, "step": "review"}).content.decode()
    assert 'role="alert"' in page
    assert 'aria-describedby="choice-error"' in page


def test_a_second_cast_says_already_voted_and_changes_nothing(ballot: Any) -> None:
    _, url, code = ballot
    client = Client()
    client.post(url, {"code": code, "choice": "yes", "step": "cast"})
    again = client.post(url, {"code": code, "choice": "no", "step": "cast"})
    assert again.status_code == 200
    assert Ballot.objects.count() == 1
    assert again.templates[0].name == "votes/site_voted.html"


def test_a_wrong_code_is_refused_and_too_many_pause_even_a_right_one(
    ballot: Any, settings: Any
) -> None:
    settings.CAUCUS_VOTE_CODE_RATE = "3/m"
    _, url, code = ballot
    client = Client()
    wrong = client.get(url, {"code": "not-my-code"})
    assert "This voting code is not valid" in wrong.content.decode()
    for _ in range(3):
        client.get(url, {"code": "still-wrong"})
    assert client.get(url, {"code": code}).status_code == 429
    assert not Voter.objects.filter(has_voted=True).exists()


def test_a_code_of_a_vote_not_yet_open_shows_no_ballot(cast: Any) -> None:
    members(cast.world, a=1, b=0)
    vote = scheduled_vote(cast)
    voter = Voter.objects.get(key="local-a:A-1")
    code = credentials.issue_credentials([voter.pk])[voter.pk]
    url = reverse("votes_site:vote", args=[vote.negotiation.slug, vote.pk])
    response = Client().get(url, {"code": code})
    assert 'name="choice"' not in response.content.decode()


def test_a_draft_vote_is_not_found(cast: Any) -> None:
    from tests.votes.helpers import draft_vote

    vote = draft_vote(cast)
    url = reverse("votes_site:vote", args=[vote.negotiation.slug, vote.pk])
    assert Client().get(url).status_code == 404


def test_a_member_finds_their_receipt_in_the_ballot_box(ballot: Any) -> None:
    vote, _, code = ballot
    receipt = ballot_box.cast_ballot(vote, code, "no").receipt
    url = reverse("votes_site:receipt", args=[vote.negotiation.slug, vote.pk])
    found = Client().get(url, {"receipt": receipt.lower().replace("-", "")})
    assert "is in the ballot box" in found.content.decode()
    missing = Client().get(url, {"receipt": "0000-0000-0000-0000-0000"})
    assert "No ballot has this receipt" in missing.content.decode()


def test_the_results_page_says_nothing_before_the_count(ballot: Any) -> None:
    vote, _, code = ballot
    ballot_box.cast_ballot(vote, code, "yes")
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = Client().get(url).content.decode()
    assert "have not been counted yet" in page
    assert "results-table" not in page
