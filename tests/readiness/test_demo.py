"""The demo's readiness: assessments across the coalition and a pledge drive in progress with
two worksites behind its goal, as the tour shows them."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    call_command("demo", "--seed", "7", "--members", "500", stdout=StringIO())


def test_the_demo_has_a_pledge_drive_in_progress_with_two_worksites_behind_its_goal(
    demo: None,
) -> None:
    from caucus.accounts.models import User
    from caucus.orgs.models import Union
    from caucus.readiness.access import members_at
    from caucus.readiness.models import Assessment, CampaignAction, MemberReadiness, Threshold
    from caucus.readiness.results import action_results
    from caucus.table.models import Negotiation

    negotiation = Negotiation.objects.get(slug="national-2026")
    assessed_locals = set(Assessment.objects.values_list("union_id", flat=True))
    assert assessed_locals == set(Union.objects.values_list("pk", flat=True))
    assert MemberReadiness.objects.filter(is_leader=True).exists()
    drive = CampaignAction.objects.get(negotiation=negotiation)
    assert drive.is_open()
    assert (
        Threshold.objects.get(negotiation=negotiation).words()
        == "two thirds pledged in every local"
    )
    for who in ("team", "organizer"):
        results = action_results(drive, members_at(User.objects.get(username=who), negotiation))
        behind = results.behind("worksite")
        assert len(behind) == 2, (who, [(g.label, g.pledged, g.members) for g in behind])
        assert 0 < results.total.pledged < results.total.members


def test_the_demos_organizer_reads_the_dashboard_and_wall_chart_of_local_34(demo: None) -> None:
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from caucus.accounts.models import User

    organizer = User.objects.get(username="organizer")
    client = Client()
    client.force_login(organizer)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=organizer).persistent_id
    session.save()
    dashboard = client.get("/staff/readiness/national-2026/").content.decode()
    assert "members of Local 34" in dashboard
    assert "Local 12" not in dashboard
    chart = client.get("/staff/readiness/national-2026/wall-chart/").content.decode()
    assert "worksite leader" in chart
