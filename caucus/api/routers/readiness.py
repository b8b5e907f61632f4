"""caucus.readiness in the JSON API: the same access helpers as its pages, read-only.

Readiness by local (``readiness.view``), the campaign actions, members' latest assessments
(``readiness.assess`` only: an organizer's own local, or everyone's coalition-wide) and the
strike notices (``readiness.notice``). Members' assessments never leave the API for anyone
without the organizer's right.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from caucus.api.access import require
from caucus.api.paging import PageParams, page
from caucus.api.params import NegotiationSlug
from caucus.api.schemas import Message
from caucus.audit.log import record
from caucus.readiness.access import (
    members_at,
    readiness_negotiation,
    unions_at,
    visible_actions,
)
from caucus.readiness.figures import readiness_figures, summary
from caucus.readiness.models import CampaignAction, Pledge, StrikeNotice

router = Router(tags=["readiness"])
ERRORS = {401: Message, 403: Message, 404: Message}


class LocalReadiness(Schema):
    local: str
    members: int
    pledged: int
    assessed_1_2: int = Field(description="Members whose latest assessment is 1 or 2.")
    reached: int = Field(description="Members an organizer has talked with at least once.")
    meets_threshold: bool | None = Field(description="None when no threshold is set.")


class ReadinessOut(Schema):
    pledge: str | None = Field(description="The strike pledge counted.")
    threshold: str | None = Field(description="The bargaining team's threshold, in words.")
    is_ready: bool
    locals: list[LocalReadiness]
    total: LocalReadiness
    summary: list[str] = Field(description="The readiness in plain words.")


def _local(figures: Any, local: Any) -> dict[str, Any]:
    return {
        "local": local.name,
        "members": local.members,
        "pledged": local.pledged,
        "assessed_1_2": local.ones_twos,
        "reached": local.reached,
        "meets_threshold": figures.is_met(local) if figures.threshold else None,
    }


@router.get("/negotiations/{slug}/readiness", response={200: ReadinessOut, **ERRORS})
def get_readiness(request: HttpRequest, slug: NegotiationSlug) -> Any:
    """Readiness by local, and in all, among the locals your roles read."""
    user = require(request, "readiness.view")
    negotiation = readiness_negotiation(user, slug, "readiness.view")
    unions = list(unions_at(user, negotiation, "readiness.view"))
    figures = readiness_figures(negotiation, members_at(user, negotiation), unions)
    scope = ", ".join(u.short_name or u.name for u in unions)
    return {
        "pledge": figures.pledge.title if figures.pledge else None,
        "threshold": figures.threshold.words() if figures.threshold else None,
        "is_ready": figures.is_ready,
        "locals": [_local(figures, local) for local in figures.locals],
        "total": _local(figures, figures.total),
        "summary": summary(figures, scope=scope),
    }


class ActionOut(Schema):
    id: int
    kind: str
    title: str
    local: str | None = Field(description="None: every local at the table.")
    opens_at: datetime
    closes_at: datetime
    goal_percent: int
    members: int = Field(description="Members it is for, among those you see.")
    took_part: int


class ActionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActionOut]


@router.get("/negotiations/{slug}/readiness/actions", response={200: ActionPage, **ERRORS})
def list_campaign_actions(
    request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]
) -> Any:
    """Campaign actions, newest first, counted among the members you see."""
    user = require(request, "readiness.view")
    negotiation = readiness_negotiation(user, slug, "readiness.view")
    members = members_at(user, negotiation)
    by_union = dict(members.values_list("union_id").annotate(n=Count("pk")).order_by())
    pledged = dict(
        Pledge.objects.filter(action__negotiation=negotiation, member__in=members)
        .values_list("action_id")
        .annotate(n=Count("pk"))
        .order_by()
    )

    def out(action: CampaignAction) -> dict[str, Any]:
        count = by_union.get(action.union_id, 0) if action.union_id else sum(by_union.values())
        return {
            "id": action.pk,
            "kind": action.kind,
            "title": action.title,
            "local": str(action.union) if action.union_id else None,
            "opens_at": action.opens_at,
            "closes_at": action.closes_at,
            "goal_percent": action.goal_percent,
            "members": count,
            "took_part": pledged.get(action.pk, 0),
        }

    return page(visible_actions(user, negotiation).order_by("-opens_at", "-id"), paging, out)


class AssessmentOut(Schema):
    member_id: str
    local: str
    worksite: str
    unit: str
    level: int | None = Field(description="The latest assessment, 1 (leader) to 5 (opposed).")
    assessed_at: datetime | None
    shift: str
    is_leader: bool


class AssessmentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AssessmentOut]


class AssessmentFilter(PageParams):
    worksite: str | None = Field(
        None, max_length=40, pattern=r"^[-A-Za-z0-9_.]+$", description="A worksite code."
    )


@router.get("/negotiations/{slug}/readiness/assessments", response={200: AssessmentPage, **ERRORS})
def list_assessments(
    request: HttpRequest, slug: NegotiationSlug, params: Query[AssessmentFilter]
) -> Any:
    """Each member's latest assessment: ``readiness.assess`` only (an organizer's own local)."""
    user = require(request, "readiness.assess")
    negotiation = readiness_negotiation(user, slug, "readiness.assess")
    members = members_at(user, negotiation, "readiness.assess").select_related(
        "union", "worksite", "unit", "readiness"
    )
    if params.worksite:
        members = members.filter(worksite__code=params.worksite)
    # Members' assessments leaving the union's pages are an export: each page of them audited.
    unions = list(unions_at(user, negotiation, "readiness.assess"))
    record(
        user,
        "readiness.api_assessments",
        negotiation,
        union=unions[0] if len(unions) == 1 else None,
        request=request,
        locals=[u.short_name or u.name for u in unions],
        worksite=params.worksite or "",
        offset=params.offset,
        limit=params.limit,
    )

    def out(member: Any) -> dict[str, Any]:
        state = getattr(member, "readiness", None)
        return {
            "member_id": member.member_id,
            "local": member.union.short_name,
            "worksite": member.worksite.code,
            "unit": member.unit.code,
            "level": state.level if state else None,
            "assessed_at": state.assessed_at if state else None,
            "shift": state.shift if state else "",
            "is_leader": bool(state and state.is_leader),
        }

    return page(members.order_by("union__short_name", "member_id", "pk"), params, out)


class NoticeOut(Schema):
    id: int
    status: str
    starts_at: datetime
    ends_at: datetime | None
    deadline: datetime = Field(description="Both notices must be served by then.")
    served_at: datetime | None
    fmcs_notified_at: datetime | None
    is_timely: bool | None = Field(description="None until both notices are served.")
    is_health_care: bool
    notice_days: int
    text: str


class NoticePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[NoticeOut]


def _notice_out(notice: StrikeNotice) -> dict[str, Any]:
    return {
        "id": notice.pk,
        "status": notice.status,
        "starts_at": notice.starts_at,
        "ends_at": notice.ends_at,
        "deadline": notice.deadline,
        "served_at": notice.served_at,
        "fmcs_notified_at": notice.fmcs_notified_at,
        "is_timely": notice.is_timely if notice.is_served else None,
        "is_health_care": notice.is_health_care,
        "notice_days": notice.notice_days,
        "text": notice.text,
    }


@router.get("/negotiations/{slug}/strike-notices", response={200: NoticePage, **ERRORS})
def list_strike_notices(
    request: HttpRequest, slug: NegotiationSlug, paging: Query[PageParams]
) -> Any:
    """The table's strike notices and their deadlines (``readiness.notice``)."""
    user = require(request, "readiness.notice")
    negotiation = readiness_negotiation(user, slug, "readiness.notice")
    notices = StrikeNotice.objects.filter(negotiation=negotiation).order_by("-starts_at", "-id")
    return page(notices, paging, _notice_out)
