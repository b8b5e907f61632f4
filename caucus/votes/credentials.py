"""Issuing voting credentials: a fresh secret per voter (the engine's ``new_credential``, 192
bits), of which only the HMAC is stored (``ballot_box.hash_credential``). The secret itself
lives only as long as the batch that puts it in an e-mail or on a letter; issuing again voids
the one before. A voter who has voted is never issued one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from caucus.engines.ballots.credentials import new_credential
from caucus.votes.ballot_box import hash_credential
from caucus.votes.models import Vote, Voter

BATCH = 10_000


def issue_credentials(voter_ids: Sequence[int]) -> dict[int, str]:
    """New credentials for these voters (those who have not voted), by voter id; their hashes
    stored in one statement, the old ones void."""
    issued = {pk: new_credential() for pk in voter_ids}
    if not issued:
        return {}
    now = timezone.now()
    with transaction.atomic():
        stored = _store_hashes(now, [(pk, hash_credential(c)) for pk, c in issued.items()])
    return {pk: c for pk, c in issued.items() if pk in stored}


def _store_hashes(now: datetime, rows: list[tuple[int, str]]) -> set[int]:
    """Store the hashes of voters who have not voted; the ids of those stored."""
    table = Voter._meta.db_table
    ids = [pk for pk, _ in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} AS v SET credential_hash = d.digest, credential_issued_at = %s "  # noqa: S608 - the model's own table
                "FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS digest) AS d "
                "WHERE v.id = d.id AND NOT v.has_voted RETURNING v.id",
                [now, ids, [digest for _, digest in rows]],
            )
            return {pk for (pk,) in cursor.fetchall()}
        cursor.executemany(
            f"UPDATE {table} SET credential_hash = %s, credential_issued_at = %s "  # noqa: S608 - the model's own table
            "WHERE id = %s AND NOT has_voted",
            [(digest, now, pk) for pk, digest in rows],
        )
    voted = Voter.objects.filter(pk__in=ids, has_voted=True).values_list("pk", flat=True)
    return set(ids) - set(voted)


def issue_all(vote: Vote) -> int:
    """Credentials for every voter of the roll who has none and has not voted (for a roll
    that is handed out at once, and for the benchmark); how many."""
    ids = list(
        Voter.objects.filter(vote=vote, credential_hash__isnull=True, has_voted=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    done = 0
    for start in range(0, len(ids), BATCH):
        done += len(issue_credentials(ids[start : start + BATCH]))
    return done


def vote_address(vote: Vote) -> str:
    """The vote's page on the member site, where a member types their code."""
    return settings.SITE_URL + reverse("votes_site:vote", args=[vote.negotiation.slug, vote.pk])


def ballot_link(vote: Vote, credential: str) -> str:
    """The member's own link: the vote's page with their code."""
    return f"{vote_address(vote)}?code={credential}"


def read_code(typed: str) -> str:
    """A code as typed from a letter (in groups, with spaces or line breaks): the credential."""
    return "".join(typed.split())


def in_zone(vote: Vote, moment: datetime | None) -> str:
    """A moment of the vote as its members read it: in the vote's own time zone."""
    if moment is None:
        return ""
    local = timezone.localtime(moment, ZoneInfo(vote.time_zone))
    return f"{date_format(local, 'DATETIME_FORMAT')} ({vote.time_zone})"


def grouped(credential: str) -> str:
    """A credential for a letter, in groups of four characters, easier to type."""
    return " ".join(credential[i : i + 4] for i in range(0, len(credential), 4))
