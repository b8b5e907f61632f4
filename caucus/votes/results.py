"""A counted vote's result as pages show it: the engine's outcome (stored as its JSON) with
each local's name, its online, paper and challenged ballots side by side, and the rule that
no group of fewer than ``SMALL_GROUP`` voters has its counts shown, directly or by subtraction
(caucus.engines.ballots.disclosure): such a local's counts, and those withheld with them so
that they cannot be worked out from the rest (another local's or the locals' total; a
channel's), are replaced by a sentence, each local's outcome still shown.
The API withholds the same (``reported_result``); the audit package keeps every count.
"""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import gettext as _

from caucus.engines.ballots.disclosure import (
    COMPLEMENT,
    Withheld,
    withheld_bodies,
    withheld_channels,
)
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
    withheld = _withheld(outcome)
    rows = [
        _row(r, names.get(r["key"], r["key"]), result.channels.get(r["key"], {}), withheld)
        for r in outcome["locals"]
    ]
    coalition = _row(
        outcome["coalition"], _("All locals together"), _sum_channels(result), withheld
    )
    return {
        "passes": outcome["passes"],
        "reason": member_words.overall_reason(outcome["reason"]),
        "scope": outcome["scope"],
        "locals": rows,
        "coalition": coalition,
        "paradoxes": [member_words.keyed_paradox(note) for note in _paradoxes(outcome, withheld)],
        "result": result,
    }


def _withheld(outcome: dict[str, Any]) -> dict[str, Withheld]:
    """The bodies (locals' keys, "coalition") whose counts are not shown, and why."""
    return withheld_bodies(
        {body["key"]: body["turnout_count"] for body in outcome["locals"]},
        outcome["coalition"]["turnout_count"],
        outcome["scope"],
        SMALL_GROUP,
    )


def _hidden_channels(channels: dict[str, dict[str, int]]) -> dict[str, Withheld]:
    """A shown body's channels whose ballots are not shown, and why."""
    ballots = {channel: sum(counts.values()) for channel, counts in channels.items()}
    return withheld_channels(ballots, SMALL_GROUP)


def _not_shown(why: Withheld) -> str:
    """The sentence in place of a body's counts (its reason on the pages and in the API)."""
    if why == COMPLEMENT:
        return _(
            "Not shown, so that the counts of a local where fewer than %(n)s members voted "
            "cannot be worked out by subtraction."
        ) % {"n": SMALL_GROUP}
    return _("Fewer than %(n)s members voted here, so the counts are not shown.") % {
        "n": SMALL_GROUP
    }


def _paradoxes(outcome: dict[str, Any], withheld: dict[str, Withheld]) -> list[str]:
    """The turnout-switch notes, but none of a withheld body (its note tells its counts)."""
    return [note for note in outcome["paradoxes"] if note.split(":", 1)[0] not in withheld]


def reported_result(result: Result) -> dict[str, Any]:
    """The result as the API gives it: the engine's JSON and the counts by channel, with what
    the pages withhold withheld the same way (a withheld body's counts and share None, its
    reason the sentence; a withheld channel None)."""
    outcome = copy.deepcopy(result.outcome)
    withheld = _withheld(result.outcome)
    for body in [*outcome["locals"], outcome["coalition"]]:
        if body["key"] in withheld:
            why = withheld[body["key"]]
            body.update(dict.fromkeys(WITHHELD), reason=_not_shown(why), paradox=None)
    outcome["paradoxes"] = _paradoxes(result.outcome, withheld)
    channels = {}
    for key, by_channel in result.channels.items():
        if key in withheld:
            continue
        hidden = _hidden_channels(by_channel)
        channels[key] = {c: None if c in hidden else n for c, n in by_channel.items()}
    return {"outcome": outcome, "channels": channels}


def _row(
    body: dict[str, Any],
    name: str,
    channels: dict[str, dict[str, int]],
    withheld: dict[str, Withheld],
) -> dict[str, Any]:
    why = withheld.get(body["key"])
    row = {**body, "name": name, "withheld": why is not None, "channels": []}
    # The reasons in the reader's language (the engine writes English: caucus.votes.member_words).
    row["reason"] = member_words.body_reason(body["reason"])
    row["rule"] = member_words.rule(body.get("rule") or "")
    row["paradox"] = member_words.paradox(body["paradox"]) if body.get("paradox") else None
    if why is not None:
        row["reason"] = _not_shown(why)
        row["paradox"] = None
        if why == COMPLEMENT:
            row["not_shown"] = _("Not shown, so that a smaller local's counts cannot be worked out")
            row["not_broken_down"] = _(
                "Not broken down, so that a smaller local's counts cannot be worked out."
            )
        else:
            row["not_shown"] = _("Not shown: fewer than 10 voters")
            row["not_broken_down"] = _("Not broken down: fewer than 10 voters.")
        return row
    hidden = _hidden_channels(channels)
    for channel in CHANNELS:
        counts = channels.get(channel)
        if not counts:
            continue
        entry: dict[str, Any] = {"label": channel_label(channel), "counts": counts}
        if channel in hidden:
            entry["counts"] = None
            entry["not_shown"] = (
                _("Not broken down, so that a smaller group's ballots cannot be worked out.")
                if hidden[channel] == COMPLEMENT
                else _("Not broken down: fewer than 10 ballots.")
            )
        row["channels"].append(entry)
    return row


def _sum_channels(result: Result) -> dict[str, dict[str, int]]:
    total: dict[str, dict[str, int]] = {}
    for channels in result.channels.values():
        for channel, counts in channels.items():
            into = total.setdefault(channel, {"yes": 0, "no": 0, "void": 0})
            for key in into:
                into[key] += counts.get(key, 0)
    return total
