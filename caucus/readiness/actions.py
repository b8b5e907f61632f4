"""Every readiness write, for the pages, the API, the import and the demo alike:
``do_x(actor, obj, ...)``. Each is atomic, checks readiness's rules (never HTTP: callers have
checked the actor's rights with ``caucus.readiness.access``) and leaves one audit row.

Audit rows say who acted on which member, never the level given: the audit log has readers
(observers) who must not learn how organizers rate members.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from caucus.audit.log import record
from caucus.members.models import Member
from caucus.readiness.models import (
    Assessment,
    AssessmentImport,
    CampaignAction,
    Level,
    MemberReadiness,
    Pledge,
    Shift,
    StrikeNotice,
    Threshold,
)
from caucus.readiness.notice import draft_text
from caucus.readiness.tasks import apply_assessment_import

Actor = Any  # a signed-in user, or None for the system (the demo, a command)


class ReadinessError(Exception):
    """A change readiness's rules refuse; shown as is, at ``field`` when it names one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


def _readiness_for_update(member: Member) -> MemberReadiness:
    """The member's readiness row, locked for this transaction (made on first use)."""
    MemberReadiness.objects.get_or_create(member=member, defaults={"union_id": member.union_id})
    return MemberReadiness.objects.select_for_update().get(member=member)


@transaction.atomic
def do_assess(
    actor: Actor,
    member: Member,
    level: int,
    *,
    note: str = "",
    shift: str | None = None,
    at: datetime | None = None,
    source: str = Assessment.Source.PHONE,
) -> Assessment:
    """Record a conversation with ``member``: their level on the 1–5 scale. The latest
    assessment (by when it was made) is the one that counts; an older one joins the history."""
    if level not in Level.values:
        raise ReadinessError("Choose a level from 1 to 5.", field="level")
    if shift is not None and shift not in Shift.values:
        raise ReadinessError("Choose a shift from the list.", field="shift")
    at = at or timezone.now()
    if at > timezone.now():
        raise ReadinessError("An assessment cannot be dated in the future.", field="at")
    state = _readiness_for_update(member)
    replaces = state.assessed_at is None or at >= state.assessed_at
    assessment = Assessment.objects.create(
        member=member,
        union_id=member.union_id,
        level=level,
        # An older conversation moves nothing: the chart adds only changes to the latest.
        previous_level=state.level if replaces else level,
        assessed_at=at,
        assessed_by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note.strip()[:500],
        source=source,
    )
    if replaces:
        state.level, state.assessed_at, state.assessed_by = level, at, assessment.assessed_by
    if state.first_assessed_at is None or at < state.first_assessed_at:
        state.first_assessed_at = at
    if shift is not None:
        state.shift = shift
    state.save()
    record(actor, "readiness.assess", member, union=member.union, source=source)
    return assessment


@transaction.atomic
def do_set_leader(actor: Actor, member: Member, is_leader: bool) -> MemberReadiness:
    """Designate (or stop designating) a member as their worksite's leader."""
    state = _readiness_for_update(member)
    if state.is_leader != is_leader:
        state.is_leader = is_leader
        state.save(update_fields=["is_leader", "updated_at"])
        record(actor, "readiness.leader", member, union=member.union, is_leader=is_leader)
    return state


def _check_action(fields: dict[str, Any]) -> None:
    opens, closes = fields.get("opens_at"), fields.get("closes_at")
    if opens and closes and closes <= opens:
        raise ReadinessError("The window must close after it opens.", field="closes_at")
    goal = fields.get("goal_percent")
    if goal is not None and not 1 <= goal <= 100:
        raise ReadinessError(
            "The goal is a share of members, from 1 to 100%.", field="goal_percent"
        )
    if "title" in fields and not str(fields["title"] or "").strip():
        raise ReadinessError("Give the action a title.", field="title")


@transaction.atomic
def do_create_action(actor: Actor, negotiation: Any, **fields: Any) -> CampaignAction:
    """Start a campaign action at the table (for one local, or every local: ``union`` None)."""
    _check_action(fields)
    union = fields.get("union")
    if union is not None and union.pk not in negotiation.union_ids():
        raise ReadinessError("That local is not at this table.", field="union")
    action = CampaignAction.objects.create(negotiation=negotiation, created_by=actor, **fields)
    record(actor, "readiness.action_create", action, union=union, kind=action.kind)
    return action


@transaction.atomic
def do_edit_action(actor: Actor, action: CampaignAction, **fields: Any) -> list[str]:
    """Change an action's wording, window or goal; returns the names of the fields changed."""
    _check_action({"opens_at": action.opens_at, "closes_at": action.closes_at, **fields})
    changed = [name for name, value in fields.items() if getattr(action, name) != value]
    for name in changed:
        setattr(action, name, fields[name])
    if changed:
        action.save(update_fields=changed)
        record(actor, "readiness.action_edit", action, union=action.union, changed=changed)
    return changed


def check_member_in_action(action: CampaignAction, member: Member) -> None:
    """The member must be on the roster, in a unit at the action's table and of its local."""
    negotiation = action.negotiation
    in_unit = member.unit_id in set(negotiation.units.values_list("pk", flat=True))
    if not member.is_on_roster or not in_unit:
        raise ReadinessError("That member is not at this table.", field="member")
    if action.union_id is not None and member.union_id != action.union_id:
        raise ReadinessError(f"This action is for {action.union} only.", field="member")


def _moment(at: datetime) -> str:
    return date_format(timezone.localtime(at), "DATETIME_FORMAT")


def _pledge(
    actor: Actor, action: CampaignAction, member: Member, channel: str, **fields: Any
) -> tuple[Pledge, bool]:
    check_member_in_action(action, member)
    now = timezone.now()
    existing = Pledge.objects.filter(action=action, member=member).first()
    if existing is not None:
        return existing, False
    signed_at = fields.pop("signed_at", None) or now
    if not action.opens_at <= signed_at < action.closes_at or signed_at > now:
        raise ReadinessError(
            f"“{action.title}” is open from {_moment(action.opens_at)} "
            f"to {_moment(action.closes_at)}.",
            field="signed_at",
        )
    try:
        with transaction.atomic():
            pledge = Pledge.objects.create(
                action=action,
                member=member,
                union_id=member.union_id,
                channel=channel,
                signed_at=signed_at,
                **fields,
            )
    except IntegrityError:  # the same member, at the same moment, in another request
        return Pledge.objects.get(action=action, member=member), False
    return pledge, True


@transaction.atomic
def do_pledge(
    member_user: Actor, action: CampaignAction, member: Member, *, channel: str
) -> Pledge:
    """A member takes part, signed in or by their one-tap link. Taking part twice is once."""
    if not action.is_online:
        raise ReadinessError("This action is signed on paper, with an organizer.")
    pledge, is_new = _pledge(member_user, action, member, channel)
    if is_new:
        record(None, "readiness.pledge", action, union=member.union, channel=channel)
    return pledge


@transaction.atomic
def do_record_card(
    actor: Actor,
    action: CampaignAction,
    member: Member,
    *,
    card_number: str = "",
    signed_at: datetime | None = None,
) -> Pledge:
    """An organizer enters a paper card the member signed (dated the day it was signed)."""
    pledge, is_new = _pledge(
        actor,
        action,
        member,
        Pledge.Channel.CARD,
        card_number=card_number.strip()[:40],
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        signed_at=signed_at,
    )
    if not is_new:
        raise ReadinessError(
            f"{member.full_name} already took part in “{action.title}” "
            f"({pledge.get_channel_display().lower()}, "
            f"{date_format(timezone.localtime(pledge.signed_at), 'DATE_FORMAT')}).",
            field="member",
        )
    record(actor, "readiness.card", member, union=member.union, campaign_action=action.pk)
    return pledge


@transaction.atomic
def do_start_import(
    actor: Actor, negotiation: Any, union: Any, upload: UploadedFile
) -> AssessmentImport:
    """Store a sign-in sheet for ``union`` and queue its import (checked, then applied whole
    or not at all, by ``caucus.readiness.tasks``)."""
    if union.pk not in negotiation.union_ids():
        raise ReadinessError("That local is not at this table.", field="union")
    job = AssessmentImport.objects.create(
        union=union,
        negotiation=negotiation,
        uploaded_by=actor,
        file=upload,
        original_name=upload.name or "sheet",
    )
    record(actor, "readiness.import_start", job, union=union, file=job.original_name)
    transaction.on_commit(lambda: apply_assessment_import.enqueue(job.pk))
    return job


@transaction.atomic
def do_set_threshold(actor: Actor, negotiation: Any, **fields: Any) -> Threshold:
    """Set the readiness the bargaining team wants before it calls a strike."""
    percent = fields.get("percent")
    if percent is not None and not 1 <= percent <= 100:
        raise ReadinessError("The threshold is a percent, from 1 to 100.", field="percent")
    action = fields.get("action")
    if action is not None and action.negotiation_id != negotiation.pk:
        raise ReadinessError("No such pledge at this table.", field="action")
    threshold, _ = Threshold.objects.update_or_create(
        negotiation=negotiation, defaults={**fields, "set_by": actor}
    )
    record(actor, "readiness.threshold", threshold, words=threshold.words())
    return threshold


def _check_notice(negotiation: Any, fields: dict[str, Any], now: datetime) -> None:
    starts, ends = fields.get("starts_at"), fields.get("ends_at")
    if starts is not None and starts <= now:
        raise ReadinessError("The strike's start must be in the future.", field="starts_at")
    if starts is not None and ends is not None and ends <= starts:
        raise ReadinessError("The strike must end after it begins.", field="ends_at")
    days = fields.get("notice_days")
    if days is not None and not 1 <= days <= 90:
        raise ReadinessError("Notice is from 1 to 90 days.", field="notice_days")
    if fields.get("is_health_care") and days is not None and days < 10:
        raise ReadinessError(
            "A health care employer must get at least ten days' notice (NLRA §8(g)).",
            field="notice_days",
        )
    units = fields.get("units")
    if units is not None:
        at_table = set(negotiation.units.values_list("pk", flat=True))
        if not units:
            raise ReadinessError("Choose the bargaining units that will strike.", field="units")
        if any(u.pk not in at_table for u in units):
            raise ReadinessError("Those units are not all at this table.", field="units")


@transaction.atomic
def do_draft_notice(
    actor: Actor,
    negotiation: Any,
    *,
    units: list[Any],
    starts_at: datetime,
    ends_at: datetime | None = None,
    is_health_care: bool = True,
    notice_days: int = 10,
) -> StrikeNotice:
    """Draft a strike notice from the negotiation: its parties, the units, the date and time."""
    fields = {
        "units": units,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "is_health_care": is_health_care,
        "notice_days": notice_days,
    }
    _check_notice(negotiation, fields, timezone.now())
    text = draft_text(
        negotiation,
        units,
        starts_at=starts_at,
        ends_at=ends_at,
        is_health_care=is_health_care,
        notice_days=notice_days,
        today=timezone.localdate(),
    )
    notice = StrikeNotice.objects.create(
        negotiation=negotiation,
        starts_at=starts_at,
        ends_at=ends_at,
        is_health_care=is_health_care,
        notice_days=notice_days,
        text=text,
        created_by=actor,
    )
    notice.units.set(units)
    record(actor, "readiness.notice_draft", notice, starts_at=starts_at.isoformat())
    return notice


@transaction.atomic
def do_edit_notice(actor: Actor, notice: StrikeNotice, **fields: Any) -> list[str]:
    """Change a draft notice: its wording, or its start (the deadline moves with it)."""
    if notice.status != StrikeNotice.Status.DRAFT:
        raise ReadinessError("A notice once served is not changed: withdraw it and draft another.")
    merged = {
        "starts_at": notice.starts_at,
        "ends_at": notice.ends_at,
        "notice_days": notice.notice_days,
        "is_health_care": notice.is_health_care,
        **fields,
    }
    _check_notice(notice.negotiation, merged, timezone.now())
    changed = [n for n, v in fields.items() if n != "units" and getattr(notice, n) != v]
    for name in changed:
        setattr(notice, name, fields[name])
    if changed:
        notice.save(update_fields=changed)
    if "units" in fields and set(notice.units.all()) != set(fields["units"]):
        notice.units.set(fields["units"])
        changed.append("units")
    if changed:
        record(actor, "readiness.notice_edit", notice, changed=changed)
    return changed


@transaction.atomic
def do_serve_notice(
    actor: Actor,
    notice: StrikeNotice,
    *,
    served_at: datetime,
    served_how: str,
    fmcs_notified_at: datetime,
    fmcs_how: str,
) -> StrikeNotice:
    """Record that the notice was served on the employer and sent to the FMCS, and when. A
    late notice is recorded as it was (the page then says when a strike may lawfully begin)."""
    if notice.status == StrikeNotice.Status.WITHDRAWN:
        raise ReadinessError("This notice was withdrawn.")
    now = timezone.now()
    for name, moment in (("served_at", served_at), ("fmcs_notified_at", fmcs_notified_at)):
        if moment > now:
            raise ReadinessError("Record a notice once it has been served.", field=name)
    notice.served_at, notice.served_how = served_at, served_how
    notice.fmcs_notified_at, notice.fmcs_how = fmcs_notified_at, fmcs_how
    notice.served_by = actor if getattr(actor, "is_authenticated", False) else None
    notice.status = StrikeNotice.Status.SERVED
    notice.save()
    record(
        actor,
        "readiness.notice_serve",
        notice,
        served_at=served_at.isoformat(),
        fmcs_notified_at=fmcs_notified_at.isoformat(),
        timely=notice.is_timely,
    )
    return notice


@transaction.atomic
def do_withdraw_notice(actor: Actor, notice: StrikeNotice) -> StrikeNotice:
    notice.status = StrikeNotice.Status.WITHDRAWN
    notice.save(update_fields=["status"])
    record(actor, "readiness.notice_withdraw", notice)
    return notice
