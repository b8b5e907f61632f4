"""The demo round's fights away from the table: the union's information requests (one
refused, some overdue), members' reports of the company messaging them directly, the
charge the union filed on both, and the letters between the parties (the coalition's demand
that the company bargain with the full team, the company's wage proposal e-mailed late on a
Friday, its refusal of request 2). Entered through the table's actions, by the team's user;
the reports by members who did not sign in.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from caucus.demo.orgs import Orgs
from caucus.demo.past import backdate, moment
from caucus.demo.table import PACKAGED, Round
from caucus.table.actions import (
    do_file_charge,
    do_log_letter,
    do_log_request,
    do_report_direct_dealing,
    do_review_report,
)
from caucus.table.models import Charge, Correspondence, DirectDealingReport, InformationRequest

# number, title, session (index) it was asked at, days given, status, the employer's answer
REQUESTS = [
    (1, "Store labor hours, last three years", 0, 14, "answered", "Spreadsheet received."),
    (
        2,
        "Profit and loss by region",
        1,
        14,
        "refused",
        "The Company declines: regional results are not relevant to bargaining.",
    ),
    (3, "Turnover and vacancies by store", 3, 14, "pending", ""),
    (4, "Health plan costs and enrollment", 4, 21, "partial", "Enrollment only."),
    (5, "Plans for new stores and plants", 6, 14, "acknowledged", ""),
    (6, "Bonus payouts, last five years", 9, 45, "pending", ""),
]
# channel, sender, subject, text, where the team's review left it
REPORTS = [
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
# Members report in the evening of the day they were messaged.
REPORT_HOUR = 20


def build_evidence(rnd: Round, orgs: Orgs, team: Any) -> Charge:
    requests = _requests(rnd, team)
    reports = _direct_dealing(rnd, orgs, team)
    charge = do_file_charge(
        team,
        rnd.negotiation,
        evidence_requests=[requests[2], requests[3]],
        evidence_reports=reports[:2],
        case_number="19-CA-301742",
        title="Refusal to provide information; direct dealing",
        allegations=(
            "Since the start of bargaining the Employer has refused to provide relevant "
            "information requested by the Union (requests 2 and 3) and has dealt directly with "
            "employees about terms under negotiation."
        ),
        filed_on=rnd.sessions[8].date,
        status=Charge.Status.INVESTIGATION,
    )
    _letters(rnd, team, requests, charge)
    return charge


def _friday_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 4) % 7 or 7)


def _letters(
    rnd: Round, team: Any, requests: dict[int, InformationRequest], charge: Charge
) -> list[Correspondence]:
    """The round's correspondence, each letter with what it concerns."""
    negotiation = rnd.negotiation
    company, coalition = "Harborline Coffee Company, Labor Relations", "Coalition bargaining team"
    proposal = rnd.proposals["e_wages2"]
    refusal = requests[2]
    return [
        do_log_letter(
            team,
            negotiation,
            sent_on=rnd.sessions[2].date + timedelta(days=1),
            direction=Correspondence.Direction.SENT,
            sender=f"{coalition} (the ten locals' chief negotiators)",
            recipient=company,
            channel=Correspondence.Channel.EMAIL,
            subject="Resume bargaining with the full negotiating team",
            summary=(
                "Yesterday the Company's team left the room when the coalition's full "
                "negotiating team arrived. The coalition chooses its own representatives: we "
                "ask the Company to resume bargaining with the full team at the next session."
            ),
            charges=[charge],
            is_published=True,
        ),
        do_log_letter(
            team,
            negotiation,
            sent_on=_friday_before(proposal.passed_on),
            sent_at=time(23, 41),
            direction=Correspondence.Direction.RECEIVED,
            sender=f"{company}, chief spokesperson",
            recipient=coalition,
            channel=Correspondence.Channel.EMAIL,
            subject="The Company's economic package (Articles 14, 15 and 16)",
            summary="The Company's package, sent late on a Friday ahead of Monday's session.",
            proposals=[rnd.proposals[key] for key in PACKAGED],
        ),
        do_log_letter(
            team,
            negotiation,
            sent_on=refusal.answered_on or refusal.asked_on,
            direction=Correspondence.Direction.RECEIVED,
            sender=company,
            recipient=coalition,
            channel=Correspondence.Channel.LETTER,
            subject="Request 2: profit and loss by region",
            summary=refusal.answer,
            requests=[refusal],
            charges=[charge],
        ),
    ]


def _requests(rnd: Round, team: Any) -> dict[int, InformationRequest]:
    """The requests, each as it stands today, by number."""
    made = {}
    for number, title, at, due_in, status, answer in REQUESTS:
        on = rnd.sessions[at].date
        done = status in ("answered", "refused", "partial")
        made[number] = do_log_request(
            team,
            rnd.negotiation,
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
    return made


def _direct_dealing(rnd: Round, orgs: Orgs, team: Any) -> list[DirectDealingReport]:
    """Members' reports, from stores in California and the Midwest, and the team's review."""
    sites = orgs.worksites["CAL"] + orgs.worksites["MID"]
    reports = []
    for i, (channel, sender, subject, text, status) in enumerate(REPORTS):
        received_on = rnd.sessions[5 + i].date + timedelta(days=2)
        report = do_report_direct_dealing(
            None,
            rnd.negotiation,
            received_on=received_on,
            channel=channel,
            sender=sender,
            subject=subject,
            text=text,
            worksite=sites[i * 3],
            reporter_name="A member" if i % 2 else "",
        )
        backdate(report, moment(received_on, REPORT_HOUR), "created_at")
        if status != DirectDealingReport.Status.NEW:
            do_review_report(team, report, status, staff_notes="")
        reports.append(report)
    return reports
