"""What PostgreSQL itself could tell about who voted how, tried on a real PostgreSQL.

Marking a voter and storing their ballot happen in one statement, so the two rows share a
transaction id (``xmin``), sit near each other on disk (``ctid``) and come in the same order.
A join on any of these links voters to ballots while the vote is open. These tests show that
what it links is sealed (112 bytes that differ for the same choice, opened only by the
trustees' key, which is not in the database), and that after the vote closes the join links
nothing at all. Then the race: every credential sent twice at once, exactly one accepted.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections
from nacl.public import SealedBox

from caucus.engines.ballots.keys import load_trustee_file
from caucus.engines.ballots.sealing import SEALED_SIZE, unpad
from caucus.votes import ballot_box, credentials, states
from caucus.votes.models import Ballot, Voter
from tests.votes.helpers import PASSPHRASE, members, open_vote

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="xmin and ctid are PostgreSQL's"),
]

BY_XMIN = """
SELECT v.key, b.sealed FROM votes_voter v JOIN votes_ballot b ON b.xmin = v.xmin
 WHERE v.vote_id = %s AND b.vote_id = %s AND v.has_voted
"""
# Each table in physical order (ctid), numbered; the n-th voter marked beside the n-th ballot.
BY_ORDER = """
WITH v AS (SELECT key, row_number() OVER (ORDER BY ctid) AS n FROM votes_voter
            WHERE vote_id = %s AND has_voted),
     b AS (SELECT sealed, row_number() OVER (ORDER BY ctid) AS n FROM votes_ballot
            WHERE vote_id = %s)
SELECT v.key, b.sealed FROM v JOIN b USING (n)
"""


@pytest.fixture
def cast_twenty(cast: Any) -> tuple[Any, dict[str, str]]:
    """Twenty members of union A voted, in order, each in their own transaction: the even
    ones yes, the odd ones no. Returns the vote, its trustee file and each choice, by key."""
    members(cast.world, a=19, b=0)
    vote, key_file = open_vote(cast)
    issued = credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True)))
    keys = dict(Voter.objects.values_list("pk", "key"))
    chosen = {}
    for i, (pk, credential) in enumerate(sorted(issued.items())):
        choice = "yes" if i % 2 == 0 else "no"
        assert ballot_box.cast_ballot(vote, credential, choice).is_cast
        chosen[keys[pk]] = choice
    return vote, key_file, chosen


def _links(sql: str, vote: Any) -> list[tuple[str, bytes]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, [vote.pk, vote.pk])
        return [(key, bytes(sealed)) for key, sealed in cursor.fetchall()]


def test_joining_on_xmin_links_each_voter_to_a_ballot_that_is_sealed(cast_twenty: Any) -> None:
    vote, key_file, chosen = cast_twenty
    links = _links(BY_XMIN, vote)
    assert len(links) == 20  # the join does link them: that is why the choice is sealed
    sealed = [s for _, s in links]
    assert all(len(s) == SEALED_SIZE for s in sealed)
    assert len(set(sealed)) == 20  # ten yes and ten no, twenty different byte strings
    for s in sealed:
        assert b"yes" not in s
        assert b"no" not in s
        assert unpad(s[:64]) is None  # nothing readable without opening the box
    # Only the trustees' key, which the database never holds, would read what the join links.
    box = SealedBox(load_trustee_file(key_file, PASSPHRASE))
    assert {key: unpad(box.decrypt(s)) for key, s in links} == chosen


def test_the_order_on_disk_links_voters_to_sealed_ballots_only(cast_twenty: Any) -> None:
    vote, _, _ = cast_twenty
    links = _links(BY_ORDER, vote)
    assert len(links) == 20
    assert all(len(s) == SEALED_SIZE for _, s in links)


def test_after_closing_the_xmin_join_links_nothing_and_the_order_is_shuffled(
    cast_twenty: Any, cast: Any
) -> None:
    vote, _, _ = cast_twenty
    before = [s for _, s in _links(BY_ORDER, vote)]
    states.do_close_vote(cast["team"], vote)
    assert _links(BY_XMIN, vote) == []
    after = [bytes(s) for s in _ordered_ballots(vote)]
    assert sorted(after) == sorted(before)  # every ballot kept
    assert after != before  # in another order (the same one by chance: 1 in 20!)


def _ordered_ballots(vote: Any) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sealed FROM votes_ballot WHERE vote_id = %s ORDER BY ctid", [vote.pk]
        )
        return [row[0] for row in cursor.fetchall()]


def test_every_credential_sent_twice_at_once_is_accepted_exactly_once(cast: Any) -> None:
    members(cast.world, a=29, b=0)
    vote, _ = open_vote(cast)
    issued = list(
        credentials.issue_credentials(list(vote.voters.values_list("pk", flat=True))).values()
    )
    together = {c: threading.Barrier(2, timeout=30) for c in issued}

    def attempt(credential: str) -> str:
        try:
            together[credential].wait()  # both copies of a credential go at the same moment
            return ballot_box.cast_ballot(vote, credential, "yes").status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(attempt, [c for c in issued for _ in range(2)]))
    assert statuses.count("cast") == 30
    assert statuses.count("already_voted") == 30
    assert Ballot.objects.filter(vote=vote).count() == 30
    assert Voter.objects.filter(vote=vote, has_voted=True).count() == 30
