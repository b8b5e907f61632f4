"""Credentials and reminders going out: voting links by e-mail, printed letters for members
without a personal e-mail, re-issuing one voter's credential, and reminders to those who have
not voted.

Each is a ``VoteMailing`` job with one ``MailingRecipient`` row per voter, made by an action
(atomic, audited, the task enqueued on commit) and run by one worker (``Job.claim``). A
credential is issued in the batch that sends it, so it exists in the clear only in that
e-mail or that letter; each recipient ends ``sent`` or ``failed`` with the reason, and a
failed recipient is sent again with a new credential (``do_retry_failed``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from caucus.accounts.models import Actor
from caucus.audit.log import record
from caucus.votes import letters
from caucus.votes.credentials import ballot_link, in_zone, issue_credentials, vote_address
from caucus.votes.errors import VoteError, require, require_state
from caucus.votes.mail import send_vote_mail
from caucus.votes.models import MailingRecipient, State, Vote, VoteMailing, Voter

log = logging.getLogger(__name__)
BATCH = 200
Kind = VoteMailing.Kind


def with_email(voters: QuerySet[Voter]) -> QuerySet[Voter]:
    """Voters the union may e-mail: a personal address on the roster (never the employer's)."""
    return voters.filter(member__email_is_employers=False).exclude(
        Q(member__email="") | Q(member__isnull=True)
    )


def _mailing(actor: Actor, vote: Vote, kind: str, voters: QuerySet[Voter]) -> VoteMailing:
    mailing = VoteMailing.objects.create(vote=vote, kind=kind, created_by=actor)
    ids = list(voters.order_by("pk").values_list("pk", flat=True))
    MailingRecipient.objects.bulk_create(
        [MailingRecipient(mailing=mailing, voter_id=pk) for pk in ids], batch_size=5000
    )
    mailing.rows_total = len(ids)
    mailing.save(update_fields=["rows_total"])
    transaction.on_commit(lambda: run_mailing_in_background.enqueue(mailing.pk))
    return mailing


def _require_sendable(actor: Actor, vote: Vote) -> None:
    require(actor, vote, "manage")
    require_state(vote, State.SCHEDULED, State.OPEN, doing="sending credentials")


@transaction.atomic
def do_send_credentials(actor: Actor, vote: Vote) -> VoteMailing:
    """E-mail a voting link to every voter with a personal e-mail who has no credential yet."""
    _require_sendable(actor, vote)
    voters = with_email(vote.voters.filter(credential_hash__isnull=True, has_voted=False))
    mailing = _mailing(actor, vote, Kind.CREDENTIALS, voters)
    record(actor, "vote.credentials_send", vote, recipients=mailing.rows_total)
    return mailing


@transaction.atomic
def do_make_letters(actor: Actor, vote: Vote) -> VoteMailing:
    """Letters (one PDF, a page per voter, by worksite) for voters with no personal e-mail
    and no credential yet."""
    _require_sendable(actor, vote)
    voters = vote.voters.filter(credential_hash__isnull=True, has_voted=False)
    voters = voters.exclude(pk__in=with_email(voters).values("pk"))
    mailing = _mailing(actor, vote, Kind.LETTERS, voters)
    record(actor, "vote.letters_make", vote, recipients=mailing.rows_total)
    return mailing


@transaction.atomic
def do_reissue_credential(actor: Actor, voter: Voter) -> VoteMailing:
    """A new credential for one voter (the old one stops working), by e-mail or as a letter."""
    vote = voter.vote
    _require_sendable(actor, vote)
    if voter.has_voted:
        raise VoteError("This member has already voted: there is nothing to re-issue.")
    kind = Kind.CREDENTIALS if with_email(Voter.objects.filter(pk=voter.pk)) else Kind.LETTERS
    Voter.objects.filter(pk=voter.pk).update(credential_hash=None)  # void it now, not later
    mailing = _mailing(actor, vote, kind, Voter.objects.filter(pk=voter.pk))
    record(actor, "vote.credential_reissue", vote, voter=voter.key, by=kind)
    return mailing


@transaction.atomic
def do_retry_failed(actor: Actor, mailing: VoteMailing) -> VoteMailing:
    """Send again, with new credentials, to the recipients a mailing failed."""
    vote = mailing.vote
    _require_sendable(actor, vote)
    failed = mailing.recipients.filter(status=MailingRecipient.Status.FAILED)
    voters = vote.voters.filter(pk__in=failed.values("voter_id"), has_voted=False)
    again = _mailing(actor, vote, mailing.kind, voters)
    record(actor, "vote.mailing_retry", vote, mailing=mailing.pk, recipients=again.rows_total)
    return again


@transaction.atomic
def do_send_reminders(actor: Actor, vote: Vote, union_ids: Sequence[int] | None) -> VoteMailing:
    """Remind, by e-mail, the voters of these locals (None: all) who have not voted yet."""
    require(actor, vote, "turnout")
    require_state(vote, State.OPEN, doing="sending reminders")
    voters = with_email(vote.voters.filter(has_voted=False))
    if union_ids is not None:
        voters = voters.filter(union_id__in=union_ids)
    mailing = _mailing(actor, vote, Kind.REMINDERS, voters)
    if union_ids is not None:
        mailing.unions.set(union_ids)
    record(actor, "vote.reminders_send", vote, recipients=mailing.rows_total)
    return mailing


@task()
def run_mailing_in_background(mailing_id: int) -> None:
    run_mailing(mailing_id)


def run_mailing(mailing_id: int) -> None:
    mailing = VoteMailing.claim(mailing_id)
    if mailing is None:
        return
    mailing = VoteMailing.objects.select_related("vote__negotiation").get(pk=mailing.pk)
    try:
        if mailing.kind == Kind.LETTERS:
            _print_letters(mailing)
        else:
            _send(mailing)
    except Exception as exc:
        log.exception("vote mailing %s failed", mailing_id)
        mailing.fail(f"{type(exc).__name__}: {exc}")
        return
    mailing.finish(
        sent=mailing.recipients.filter(status=MailingRecipient.Status.SENT).count(),
        failed=mailing.recipients.filter(status=MailingRecipient.Status.FAILED).count(),
    )


def _waiting(mailing: VoteMailing) -> Any:
    return (
        mailing.recipients.filter(status=MailingRecipient.Status.WAITING)
        .select_related("voter__member")
        .order_by("pk")
    )


def _send(mailing: VoteMailing) -> None:
    done = 0
    while batch := list(_waiting(mailing)[:BATCH]):
        issued = {}
        if mailing.kind == Kind.CREDENTIALS:
            issued = issue_credentials([r.voter_id for r in batch])
        for recipient in batch:
            _send_one(mailing, recipient, issued.get(recipient.voter_id))
        done += len(batch)
        mailing.report(done, stage=_("Sending"))


def _send_one(mailing: VoteMailing, recipient: MailingRecipient, credential: str | None) -> None:
    voter = recipient.voter
    status, error = MailingRecipient.Status.SENT, ""
    if mailing.kind == Kind.CREDENTIALS and credential is None:
        status, error = MailingRecipient.Status.FAILED, "voted before the link was sent"
    elif voter.member is None:
        status, error = MailingRecipient.Status.FAILED, "no longer on the roster"
    else:
        try:
            subject, body = message_for(mailing, voter, credential)
            send_vote_mail(voter.member.email, subject, body)
        except Exception as exc:  # any refusal of the mail server, recorded per recipient
            status, error = MailingRecipient.Status.FAILED, f"{type(exc).__name__}: {exc}"[:300]
    MailingRecipient.objects.filter(pk=recipient.pk).update(status=status, error=error)


def message_for(mailing: VoteMailing, voter: Voter, credential: str | None) -> tuple[str, str]:
    """The e-mail to ``voter``, in their language: their voting link, or a reminder."""
    vote = mailing.vote
    member = voter.member
    with translation.override(member.language if member else "en"):
        text = vote.text_in(translation.get_language() or "en")
        facts = {
            "name": member.first_name if member else "",
            "question": text.question if text else vote.title,
            "opens": in_zone(vote, vote.opens_at),
            "closes": in_zone(vote, vote.closes_at),
        }
        if credential is not None:
            facts["link"] = ballot_link(vote, credential)
            subject = _("Your ballot: %(question)s") % facts
            body = _(
                "Hello %(name)s,\n\nYou can vote on this question:\n%(question)s\n\n"
                "Voting is open from %(opens)s until %(closes)s.\n\n"
                "Your own voting link (it lets you vote once; do not share it):\n%(link)s\n\n"
                "Your vote is secret: no one, not even the union's staff, can see how you "
                "voted.\n"
            )
        else:
            facts["link"] = vote_address(vote)
            subject = _("Reminder: you have not voted yet: %(question)s") % facts
            body = _(
                "Hello %(name)s,\n\nYou have not voted yet on this question:\n%(question)s\n\n"
                "Voting closes %(closes)s. Use the voting link we sent you by e-mail or "
                "letter, or ask your local for a new one. The vote's page:\n%(link)s\n"
            )
    return subject, body % facts


def _print_letters(mailing: VoteMailing) -> None:
    recipients = list(_waiting(mailing).select_related("voter__worksite", "voter__union"))
    issued: dict[int, str] = {}
    for start in range(0, len(recipients), BATCH):
        chunk = recipients[start : start + BATCH]
        issued.update(issue_credentials([r.voter_id for r in chunk]))
        mailing.report(min(start + BATCH, len(recipients)), stage=_("Issuing credentials"))
    printed = [(r.voter, issued[r.voter_id]) for r in recipients if r.voter_id in issued]
    if printed:
        mailing.report(len(recipients), stage=_("Printing the letters"))
        pdf = letters.letters_pdf(mailing.vote, printed)
        name = f"vote-{mailing.vote_id}-letters-{mailing.pk}.pdf"
        mailing.letters.save(name, ContentFile(pdf))
    mailing.recipients.filter(voter_id__in=list(issued)).update(status=MailingRecipient.Status.SENT)
    mailing.recipients.exclude(voter_id__in=list(issued)).update(
        status=MailingRecipient.Status.FAILED, error="voted before the letter was printed"
    )
