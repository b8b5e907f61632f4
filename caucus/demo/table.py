"""The demo's bargaining round: a national negotiation a few months in, with sessions behind
and ahead, passes and counters on the big articles, an employer "option", a package and two
tentative agreements (its requests, reports and charge are in ``caucus.demo.evidence``).

Dates are placed around ``today`` so the round always looks current. The round is entered
through the table's actions, as the team would enter it, by the team's user; what happened
before today is then backdated (``caucus.demo.past``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from caucus.demo.orgs import Orgs
from caucus.demo.passes import OPEN, PASSES, SUPERSEDED, TA, WAGE_RAISES, E, wage_terms
from caucus.demo.past import backdate, backdate_events_since, last_event_id, moment
from caucus.demo.texts import ARTICLES
from caucus.orgs.models import BargainingUnit
from caucus.table.actions import do_pass_proposal, do_record_session, do_set_proposal_status
from caucus.table.models import (
    Article,
    Negotiation,
    Package,
    Proposal,
    ProposalEvent,
    Session,
    TentativeAgreement,
)

# Sessions every ten days from four months ago; the last three are still ahead.
SESSION_COUNT = 15
FIRST_SESSION_DAYS_AGO = 120
PLACES = ["Union hall, Oakland", "Harborline offices, Seattle", "Hotel conference room, Chicago"]
# Each place's time zone: the sessions' times are the clock times there.
ZONES = {
    "Union hall, Oakland": "America/Los_Angeles",
    "Harborline offices, Seattle": "America/Los_Angeles",
    "Hotel conference room, Chicago": "America/Chicago",
}
# Passes are entered late in the morning of their session, agreements signed at its end.
PASS_HOUR, SIGN_HOUR = 11, 16
# The employer's package, passed as one at session 9 (index 8).
PACKAGE_SESSION = 8
PACKAGED = ("e_wages2", "e_ps", "e_ben")
# The tentative agreements: the pass agreed, and the session (index) it was signed at.
AGREEMENTS = [("u_rec", 6), ("e_griev", 4)]


@dataclass
class Round:
    negotiation: Negotiation
    sessions: list[Session] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)


def build_round(orgs: Orgs, today: date, team: Any) -> Round:
    rnd = Round(negotiation=_negotiation(orgs, today))
    rnd.articles = _articles(rnd.negotiation)
    rnd.sessions = _sessions(rnd.negotiation, today, team)
    _passes(rnd, today, team)
    for key, at in AGREEMENTS:
        _sign(rnd, team, key, rnd.sessions[at])
    return rnd


def _negotiation(orgs: Orgs, today: date) -> Negotiation:
    negotiation = Negotiation.objects.create(
        coalition=orgs.coalition,
        employer=orgs.employer,
        name="National Agreement 2026",
        slug="national-2026",
        status=Negotiation.Status.BARGAINING,
        contract_expires=today + timedelta(days=45),
        public_intro=(
            "Ten locals, one table. We are bargaining our first national agreement with "
            "Harborline Coffee Company: **wages we can live on, stores staffed to do the job, "
            "and a fair share of the profits we make.**"
        ),
        get_involved=(
            "- Talk to your steward about the next store meeting.\n"
            "- Sign the strike pledge if it comes to that.\n"
            "- Report any message the company sends you about bargaining."
        ),
    )
    negotiation.units.set(BargainingUnit.objects.filter(union__coalition=orgs.coalition))
    return negotiation


def _articles(negotiation: Negotiation) -> dict[str, Article]:
    return {
        number: Article.objects.create(
            negotiation=negotiation,
            number=number,
            title=title,
            current_text="\n\n".join(paragraphs),
            order=order,
            is_economic=economic,
        )
        for order, (number, title, economic, paragraphs) in enumerate(ARTICLES, start=1)
    }


def _sessions(negotiation: Negotiation, today: date, team: Any) -> list[Session]:
    """The sessions held, with their notes, and the ones scheduled, still blank."""
    sessions = []
    for i in range(SESSION_COUNT):
        day = today - timedelta(days=FIRST_SESSION_DAYS_AGO - 10 * i)
        past = day < today
        sessions.append(
            do_record_session(
                team,
                negotiation,
                date=day,
                starts_at=time(10, 0),
                ends_at=time(17, 0) if past else None,
                place=PLACES[i % len(PLACES)],
                time_zone=ZONES[PLACES[i % len(PLACES)]],
                attendees=(
                    "Union: coalition bargaining team (14)\nCompany: labor relations, counsel"
                    if past
                    else ""
                ),
                internal_notes=(
                    f"Session {i + 1}. Caucused twice. Company counsel signalled movement on "
                    "scheduling if we slow down on profit sharing."
                    if past
                    else ""
                ),
                public_summary=(
                    f"Session {i + 1}: we were at the table from 10 to 5. Read the update for "
                    "what moved."
                    if past
                    else ""
                ),
            )
        )
    return sessions


def _passes(rnd: Round, today: date, team: Any) -> None:
    """Every pass in the order it was made: each later pass supersedes its side's earlier
    one on the article, as the table's rule has it."""
    package = _package(rnd)
    term_start = today + timedelta(days=46)
    for key, article, side, kind, at, answers, _status, published, title, text, terms in PASSES:
        if key in WAGE_RAISES:
            terms = wage_terms(key, term_start, terms)
        fields = {
            "article": rnd.articles[article],
            "side": side,
            "kind": kind,
            "title": title,
            "text": text,
            "summary": title,
            "answers": rnd.proposals[answers] if answers else None,
            "is_published": published,
            "economic_terms": terms,
            "package": package if key in PACKAGED else None,
        }
        if at is None:
            rnd.proposals[key] = _draft(rnd, team, passed_on=rnd.sessions[-3].date, **fields)
        else:
            rnd.proposals[key] = _pass(rnd, team, rnd.sessions[at], **fields)
    statuses = dict(rnd.negotiation.proposals.values_list("pk", "status"))
    for proposal in rnd.proposals.values():
        proposal.status = statuses[proposal.pk]


def _package(rnd: Round) -> Package:
    # Packages have no action of their own: the package is written here, and its proposals
    # join it as they are passed.
    return Package.objects.create(
        negotiation=rnd.negotiation,
        side=E,
        title="Company economic package",
        summary="Wages, profit sharing and benefits together, to be accepted or rejected as one.",
        session=rnd.sessions[PACKAGE_SESSION],
    )


def _pass(rnd: Round, team: Any, session: Session, **fields: Any) -> Proposal:
    when = moment(session.date, PASS_HOUR)
    since = last_event_id()
    proposal = do_pass_proposal(
        team, rnd.negotiation, session=session, passed_on=session.date, **fields
    )
    backdate(proposal, when, "created_at")
    backdate_events_since(since, when)
    return proposal


def _draft(rnd: Round, team: Any, **fields: Any) -> Proposal:
    """A counter the team is preparing for the next session. ``do_pass_proposal`` knows no
    proposal that has not been passed: entering it would supersede the union's scheduling
    proposal, still on the table. So the draft is written directly, with the history the
    demo has always given it."""
    proposal = Proposal.objects.create(negotiation=rnd.negotiation, created_by=team, **fields)
    ProposalEvent.objects.create(proposal=proposal, actor=team, what="passed", to_status=OPEN)
    return proposal


def _sign(rnd: Round, team: Any, key: str, session: Session) -> TentativeAgreement:
    """Both sides sign off on a pass at ``session``; the pass it answered is settled too."""
    proposal = rnd.proposals[key]
    since = last_event_id()
    agreement = do_set_proposal_status(team, proposal, TA, signed_on=session.date)
    if agreement is None:
        raise RuntimeError(f"the demo's {key} made no tentative agreement")
    # The action files the agreement under the session the pass was made at; it was
    # signed at a later one.
    TentativeAgreement.objects.filter(pk=agreement.pk).update(session=session)
    agreement.session = session
    answered = proposal.answers
    if answered is not None and answered.status == OPEN:
        _settle(team, answered, proposal)
    backdate_events_since(since, moment(session.date, SIGN_HOUR))
    return agreement


def _settle(team: Any, answered: Proposal, agreed: Proposal) -> None:
    """The other side's proposal, answered by the pass agreed, is off the table. No action
    does this (a status of "superseded" only follows a new pass of the same side), so the
    demo writes the status and its event as ``do_pass_proposal`` would."""
    Proposal.objects.filter(pk=answered.pk).update(status=SUPERSEDED)
    answered.status = SUPERSEDED
    ProposalEvent.objects.create(
        proposal=answered,
        actor=team,
        what="superseded",
        from_status=OPEN,
        to_status=SUPERSEDED,
        note=f"Settled by the tentative agreement on proposal #{agreed.pk}.",
    )
