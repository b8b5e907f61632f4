"""The demo's bargaining round: a national negotiation a few months in, with sessions behind
and ahead, passes and counters on the big articles, an employer "option", a package, two
tentative agreements, information requests (some refused or overdue), a charge and reports
of direct dealing.

Dates are placed around ``today`` so the round always looks current.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from caucus.demo.orgs import Orgs
from caucus.demo.passes import OPEN, PASSES, WAGE_RAISES, E, wage_terms
from caucus.demo.texts import ARTICLES
from caucus.orgs.models import BargainingUnit
from caucus.table.models import (
    Article,
    Charge,
    DirectDealingReport,
    InformationRequest,
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


@dataclass
class Round:
    negotiation: Negotiation
    sessions: list[Session] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)


def build_round(orgs: Orgs, today: date, team: Any) -> Round:
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
    rnd = Round(negotiation=negotiation)
    for order, (number, title, economic, paragraphs) in enumerate(ARTICLES, start=1):
        rnd.articles[number] = Article.objects.create(
            negotiation=negotiation,
            number=number,
            title=title,
            current_text="\n\n".join(paragraphs),
            order=order,
            is_economic=economic,
        )
    for i in range(SESSION_COUNT):
        day = today - timedelta(days=FIRST_SESSION_DAYS_AGO - 10 * i)
        past = day < today
        rnd.sessions.append(
            Session.objects.create(
                negotiation=negotiation,
                date=day,
                starts_at=time(10, 0),
                ends_at=time(17, 0) if past else None,
                place=PLACES[i % len(PLACES)],
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
                created_by=team,
            )
        )
    _passes(rnd, today, team)
    _follow_up(rnd, orgs, today)
    return rnd


def _passes(rnd: Round, today: date, team: Any) -> None:
    sessions = rnd.sessions
    term_start = today + timedelta(days=46)
    for key, article, side, kind, at, answers, status, published, title, text, terms in PASSES:
        session = sessions[at] if at is not None else None
        if key in WAGE_RAISES:
            terms = wage_terms(key, term_start, terms)
        rnd.proposals[key] = Proposal.objects.create(
            negotiation=rnd.negotiation,
            article=rnd.articles[article],
            side=side,
            kind=kind,
            title=title,
            text=text,
            summary=title,
            session=session,
            passed_on=session.date if session else sessions[-3].date,
            answers=rnd.proposals[answers] if answers else None,
            status=status,
            is_published=published,
            economic_terms=terms,
            created_by=team,
        )
    package = Package.objects.create(
        negotiation=rnd.negotiation,
        side=E,
        title="Company economic package",
        summary="Wages, profit sharing and benefits together, to be accepted or rejected as one.",
        session=sessions[8],
    )
    Proposal.objects.filter(
        pk__in=[rnd.proposals[k].pk for k in ("e_wages2", "e_ps", "e_ben")]
    ).update(package=package)
    events = []
    for proposal in rnd.proposals.values():
        events.append(ProposalEvent(proposal=proposal, actor=team, what="passed", to_status=OPEN))
        if proposal.status != OPEN:
            events.append(
                ProposalEvent(
                    proposal=proposal,
                    actor=team,
                    what="status",
                    from_status=OPEN,
                    to_status=proposal.status,
                )
            )
    ProposalEvent.objects.bulk_create(events)


def _follow_up(rnd: Round, orgs: Orgs, today: date) -> None:
    negotiation, sessions, articles = rnd.negotiation, rnd.sessions, rnd.articles
    for article, key, at in (("1", "u_rec", 6), ("7", "e_griev", 4)):
        TentativeAgreement.objects.create(
            negotiation=negotiation,
            article=articles[article],
            proposal=rnd.proposals[key],
            session=sessions[at],
            signed_on=sessions[at].date,
            text=rnd.proposals[key].text,
        )
    asked = [sessions[i].date for i in (0, 1, 3, 4, 6, 9)]
    requests = [
        (
            1,
            "Store labor hours, last three years",
            asked[0],
            14,
            "answered",
            "Spreadsheet received.",
        ),
        (
            2,
            "Profit and loss by region",
            asked[1],
            14,
            "refused",
            "The Company declines: regional results are not relevant to bargaining.",
        ),
        (3, "Turnover and vacancies by store", asked[2], 14, "pending", ""),
        (4, "Health plan costs and enrollment", asked[3], 21, "partial", "Enrollment only."),
        (5, "Plans for new stores and plants", asked[4], 14, "acknowledged", ""),
        (6, "Bonus payouts, last five years", asked[5], 45, "pending", ""),
    ]
    made = {}
    for number, title, on, due_in, status, answer in requests:
        done = status in ("answered", "refused", "partial")
        made[number] = InformationRequest.objects.create(
            negotiation=negotiation,
            number=number,
            title=title,
            items=f"{title}, by store and month.\nThe method used to compute it.",
            asked_on=on,
            acknowledged_on=on + timedelta(days=3) if status != "pending" else None,
            due_on=on + timedelta(days=due_in),
            answered_on=on + timedelta(days=due_in + 6) if done else None,
            status=status,
            answer=answer,
        )
    sites = orgs.worksites["CAL"] + orgs.worksites["MID"]
    reports = [
        (
            "email",
            "Harborline People Team",
            "What the union isn't telling you about profit sharing",
            "Our bonus program already rewards you. A union contract could put it at risk.",
            "evidence",
        ),
        (
            "text",
            "District manager",
            "",
            "Hey team, a strike means no paychecks. Think about your family.",
            "evidence",
        ),
        (
            "meeting",
            "Store manager",
            "One-on-one about bargaining",
            "Manager asked me privately whether I would cross a picket line.",
            "reviewed",
        ),
        (
            "app",
            "Harborline Partner App",
            "Bargaining facts",
            "A post in the scheduling app comparing union dues to a bonus.",
            "new",
        ),
    ]
    dd = []
    for i, (channel, sender, subject, text, status) in enumerate(reports):
        dd.append(
            DirectDealingReport.objects.create(
                negotiation=negotiation,
                received_on=sessions[5 + i].date + timedelta(days=2),
                channel=channel,
                sender=sender,
                subject=subject,
                text=text,
                worksite=sites[i * 3],
                reporter_name="A member" if i % 2 else "",
                status=status,
            )
        )
    charge = Charge.objects.create(
        negotiation=negotiation,
        case_number="19-CA-301742",
        title="Refusal to provide information; direct dealing",
        allegations=(
            "Since the start of bargaining the Employer has refused to provide relevant "
            "information requested by the Union (requests 2 and 3) and has dealt directly with "
            "employees about terms under negotiation."
        ),
        filed_on=sessions[8].date,
        status=Charge.Status.INVESTIGATION,
    )
    charge.evidence_requests.set([made[2], made[3]])
    charge.evidence_reports.set(dd[:2])
