"""The one way delivery's pages and API reach an update to send, a send, a suppression list:
the same 404 for "missing" and "not yours".

``delivery.send`` at the update's negotiation, and for a union-scoped grant an update that
is to the whole coalition or to one of the grant's unions (its send then reaches only the
grant's unions' members: ``caucus.delivery.audience``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from caucus.accounts.permissions import union_ids_with, unions_with
from caucus.delivery.models import Send, Suppression
from caucus.table.models import Negotiation
from caucus.updates.models import Update


def sendable_updates(user: Any) -> QuerySet[Update]:
    updates = Update.objects.filter(
        negotiation__in=Negotiation.objects.visible_to(user, "delivery.send")
    )
    reach = union_ids_with(user, "delivery.send")
    if reach is None:
        return updates
    return updates.filter(Q(to_whole_coalition=True) | Q(unions__in=reach)).distinct()


def access_update(user: Any, update_id: int) -> Update:
    update = (
        sendable_updates(user)
        .select_related("negotiation__coalition", "negotiation__employer", "author")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        raise Http404("No such update.")
    return update


def visible_sends(user: Any) -> QuerySet[Send]:
    return Send.objects.filter(update__in=sendable_updates(user).values("pk"))


def access_send(user: Any, send_id: int) -> Send:
    send = (
        visible_sends(user)
        .select_related("update__negotiation__coalition", "created_by")
        .filter(pk=send_id)
        .first()
    )
    if send is None:
        raise Http404("No such send.")
    return send


def visible_suppressions(user: Any) -> QuerySet[Suppression]:
    return Suppression.objects.filter(union__in=unions_with(user, "delivery.suppressions"))


def access_suppression(user: Any, pk: int) -> Suppression:
    found = visible_suppressions(user).select_related("union", "member").filter(pk=pk).first()
    if found is None:
        raise Http404("No such suppression.")
    return found
