"""Credentials going out: a voting link to each member's personal e-mail, in their language;
printed letters for the others, sorted by worksite; one recipient row per voter, so a send
that fails is recorded and sent again with a new credential; reminders only to those who
have not voted."""

from __future__ import annotations

import re
import subprocess
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from caucus.audit.models import AuditEvent
from caucus.votes import ballot_box, mailings
from caucus.votes.models import MailingRecipient, VoteMailing, Voter
from tests.tools import need
from tests.votes.helpers import members, open_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote(cast: Any) -> Any:
    """An open vote: A-100 (English), A-1 (Spanish), B-1; B-2 has only an employer address."""
    world = cast.world
    members(world, a=1, b=1)
    world.member(
        world.union_b,
        member_id="B-2",
        first_name="Noa",
        email="noa@megacorp.example",
        email_is_employers=True,
        worksite=world.worksite_south,
    )
    return open_vote(cast)[0]


def _code(message: Any) -> str:
    return re.search(r"\?code=([\w-]+)", message.body).group(1)


def test_each_member_with_a_personal_email_gets_their_own_link(
    cast: Any, vote: Any, committed: Any
) -> None:
    with committed():
        mailing = mailings.do_send_credentials(cast["team"], vote)
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent, mailing.failed) == ("done", 3, 0)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a-100@personal.example",
        "a-1@personal.example",
        "b-1@personal.example",
    ]
    assert "noa@megacorp.example" not in [m.to[0] for m in mail.outbox]
    codes = {_code(m) for m in mail.outbox}
    assert len(codes) == 3


def test_the_link_in_the_email_opens_the_members_ballot(
    cast: Any, vote: Any, committed: Any
) -> None:
    with committed():
        mailings.do_send_credentials(cast["team"], vote)
    message = next(m for m in mail.outbox if m.to == ["a-1@personal.example"])
    link = re.search(r"https?://\S+", message.body).group(0)
    page = Client().get(link.split("testserver")[-1].replace("http://127.0.0.1:8000", ""))
    assert "Sí, autorizo una huelga" in page.content.decode()


def test_sending_twice_does_not_void_the_links_already_sent(
    cast: Any, vote: Any, committed: Any
) -> None:
    with committed():
        mailings.do_send_credentials(cast["team"], vote)
    first = {m.to[0]: _code(m) for m in mail.outbox}
    with committed():
        again = mailings.do_send_credentials(cast["team"], vote)
    assert again.rows_total == 0
    assert ballot_box.cast_ballot(vote, first["a-1@personal.example"], "yes").is_cast


def test_a_refused_message_is_recorded_and_sent_again_with_a_new_link(
    cast: Any, vote: Any, committed: Any, monkeypatch: Any
) -> None:
    real = mailings.send_vote_mail

    def flaky(to: str, subject: str, body: str) -> None:
        if to.startswith("b-1"):
            raise ConnectionRefusedError("relay down")
        real(to, subject, body)

    monkeypatch.setattr(mailings, "send_vote_mail", flaky)
    with committed():
        mailing = mailings.do_send_credentials(cast["team"], vote)
    failed = MailingRecipient.objects.get(mailing=mailing, status="failed")
    assert failed.voter.key == "local-b:B-1"
    assert "relay down" in failed.error
    monkeypatch.setattr(mailings, "send_vote_mail", real)
    with committed():
        retry = mailings.do_retry_failed(cast["team"], mailing)
    retry.refresh_from_db()
    assert (retry.sent, retry.failed) == (1, 0)
    assert mail.outbox[-1].to == ["b-1@personal.example"]


def test_members_without_a_personal_email_get_a_letter_page_sorted_by_worksite(
    cast: Any, vote: Any, committed: Any
) -> None:
    with committed():
        mailing = mailings.do_make_letters(cast["team"], vote)
    mailing.refresh_from_db()
    assert mailing.sent == 1
    pdftotext = need("pdftotext")
    text = subprocess.run(
        [pdftotext, mailing.letters.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Noa" in text
    assert "Store 2" in text
    assert Voter.objects.get(key="local-b:B-2").credential_hash is not None


def test_reissuing_voids_the_old_link_and_is_audited(cast: Any, vote: Any, committed: Any) -> None:
    with committed():
        mailings.do_send_credentials(cast["team"], vote)
    old = _code(next(m for m in mail.outbox if m.to == ["a-1@personal.example"]))
    voter = Voter.objects.get(key="local-a:A-1")
    with committed():
        mailings.do_reissue_credential(cast["team"], voter)
    new = _code(mail.outbox[-1])
    assert ballot_box.cast_ballot(vote, old, "yes").status == "unknown"
    assert ballot_box.cast_ballot(vote, new, "yes").is_cast
    assert AuditEvent.objects.get(action="vote.credential_reissue").detail["voter"] == (
        "local-a:A-1"
    )


def test_reminders_go_only_to_members_who_have_not_voted(
    cast: Any, vote: Any, committed: Any
) -> None:
    with committed():
        mailings.do_send_credentials(cast["team"], vote)
    code = _code(next(m for m in mail.outbox if m.to == ["a-1@personal.example"]))
    ballot_box.cast_ballot(vote, code, "yes")
    mail.outbox.clear()
    with committed():
        mailing = mailings.do_send_reminders(cast["organizer_a"], vote, [cast.world.union_a.pk])
    assert [m.to for m in mail.outbox] == [["a-100@personal.example"]]
    assert "?code=" not in mail.outbox[0].body
    assert VoteMailing.objects.get(pk=mailing.pk).kind == "reminders"
