"""A counted vote's result as pages show it: the engine's outcome (stored as its JSON) with
each local's name, its online, paper and challenged ballots side by side, and the rule that
results of fewer than ``SMALL_GROUP`` voters are not broken down: such a local's counts (and
any channel with fewer than that many ballots) are replaced by a sentence, its outcome shown.
The audit package keeps every count.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from caucus.orgs.models import Union
from caucus.votes.models import SMALL_GROUP, Result, Vote

CHANNELS = ("online", "paper", "challenged")


def channel_label(channel: str) -> str:
    return {"online": _("Online"), "paper": _("Paper"), "challenged": _("Challenged, accepted")}[
        channel
    ]


def result_of(vote: Vote) -> Result | None:
    if not vote.is_counted:
        return None
    return Result.objects.filter(vote=vote).first()


def shown_result(vote: Vote) -> dict[str, Any] | None:
    """What a results page shows, or None before the tally."""
    result = result_of(vote)
    if result is None:
        return None
    outcome = result.outcome
    names = dict(
        Union.objects.filter(slug__in=[r["key"] for r in outcome["locals"]]).values_list(
            "slug", "short_name"
        )
    )
    rows = [
        _row(r, names.get(r["key"], r["key"]), result.channels.get(r["key"], {}))
        for r in outcome["locals"]
    ]
    coalition = _row(outcome["coalition"], _("All locals together"), _sum_channels(result))
    return {
        "passes": outcome["passes"],
        "reason": outcome["reason"],
        "scope": outcome["scope"],
        "locals": rows,
        "coalition": coalition,
        "paradoxes": outcome["paradoxes"],
        "result": result,
    }


def _row(body: dict[str, Any], name: str, channels: dict[str, dict[str, int]]) -> dict[str, Any]:
    small = body["turnout_count"] < SMALL_GROUP
    row = {**body, "name": name, "small": small, "channels": []}
    if small:
        row["reason"] = _("Fewer than %(n)s members voted here, so the counts are not shown.") % {
            "n": SMALL_GROUP
        }
        row["paradox"] = None
        return row
    for channel in CHANNELS:
        counts = channels.get(channel)
        if not counts:
            continue
        ballots = counts["yes"] + counts["no"] + counts["void"]
        row["channels"].append(
            {"label": channel_label(channel), "counts": counts if ballots >= SMALL_GROUP else None}
        )
    return row


def _sum_channels(result: Result) -> dict[str, dict[str, int]]:
    total: dict[str, dict[str, int]] = {}
    for channels in result.channels.values():
        for channel, counts in channels.items():
            into = total.setdefault(channel, {"yes": 0, "no": 0, "void": 0})
            for key in into:
                into[key] += counts.get(key, 0)
    return total
