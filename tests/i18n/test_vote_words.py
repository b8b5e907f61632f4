"""The vote pages' own words in the member's language: the result's reasons, rules and
turnout-switch notes (the engine writes them in English; caucus.votes.member_words says them
again), and a vote's state and kind."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.rules import Rules
from caucus.engines.ballots.tallies import Tally
from caucus.votes import member_words
from caucus.votes.models import State
from tests.engines.ballots.test_properties import votes
from tests.votes.helpers import result_row, vote_row

# Words of the engine's English that no Spanish, Chinese or Vietnamese reason keeps.
ENGLISH = re.compile(
    r"votes cast|eligible|turnout|passes|fails|quorum|\byes\b|below|switch|\btie\b"
)


def _said(outcome: Any) -> list[tuple[str, str]]:
    """Every reason, rule and note of an outcome, each beside the function that says it."""
    bodies = [*outcome.locals, outcome.coalition]
    said = [(outcome.reason, member_words.overall_reason(outcome.reason))]
    said += [(b.reason, member_words.body_reason(b.reason)) for b in bodies]
    said += [(b.rule, member_words.rule(b.rule)) for b in bodies if b.rule]
    said += [(b.paradox, member_words.paradox(b.paradox)) for b in bodies if b.paradox]
    return said


@settings(max_examples=150, deadline=None)
@given(st.booleans().flatmap(lambda switch: votes(switch=switch)))
def test_every_reason_the_engine_writes_reads_the_same_in_english_and_wholly_translated(
    vote: tuple[Rules, list[Tally]],
) -> None:
    outcome = decide(*vote)
    with translation.override("en"):
        for english, said in _said(outcome):
            assert said == english
    for language in ("es", "zh-hans", "vi"):  # Tagalog says "turnout" and "quorum" too
        with translation.override(language):
            for english, said in _said(outcome):
                assert not ENGLISH.search(said), (language, english, said)


def test_a_reason_no_pattern_knows_is_shown_as_the_engine_wrote_it() -> None:
    with translation.override("es"):
        assert member_words.body_reason("something new: passes") == "something new: passes"
        assert member_words.overall_reason("passes: something new") == "passes: something new"


@pytest.mark.django_db
def test_the_results_page_gives_the_reasons_in_spanish(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result_row(vote, {"local-a": (30, 20, 10, 0), "local-b": (30, 19, 11, 0)})
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert (
        "20 votos a favor de 30 votos emitidos = exactamente 2/3, se necesita al menos 2/3" in page
    )
    assert "local-b no aprueba (1 de 2 locales aprueban)" in page
    assert "al menos 2/3 de los votos emitidos" in page  # the rule
    assert "Resultados · Contada" in page


@pytest.mark.django_db
def test_the_results_page_without_a_language_is_english(cast: Any) -> None:
    vote = vote_row(cast.world.negotiation, State.TALLIED)
    result_row(vote, {"local-a": (30, 20, 10, 0), "local-b": (30, 19, 11, 0)})
    url = reverse("votes_site:results", args=[vote.negotiation.slug, vote.pk])
    page = cast.client(None).get(url).content.decode()
    assert "Fails: local-b fails (1 of 2 locals pass)" in page
    assert "Results · Tallied" in page


@pytest.mark.django_db
def test_the_votes_list_names_each_state_in_vietnamese(cast: Any) -> None:
    vote_row(cast.world.negotiation, State.TALLIED)
    url = reverse("votes_site:list", args=[cast.world.negotiation.slug])
    page = cast.client(None).get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Đã kiểm phiếu" in page


def test_a_votes_kind_reads_in_tagalog() -> None:
    with translation.override("tl"):
        assert member_words.kind_words("strike") == "Awtorisasyon ng welga"
    assert member_words.kind_words("strike") == "Strike authorization"
