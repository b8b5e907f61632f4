"""Who may reach each caucus.votes route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

Every vote made here has its roles, granted as the coalition admin would: election committee
``team``, teller ``officer_a``, trustee ``observer``. So:

- those who set up votes (``votes.manage``: admin, team, team_b where union B is covered) and
  the committee run it; observers (``votes.observe``) and everyone with a role in the vote see
  it, read-only unless their role says otherwise;
- organizers and local officers (``votes.turnout``) get turnout only, and the list of who has
  not voted of their own local; tellers get the roll search, paper and challenged ballots;
  the trustee checks the key; the committee and the trustee tally; the admin grants roles;
- members reach only the public pages, where their own ballot opens with their own code;
- nobody sees a choice before the tally: the results routes are asked of a counted vote.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from tests.people import EVERYONE

People = set[str | None]

MANAGE: People = {"admin", "team", "team_b"}
VIEW: People = MANAGE | {"observer", "officer_a"}  # observers; the teller and trustee roles
TELLER: People = {"team", "officer_a"}  # the committee and the teller
TRUSTEE: People = {"observer"}
TALLY: People = {"team", "observer"}  # the committee and the trustee
TURNOUT: People = MANAGE | {"observer", "officer_a", "officer_b", "organizer_a"}
NON_VOTERS: People = {"admin", "officer_a", "officer_b", "organizer_a"}  # votes.turnout
ADMIN: People = {"admin"}
STAFF_API = VIEW

RIGHTS: dict[str, tuple[str, People, tuple[str, ...]]] = {
    "votes:home": ("GET", TURNOUT, ()),
    "votes:list": ("GET", TURNOUT, ("slug",)),
    "votes:new": ("GET", MANAGE, ("slug",)),
    "votes:detail": ("GET", VIEW, ("pk=open_vote_pk",)),
    "votes:detail#draft": ("GET", VIEW, ("pk=draft_vote_pk",)),
    "votes:edit": ("GET", MANAGE, ("pk=draft_vote_pk",)),
    "votes:texts": ("GET", MANAGE, ("pk=draft_vote_pk",)),
    "votes:roll": ("GET", VIEW, ("pk=draft_vote_pk",)),
    "votes:roll_freeze": ("POST", MANAGE, ("pk=draft_vote_pk",)),
    "votes:roll_lock": ("POST", MANAGE, ("pk=draft_vote_pk",)),
    "votes:schedule": ("POST", MANAGE, ("pk=draft_vote_pk",)),
    "votes:roles": ("GET", ADMIN, ("pk=draft_vote_pk",)),
    "votes:role_revoke": ("POST", ADMIN, ("pk=open_vote_pk", "role_pk")),
    "votes:key": ("GET", MANAGE, ("pk=scheduled_vote_pk",)),
    "votes:key_check": ("GET", TRUSTEE, ("pk=scheduled_vote_pk",)),
    "votes:open": ("POST", MANAGE, ("pk=scheduled_vote_pk",)),
    "votes:close": ("POST", MANAGE, ("pk=open_vote_pk",)),
    "votes:certify": ("POST", MANAGE, ("pk=tallied_vote_pk",)),
    "votes:credentials": ("GET", MANAGE, ("pk=open_vote_pk",)),
    "votes:send_credentials": ("POST", MANAGE, ("pk=open_vote_pk",)),
    "votes:make_letters": ("POST", MANAGE, ("pk=open_vote_pk",)),
    "votes:reissue": ("POST", MANAGE, ("pk=open_vote_pk", "voter_pk")),
    "votes:mailing": ("GET", MANAGE, ("pk=open_vote_pk", "mailing_pk")),
    "votes:retry": ("POST", MANAGE, ("pk=open_vote_pk", "mailing_pk")),
    "votes:letters_pdf": ("GET", MANAGE, ("pk=open_vote_pk", "mailing_pk")),
    "votes:strike": ("GET", TELLER, ("pk=open_vote_pk",)),
    "votes:strike_off": ("POST", TELLER, ("pk=open_vote_pk", "voter_pk")),
    "votes:paper": ("GET", TELLER, ("pk=open_vote_pk",)),
    "votes:paper_resolve": ("POST", MANAGE, ("pk=closed_vote_pk",)),
    "votes:challenged": ("GET", TELLER, ("pk=open_vote_pk",)),
    "votes:challenge_decide": ("POST", MANAGE, ("pk=open_vote_pk", "ballot_pk")),
    "votes:turnout": ("GET", TURNOUT, ("pk=open_vote_pk",)),
    "votes:not_voted": ("GET", NON_VOTERS, ("pk=open_vote_pk",)),
    "votes:remind": ("POST", NON_VOTERS, ("pk=open_vote_pk",)),
    "votes:tally": ("GET", TALLY, ("pk=closed_vote_pk",)),
    "votes:results": ("GET", VIEW, ("pk=tallied_vote_pk",)),
    "votes:results#before_the_count": ("GET", VIEW, ("pk=open_vote_pk",)),
    "votes:draft_update": ("POST", MANAGE, ("pk=tallied_vote_pk",)),
    "votes:package": ("GET", VIEW, ("pk=tallied_vote_pk",)),
    "votes_site:list": ("GET", EVERYONE, ("slug",)),
    "votes_site:vote": ("GET", EVERYONE, ("slug", "pk=open_vote_pk")),
    "votes_site:receipt": ("GET", EVERYONE, ("slug", "pk=open_vote_pk")),
    "votes_site:results": ("GET", EVERYONE, ("slug", "pk=tallied_vote_pk")),
    "api:list_votes": ("GET", TURNOUT, ("slug",)),
    "api:get_vote": ("GET", VIEW, ("slug", "vote_id=open_vote_pk")),
    "api:get_vote_turnout": ("GET", TURNOUT, ("slug", "vote_id=open_vote_pk")),
    "api:get_vote_result": ("GET", VIEW, ("slug", "vote_id=tallied_vote_pk")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``, one vote in each state a route needs (rows only: no key, no roll
    hashing, no engine), each with its roles; member_a on the open vote's roll."""
    from caucus.votes.models import ChallengedBallot, State, VoteMailing
    from tests.votes.helpers import grant, result_row, vote_row, voter_row

    votes = {state: vote_row(negotiation, state) for state in State.values}
    for vote in votes.values():
        for name, role in (("team", "committee"), ("officer_a", "teller"), ("observer", "trustee")):
            grant(vote, cast[name], role)
    keys = sorted(votes[State.OPEN].local_keys().values())
    result_row(votes[State.TALLIED], dict.fromkeys(keys, (20, 15, 4, 1)))
    opened = votes[State.OPEN]
    voter = voter_row(opened, cast.member_record)
    mailing = VoteMailing.objects.create(
        vote=opened,
        kind=VoteMailing.Kind.LETTERS,
        status=VoteMailing.Status.DONE,
        letters=ContentFile(b"%PDF-1.7\n", name="letters.pdf"),
    )
    challenged = ChallengedBallot.objects.create(
        vote=opened,
        union=cast.world.union_a,
        name="Sam Newhire",
        reason=ChallengedBallot.Reason.NOT_ON_ROLL,
        sealed=bytes(112),
        receipt="0000-0000-0000-0000-0001",
    )
    return {
        "draft_vote_pk": votes[State.DRAFT].pk,
        "scheduled_vote_pk": votes[State.SCHEDULED].pk,
        "open_vote_pk": opened.pk,
        "closed_vote_pk": votes[State.CLOSED].pk,
        "tallied_vote_pk": votes[State.TALLIED].pk,
        "role_pk": opened.roles.get(role="trustee").pk,
        "voter_pk": voter.pk,
        "mailing_pk": mailing.pk,
        "ballot_pk": challenged.pk,
    }
