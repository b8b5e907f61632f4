"""Who a send reaches, as one queryset of members: on the roster, in the update's audience and
the send's (whole coalition, or chosen unions, units and worksites — each kind narrows), within
the sender's unions, with a usable address for the channel (never one on the employer's
domain), not suppressed, and not opted out of that channel or that kind of update.

The count the send page shows and the fan-out that makes the outbox ask the same queryset.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from caucus.accounts.permissions import union_ids_with
from caucus.delivery.models import Channel, MemberPreference, Suppression
from caucus.delivery.sms import phone_key
from caucus.members.models import Member


def _employer_domains(update: Any) -> list[str]:
    return update.negotiation.employer.email_domain_list()


def _usable(members: QuerySet[Member], channel: str, domains: Iterable[str]) -> QuerySet[Member]:
    if channel == Channel.SMS:
        return members.exclude(phone="")
    members = members.exclude(email="").filter(email_is_employers=False)
    for domain in domains:
        members = members.exclude(email__iendswith=f"@{domain}").exclude(
            email__iendswith=f".{domain}"
        )
    return members


def _not_opted_out(members: QuerySet[Member], channel: str, update: Any) -> QuerySet[Member]:
    by_channel = "by_email" if channel == Channel.EMAIL else "by_text"
    kind = "coalition_updates" if update.to_whole_coalition else "local_updates"
    opted_out = MemberPreference.objects.filter(member=OuterRef("pk")).filter(
        Q(**{by_channel: False}) | Q(**{kind: False})
    )
    return members.filter(~Exists(opted_out))


def _not_suppressed(members: QuerySet[Member], channel: str) -> QuerySet[Member]:
    if channel != Channel.EMAIL:
        return members  # phone numbers are matched by their digits when each batch is claimed
    suppressed = Suppression.objects.filter(
        union=OuterRef("union"),
        channel=Channel.EMAIL,
        address=OuterRef("_address"),
        lifted_at__isnull=True,
    )
    return members.annotate(_address=Lower("email")).filter(~Exists(suppressed))


def chosen_members(
    update: Any,
    *,
    to_whole_coalition: bool,
    unions: Iterable[Any] = (),
    units: Iterable[Any] = (),
    worksites: Iterable[Any] = (),
    sender: Any = None,
) -> QuerySet[Member]:
    """Members on the roster in the update's and the send's audience, within the sender's reach."""
    members = Member.objects.on_roster().filter(union__coalition=update.negotiation.coalition_id)
    if not update.to_whole_coalition:
        members = members.filter(union__in=update.unions.all())
    if not to_whole_coalition:
        unions, units, worksites = list(unions), list(units), list(worksites)
        if unions:
            members = members.filter(union__in=unions)
        if units:
            members = members.filter(unit__in=units)
        if worksites:
            members = members.filter(worksite__in=worksites)
        if not (unions or units or worksites):
            members = members.none()
    if sender is not None:
        reach = union_ids_with(sender, "delivery.send")
        if reach is not None:
            members = members.filter(union__in=reach)
    return members


def recipients(send: Any, channel: str, sender: Any = None) -> QuerySet[Member]:
    """The members ``send`` writes to by ``channel``."""
    members = chosen_members(
        send.update,
        to_whole_coalition=send.to_whole_coalition,
        unions=send.unions.all(),
        units=send.units.all(),
        worksites=send.worksites.all(),
        sender=sender,
    )
    return reachable(members, channel, send.update)


def reachable(members: QuerySet[Member], channel: str, update: Any) -> QuerySet[Member]:
    members = _usable(members, channel, _employer_domains(update))
    return _not_suppressed(_not_opted_out(members, channel, update), channel)


def _texts_reached(members: QuerySet[Member]) -> int:
    """Members with a phone, less those whose number replied STOP: numbers are matched by
    their digits (``sms.phone_key``), which SQL cannot compute, so only when there are any."""
    stopped = set(
        Suppression.objects.filter(channel=Channel.SMS, lifted_at__isnull=True).values_list(
            "union_id", "address"
        )
    )
    if not stopped:
        return members.count()
    phones = members.values_list("union_id", "phone").iterator(chunk_size=5000)
    return sum(1 for union_id, phone in phones if (union_id, phone_key(phone)) not in stopped)


def counts(members: QuerySet[Member], update: Any) -> dict[str, int]:
    """How many members the send would reach by each channel, and how many it would miss."""
    return {
        "chosen": members.count(),
        Channel.EMAIL: reachable(members, Channel.EMAIL, update).count(),
        Channel.SMS: _texts_reached(reachable(members, Channel.SMS, update)),
    }
