"""The ballot box: a member's credential, the cast, and the shuffle at close.

``cast_ballot`` seals the choice to the vote's public key first, then marks the voter and
stores the sealed ballot in ONE statement on PostgreSQL (a data-modifying CTE through
``connection.cursor()``): either both rows are written or neither, two casts with the same
credential cannot both succeed (the second waits on the voter row, then finds it voted), and
no audit row, timestamp or address is written beside the ballot. Elsewhere (SQLite, the demo's
default) the same two writes run in one transaction, which SQLite serializes.

Both rows of a cast share a transaction id and sit near each other on disk. That link is why
every choice is sealed: what it ties to a voter cannot be read without the trustees' key.
``reshuffle`` (at close, and again before the tally) rewrites the ballots in a random order
in one statement, so even that link is gone before the key is ever used.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from caucus.engines.ballots.credentials import credential_hash
from caucus.engines.ballots.receipts import receipt_code
from caucus.engines.ballots.sealing import seal_choice
from caucus.votes.models import OPTIONS, Ballot, Channel, State, Vote, Voter

CAST, ALREADY_VOTED, UNKNOWN, NOT_OPEN = "cast", "already_voted", "unknown", "not_open"

_CAST_SQL = """
WITH marked AS (
    UPDATE votes_voter AS v
       SET has_voted = TRUE, channel = 'online',
           voted_hour = date_trunc('hour', statement_timestamp())
      FROM votes_vote AS w
     WHERE v.vote_id = %(vote)s AND v.credential_hash = %(digest)s AND NOT v.has_voted
       AND w.id = v.vote_id AND w.state = 'open' AND w.online
       AND w.opens_at <= statement_timestamp() AND statement_timestamp() < w.closes_at
 RETURNING v.union_id
)
INSERT INTO votes_ballot (id, vote_id, union_id, sealed, receipt)
SELECT %(id)s, %(vote)s, union_id, %(sealed)s, %(receipt)s FROM marked
"""


@dataclass(frozen=True)
class CastResult:
    """``status``: ``cast`` (with the member's ``receipt``), ``already_voted`` (online or
    struck off at a meeting), ``unknown`` (no such credential) or ``not_open``."""

    status: str
    receipt: str = ""
    channel: str = ""

    @property
    def is_cast(self) -> bool:
        return self.status == CAST


def credential_key() -> bytes:
    """The HMAC key credentials are stored under: kept outside the database (settings)."""
    configured = settings.CAUCUS_VOTE_CREDENTIAL_KEY
    if configured:
        return configured.encode("utf-8")
    return hashlib.sha256(f"caucus-vote-credentials\0{settings.SECRET_KEY}".encode()).digest()


def hash_credential(credential: str) -> str:
    return credential_hash(credential, credential_key())


def voter_for(vote: Vote, credential: str) -> Voter | None:
    """The voter a credential belongs to, or None (a wrong or voided credential)."""
    credential = credential.strip()
    if not credential or len(credential) > 100:
        return None
    return (
        Voter.objects.filter(vote=vote, credential_hash=hash_credential(credential))
        .select_related("member", "union")
        .first()
    )


def cast_ballot(vote: Vote, credential: str, choice: str) -> CastResult:
    """Cast ``choice`` for the holder of ``credential``: sealed, stored, the voter marked."""
    if choice not in OPTIONS:
        raise ValueError(f"{choice!r} is not an option of this vote")
    sealed = seal_choice(vote.key_bytes(), choice)
    receipt = receipt_code(sealed)
    digest = hash_credential(credential.strip())
    if connection.vendor == "postgresql":
        params: dict[str, Any] = {
            "vote": vote.pk,
            "digest": digest,
            "id": uuid.uuid4(),
            "sealed": sealed,
            "receipt": receipt,
        }
        with connection.cursor() as cursor:
            cursor.execute(_CAST_SQL, params)
            stored = cursor.rowcount == 1
    else:
        stored = _cast_in_a_transaction(vote, digest, sealed, receipt)
    if stored:
        return CastResult(CAST, receipt, Channel.ONLINE)
    return _why_not(vote, digest)


def _cast_in_a_transaction(vote: Vote, digest: str, sealed: bytes, receipt: str) -> bool:
    now = timezone.now()
    with transaction.atomic():
        if not Vote.objects.filter(
            pk=vote.pk, state=State.OPEN, online=True, opens_at__lte=now, closes_at__gt=now
        ).exists():
            return False
        voters = Voter.objects.filter(vote=vote, credential_hash=digest, has_voted=False)
        union_id = voters.values_list("union_id", flat=True).first()
        if union_id is None:
            return False
        marked = voters.update(has_voted=True, channel=Channel.ONLINE, voted_hour=hour_of(now))
        if marked != 1:
            return False
        Ballot.objects.create(vote=vote, union_id=union_id, sealed=sealed, receipt=receipt)
    return True


def _why_not(vote: Vote, digest: str) -> CastResult:
    voter = Voter.objects.filter(vote=vote, credential_hash=digest).first()
    if voter is None:
        return CastResult(UNKNOWN)
    if voter.has_voted:
        return CastResult(ALREADY_VOTED, channel=voter.channel)
    return CastResult(NOT_OPEN)


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def reshuffle(vote: Vote) -> int:
    """Rewrite the vote's sealed ballots in a random order, with new random ids, in one
    statement that takes exactly the rows it returns (a ballot committed meanwhile is never
    lost: it is either taken and written back, or left where it is). Returns how many."""
    table = Ballot._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE vote_id = %s RETURNING union_id, sealed, receipt",  # noqa: S608 - the model's own table name
            [vote.pk],
        )
        rows = cursor.fetchall()
        secrets.SystemRandom().shuffle(rows)
        Ballot.objects.bulk_create(
            [
                Ballot(id=uuid.uuid4(), vote=vote, union_id=u, sealed=bytes(s), receipt=r)
                for u, s, r in rows
            ],
            batch_size=5000,
        )
    return len(rows)
