"""``caucus demo``: a deterministic fictional coalition with every piece the tour shows."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

MEMBER_FIELDS = [
    "union__slug",
    "member_id",
    "first_name",
    "last_name",
    "unit__code",
    "worksite__code",
    "classification__code",
    "step",
    "hourly_rate",
    "fte",
    "hire_date",
    "language",
    "email",
    "email_is_employers",
    "standing",
    "phone",
]


def _members() -> list[tuple[Any, ...]]:
    from caucus.members.models import Member

    return list(Member.objects.order_by("union__slug", "member_id").values_list(*MEMBER_FIELDS))


def _wipe() -> None:
    from caucus.accounts.models import User
    from caucus.members.models import Member
    from caucus.orgs.models import Coalition, Employer, Worksite
    from caucus.table.models import Proposal, TentativeAgreement
    from caucus.votes.models import Vote

    # A counted vote's records are kept a year (caucus/votes/keeping.py): let that year pass.
    Vote.objects.update(keep_until=timezone.now() - timedelta(days=1))
    Vote.objects.all().delete()
    TentativeAgreement.objects.all().delete()
    Proposal.objects.all().delete()
    Member.objects.all().delete()
    Coalition.objects.all().delete()
    Worksite.objects.all().delete()
    Employer.objects.all().delete()
    User.objects.all().delete()


@pytest.fixture
def demo(db: Any) -> str:
    out = StringIO()
    call_command("demo", "--seed", "7", "--members", "500", stdout=out)
    return out.getvalue()


def test_the_same_seed_builds_the_same_members(demo: str) -> None:
    first = _members()
    _wipe()
    call_command("demo", "--seed", "7", "--members", "500", stdout=StringIO())
    assert _members() == first
    assert len(first) == 500


def test_another_seed_builds_other_members(demo: str) -> None:
    first = _members()
    _wipe()
    call_command("demo", "--seed", "8", "--members", "500", stdout=StringIO())
    assert _members() != first


def test_the_organizations_are_an_employer_seven_regions_ten_locals_and_sixty_sites(
    demo: str,
) -> None:
    from caucus.orgs.models import Classification, Employer, Region, Union, Worksite

    assert Employer.objects.get().name == "Harborline Coffee Company"
    assert Region.objects.count() == 7
    assert Union.objects.count() == 10
    assert 55 <= Worksite.objects.count() <= 75
    assert Classification.objects.filter(title="Barista").exists()


def test_members_are_believable(demo: str) -> None:
    from caucus.members.models import Member

    members = Member.objects.select_related("classification")
    assert {m.language for m in members} == {"en", "es", "zh-hans", "vi", "tl", "fr"}
    assert all(1 <= m.step <= m.classification.max_step for m in members)
    assert all(15 < m.hourly_rate < 40 for m in members)
    flagged = members.filter(email_is_employers=True)
    assert all(m.email.endswith("@harborline.example") for m in flagged)
    assert not members.filter(email_is_employers=False, email__endswith="@harborline.example")


def test_the_round_has_sessions_behind_and_ahead_and_every_article(demo: str) -> None:
    from caucus.table.models import Article, Session

    assert any(s.is_upcoming for s in Session.objects.all())
    assert any(not s.is_upcoming for s in Session.objects.all())
    titles = set(Article.objects.values_list("title", flat=True))
    assert {"Recognition", "Wages", "Profit Sharing", "Staffing", "Hiring", "Scheduling"} <= titles
    assert {"Benefits", "Seniority", "Grievance and Arbitration", "New Sites"} <= titles
    assert all(a.current_text.count("\n\n") >= 1 for a in Article.objects.all())


def test_the_round_has_counters_an_option_a_package_and_tentative_agreements(demo: str) -> None:
    from caucus.table.models import Package, Proposal, TentativeAgreement

    assert {p.side for p in Proposal.objects.all()} == {"union", "employer"}
    counters = Proposal.objects.filter(kind="counter", answers__isnull=False)
    assert all(c.answers.side != c.side for c in counters)
    assert Proposal.objects.filter(kind="option", is_published=False).count() == 1
    wages = Proposal.objects.filter(article__title="Wages")
    assert all(p.economic_terms["raises"] for p in wages)
    profit = Proposal.objects.filter(article__title="Profit Sharing")
    minimums = {p.economic_terms["profit_sharing"]["minimum"] for p in profit}
    assert minimums == {750, 0}
    assert Package.objects.get().proposals.count() == 3
    assert TentativeAgreement.objects.count() == 2


def test_the_round_has_refused_and_overdue_requests_a_charge_and_direct_dealing(
    demo: str,
) -> None:
    from caucus.table.models import Charge, DirectDealingReport, InformationRequest

    requests = list(InformationRequest.objects.all())
    assert any(r.status == "refused" for r in requests)
    assert sum(r.is_overdue() for r in requests) >= 2
    charge = Charge.objects.get()
    assert charge.evidence_requests.count() == 2
    assert DirectDealingReport.objects.count() == 4


def test_updates_are_published_and_one_goes_to_a_single_local(demo: str) -> None:
    from caucus.updates.models import Update

    published = Update.objects.published()
    assert published.count() == 5
    single = published.get(to_whole_coalition=False)
    assert [u.short_name for u in single.unions.all()] == ["Local 422"]
    assert Update.objects.filter(status="draft").count() == 1


def test_each_role_has_a_user_with_a_confirmed_device_and_the_logins_are_printed(
    demo: str,
) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from caucus.accounts.models import User
    from caucus.demo.people import LOGINS, MEMBER_EMAIL

    for login in LOGINS:
        user = User.objects.get(username=login.username)
        assert user.check_password(login.password)
        assert TOTPDevice.objects.get(user=user).confirmed
        assert f"{login.username:<10} {login.password}" in demo
    assert User.objects.get(username="member").member.email == MEMBER_EMAIL


def test_the_printed_otp_code_passes_the_second_factor(demo: str) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    out = StringIO()
    call_command("otp_code", "team", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6
    assert TOTPDevice.objects.get(user__username="team").verify_token(code)


def test_the_build_is_audited(demo: str) -> None:
    from caucus.audit.models import AuditEvent

    event = AuditEvent.objects.get(action="demo.built")
    assert event.detail == {"seed": 7, "members": 500}


def test_if_empty_leaves_an_existing_coalition_alone(demo: str) -> None:
    from caucus.members.models import Member

    out = StringIO()
    call_command("demo", "--if-empty", "--members", "600", stdout=out)
    assert "not built again" in out.getvalue()
    assert Member.objects.count() == 500


def test_every_economic_proposal_in_the_demo_can_be_costed(demo: str) -> None:
    from caucus.table.economics import economic_terms_errors
    from caucus.table.models import Proposal

    economic = Proposal.objects.exclude(economic_terms=None)
    assert {p.article.title for p in economic} >= {"Wages", "Profit Sharing", "Benefits"}
    problems = {p.title: economic_terms_errors(p.economic_terms) for p in economic}
    assert not {title: errors for title, errors in problems.items() if errors}


def test_every_pass_ends_with_the_status_the_demo_tells(demo: str) -> None:
    from caucus.demo.passes import PASSES
    from caucus.table.models import Proposal

    statuses = dict(Proposal.objects.values_list("title", "status"))
    assert statuses == {row[8]: row[6] for row in PASSES}


def test_the_round_is_entered_through_the_actions_and_audited_as_such(demo: str) -> None:
    from collections import Counter

    from caucus.audit.models import AuditEvent

    acts = Counter(AuditEvent.objects.values_list("action", flat=True))
    # 15 sessions; 19 passes less the scheduling draft; 2 TAs; 6 requests; 4 reports, 3 of
    # them reviewed; 1 charge; 6 updates, 5 of them published.
    assert acts["table.session_record"] == 15
    assert acts["table.proposal_pass"] == 18
    assert acts["table.proposal_status"] == 2
    assert acts["table.request_create"] == 6
    assert (acts["directdealing.report"], acts["directdealing.review"]) == (4, 3)
    assert acts["table.charge_create"] == 1
    assert (acts["update.create"], acts["update.publish"]) == (6, 5)


def test_what_happened_before_today_is_dated_when_it_happened(demo: str) -> None:
    from django.utils import timezone

    from caucus.table.models import DirectDealingReport, ProposalEvent
    from caucus.updates.models import Update

    passed = ProposalEvent.objects.filter(what="passed", proposal__session__isnull=False)
    assert all(timezone.localdate(e.at) == e.proposal.passed_on for e in passed)
    signed = ProposalEvent.objects.filter(to_status="ta").select_related("proposal")
    agreements = {e.proposal.tentative_agreements.get().signed_on for e in signed}
    assert {timezone.localdate(e.at) for e in signed} == agreements
    for update in Update.objects.published():
        assert update.created_at == update.published_at < timezone.now()
    for report in DirectDealingReport.objects.all():
        assert timezone.localdate(report.created_at) == report.received_on
