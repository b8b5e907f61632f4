"""Who may reach each caucus.readiness route: merged into tests/test_permission_matrix.py's MATRIX.

Same shape as MATRIX there: route -> (method, allowed people, kwargs). objects(cast, negotiation)
makes the records the kwargs name ("name" or "name=object") and returns them by name.

Readiness is the organizers': ``readiness.assess`` (admins, organizers of their own local),
``readiness.view`` (admins, the bargaining team, organizers and officers; a union's grant sees
its own local's members only), ``readiness.notice`` (admins and the bargaining team). The
member the routes name is union A's (``member_pk``): union B's people never see them.
"""

from __future__ import annotations

from typing import Any

from tests.people import EVERYONE

ASSESS: set[str | None] = {"admin", "organizer_a"}
VIEW: set[str | None] = {"admin", "team", "team_b", "officer_a", "officer_b", "organizer_a"}
VIEW_OF_A: set[str | None] = {"admin", "team", "officer_a", "organizer_a"}
# Campaign actions are run by holders of readiness.assess or readiness.notice; one for every
# local is changed by coalition-wide holders only.
RUN: set[str | None] = {"admin", "team", "team_b", "organizer_a"}
RUN_EVERY_LOCAL: set[str | None] = {"admin", "team"}
# The threshold and the strike notice are the bargaining team's (readiness.notice).
NOTICE: set[str | None] = {"admin", "team", "team_b"}

RIGHTS: dict[str, tuple[str, set[str | None], tuple[str, ...]]] = {
    "readiness:dashboard": ("GET", VIEW, ("slug",)),
    "readiness:threshold": ("GET", NOTICE, ("slug",)),
    "readiness:notices": ("GET", NOTICE, ("slug",)),
    "readiness:notice_new": ("GET", NOTICE, ("slug",)),
    "readiness:notice": ("GET", NOTICE, ("slug", "pk=notice_pk")),
    "readiness:notice_edit": ("GET", NOTICE, ("slug", "pk=notice_pk")),
    "readiness:find": ("GET", ASSESS, ("slug",)),
    "readiness:assess_member": ("GET", ASSESS, ("slug", "pk=member_pk")),
    "readiness:member": ("GET", VIEW_OF_A, ("slug", "pk=member_pk")),
    "readiness:actions": ("GET", VIEW, ("slug",)),
    "readiness:action_new": ("GET", RUN, ("slug",)),
    "readiness:action": ("GET", VIEW, ("slug", "pk=action_pk")),
    "readiness:action_edit": ("GET", RUN_EVERY_LOCAL, ("slug", "pk=action_pk")),
    "readiness:card": ("GET", ASSESS, ("slug", "pk=action_pk")),
    "readiness:wallchart": ("GET", VIEW, ("slug",)),
    # An admin is sent to choose one local (302); an organizer gets their own local's sheet.
    "readiness:wallchart_export": ("GET", ASSESS, ("slug",)),
    "readiness:import_new": ("GET", ASSESS, ("slug",)),
    "readiness:import": ("GET", ASSESS, ("slug", "pk=assessment_import_pk")),
    "readiness:import_progress": ("GET", ASSESS, ("slug", "pk=assessment_import_pk")),
    "api:get_readiness": ("GET", VIEW, ("slug",)),
    "api:list_campaign_actions": ("GET", VIEW, ("slug",)),
    # Members' assessments in the API: the organizer's right only, never the readers'.
    "api:list_assessments": ("GET", ASSESS, ("slug",)),
    "api:list_strike_notices": ("GET", NOTICE, ("slug",)),
    "readiness_site:pledges": ("GET", {"member_a"}, ("slug",)),
    "readiness_site:pledge_link": ("GET", EVERYONE, ("slug", "token=pledge_token")),
}


def objects(cast: Any, negotiation: Any) -> dict[str, Any]:
    """At ``negotiation``: a strike pledge open now for every local, union A's member's one-tap
    link to it, a sign-in sheet of union A's waiting to be imported, and a draft strike notice."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from caucus.readiness.links import pledge_token
    from caucus.readiness.models import AssessmentImport, CampaignAction, StrikeNotice

    now = timezone.now()
    action = CampaignAction.objects.create(
        negotiation=negotiation,
        title="Strike pledge",
        text="I will strike if we have to.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=7),
    )
    sheet = AssessmentImport.objects.create(
        union=cast.world.union_a,
        negotiation=negotiation,
        uploaded_by=cast["organizer_a"],
        original_name="sheet.csv",
        file=ContentFile(b"Member ID,Level\nA-100,2\n", name="sheet.csv"),
    )
    notice = StrikeNotice.objects.create(
        negotiation=negotiation, starts_at=now + timedelta(days=20), text="NOTICE OF STRIKE"
    )
    return {
        "notice_pk": notice.pk,
        "action_pk": action.pk,
        "pledge_token": pledge_token(cast.member_record.pk, action.pk),
        "assessment_import_pk": sheet.pk,
    }
