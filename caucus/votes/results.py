"""A counted vote's result as pages show it: the engine's outcome (stored as its JSON) with
each local's name, its online, paper and challenged ballots side by side, and the rule that
results of fewer than ``SMALL_GROUP`` voters are not broken down: such a local's counts (and
any channel with fewer than that many ballots) are replaced by a sentence, its outcome shown.
The API withholds the same (``reported_result``); the audit package keeps every count.
"""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import gettext as _

from caucus.orgs.models import Union
from caucus.votes import member_words
from caucus.votes.models import SMALL_GROUP, Result, Vote

CHANNELS = ("online", "paper", "challenged")
# What a group of fewer than SMALL_GROUP voters does not show: its counts and its share.
WITHHELD = ("yes", "no", "void", "cast", "yes_share", "yes_percent")


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
        "reason": member_words.overall_reason(outcome["reason"]),
        "scope": outcome["scope"],
        "locals": rows,
        "coalition": coalition,
        "paradoxes": [member_words.keyed_paradox(note) for note in _paradoxes(outcome)],
        "result": result,
    }


def _is_small(body: dict[str, Any]) -> bool:
    return bool(body["turnout_count"] < SMALL_GROUP)


def _not_shown() -> str:
    return _("Fewer than %(n)s members voted here, so the counts are not shown.") % {
        "n": SMALL_GROUP
    }


def _paradoxes(outcome: dict[str, Any]) -> list[str]:
    """The turnout-switch notes, but none of a small group (its note tells its counts)."""
    small = {body["key"] for body in [*outcome["locals"], outcome["coalition"]] if _is_small(body)}
    return [note for note in outcome["paradoxes"] if note.split(":", 1)[0] not in small]


def reported_result(result: Result) -> dict[str, Any]:
    """The result as the API gives it: the engine's JSON and the counts by channel, with what
    the pages withhold withheld the same way (a small group's counts and share None, its
    reason the sentence; a channel of fewer than ``SMALL_GROUP`` ballots None)."""
    outcome = copy.deepcopy(result.outcome)
    small = {body["key"] for body in outcome["locals"] if _is_small(body)}
    for body in [*outcome["locals"], outcome["coalition"]]:
        if _is_small(body):
            body.update(dict.fromkeys(WITHHELD), reason=_not_shown(), paradox=None)
    outcome["paradoxes"] = _paradoxes(result.outcome)
    channels = {
        key: {
            channel: counts if sum(counts.values()) >= SMALL_GROUP else None
            for channel, counts in by_channel.items()
        }
        for key, by_channel in result.channels.items()
        if key not in small
    }
    return {"outcome": outcome, "channels": channels}


def _row(body: dict[str, Any], name: str, channels: dict[str, dict[str, int]]) -> dict[str, Any]:
    small = _is_small(body)
    row = {**body, "name": name, "small": small, "channels": []}
    # The reasons in the reader's language (the engine writes English: caucus.votes.member_words).
    row["reason"] = member_words.body_reason(body["reason"])
    row["rule"] = member_words.rule(body.get("rule") or "")
    row["paradox"] = member_words.paradox(body["paradox"]) if body.get("paradox") else None
    if small:
        row["reason"] = _not_shown()
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
