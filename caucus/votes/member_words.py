"""The words members read about a vote, in their language: its state, its kind, and the
result's reasons, the rules and the turnout-switch notes.

The ballot engine (``caucus.engines.ballots``) imports nothing from Django and writes its reasons
in English, for the CLI and the audit package; its reasons are built from a small, fixed set of
parts (``decide.py``, ``verdicts.py``, ``rules.py``, ``shares.py``). Each part here is matched
and said again from a translated template, its numbers kept as the engine wrote them. In English
every template gives back the engine's own words; a reason no pattern knows is shown as the
engine wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from caucus.votes.models import Kind, State

STATE_WORDS: dict[str, Any] = {
    State.DRAFT: pgettext_lazy("vote state", "Draft"),
    State.SCHEDULED: pgettext_lazy("vote state", "Scheduled"),
    State.OPEN: pgettext_lazy("vote state", "Open"),
    State.CLOSED: pgettext_lazy("vote state", "Closed"),
    State.TALLIED: pgettext_lazy("vote state", "Tallied"),
    State.CERTIFIED: pgettext_lazy("vote state", "Certified"),
}
KIND_WORDS: dict[str, Any] = {
    Kind.STRIKE: gettext_lazy("Strike authorization"),
    Kind.RATIFICATION: gettext_lazy("Ratification of a tentative agreement"),
}

NUMBER = r"[\d,]+"
SHARE = r"\S+"  # "50%", "2/3", "half", "50.25%"


def state_words(state: str) -> str:
    return str(STATE_WORDS.get(state, state))


def kind_words(kind: str) -> str:
    return str(KIND_WORDS.get(kind, kind))


def fraction(text: str) -> str:
    """``half`` in words; a percentage or a fraction as written."""
    return _("half") if text == "half" else text


def share(text: str) -> str:
    """``more than half``, ``at least 2/3``, ``exactly half``, ``90.6%``."""
    how, _space, value = text.partition(" ")
    if how == "exactly":
        return _("exactly %(fraction)s") % {"fraction": fraction(value)}
    if text.startswith("more than "):
        return _("more than %(fraction)s") % {"fraction": fraction(text[10:])}
    if text.startswith("at least "):
        return _("at least %(fraction)s") % {"fraction": fraction(text[9:])}
    return text


Say = Callable[[dict[str, str]], str]


def _patterns(*pairs: tuple[str, Say]) -> list[tuple[re.Pattern[str], Say]]:
    return [(re.compile(pattern), say) for pattern, say in pairs]


def _match(text: str, patterns: list[tuple[re.Pattern[str], Say]]) -> str | None:
    for pattern, say in patterns:
        found = pattern.fullmatch(text)
        if found:
            return say(found.groupdict())
    return None


TURNOUT = (
    rf"turnout (?P<turnout>{SHARE}) \((?P<voted>{NUMBER}) of (?P<eligible>{NUMBER}) eligible\)"
)


def _turnout(g: dict[str, str]) -> dict[str, str]:
    return {"turnout": g["turnout"], "voted": g["voted"], "eligible": g["eligible"]}


def _quorum_missed(g: dict[str, str]) -> str:
    if g.get("quorum_voters"):
        below = _("turnout of %(voted)s is below the quorum of %(quorum)s voters") % {
            "voted": g["voted_only"],
            "quorum": g["quorum_voters"],
        }
    else:
        below = _(
            "turnout %(turnout)s (%(voted)s of %(eligible)s eligible) is below the quorum of "
            "%(quorum)s"
        ) % {**_turnout(g), "quorum": fraction(g["quorum"])}
    if g["end"] == ": fails, no votes cast":
        return _("%(why)s: fails, no votes cast") % {"why": below}
    if g["though"]:
        return _("%(why)s: fails though %(yes)s voted yes") % {"why": below, "yes": g["though"]}
    return _("%(why)s: fails (%(yes)s voted yes)") % {"why": below, "yes": g["yes"]}


def _yes_test(g: dict[str, str]) -> str:
    values = {
        "yes": g["yes"],
        "whole": g["whole"],
        "share": share(g["share"]),
        "needs": share(g["needs"]),
    }
    if g["base"] == "votes cast":
        if g["outcome"] == "passes":
            return (
                _("%(yes)s yes of %(whole)s votes cast = %(share)s, needs %(needs)s: passes")
                % values
            )
        return _("%(yes)s yes of %(whole)s votes cast = %(share)s, needs %(needs)s: fails") % values
    if g["outcome"] == "passes":
        return (
            _("%(yes)s yes of %(whole)s eligible = %(share)s, needs %(needs)s of eligible: passes")
            % values
        )
    return (
        _("%(yes)s yes of %(whole)s eligible = %(share)s, needs %(needs)s of eligible: fails")
        % values
    )


def _rejects(g: dict[str, str]) -> str:
    values = {
        "no": g["no"],
        "cast": g["cast"],
        "share": share(g["share"]),
        "needs": share(g["needs"]),
    }
    if g["outcome"] == "passes":
        return (
            _("%(no)s no of %(cast)s votes cast = %(share)s, rejecting needs %(needs)s: passes")
            % values
        )
    return (
        _("%(no)s no of %(cast)s votes cast = %(share)s, rejecting needs %(needs)s: fails") % values
    )


def _switch(g: dict[str, str]) -> str:
    values = {**_turnout(g), "switch": fraction(g["switch"]), "rest": body_reason(g["rest"])}
    if g["where"] == "reaches":
        return (
            _(
                "turnout %(turnout)s (%(voted)s of %(eligible)s eligible) reaches the switch of "
                "%(switch)s: %(rest)s"
            )
            % values
        )
    return (
        _(
            "turnout %(turnout)s (%(voted)s of %(eligible)s eligible) is below the switch of "
            "%(switch)s: %(rest)s"
        )
        % values
    )


def _tie(g: dict[str, str]) -> str:
    values = {"yes": g["yes"], "no": g["no"]}
    if g["tie"] == "a tie passes under this rule":
        return _("%(yes)s yes and %(no)s no: a tie passes under this rule") % values
    return _("%(yes)s yes and %(no)s no: a tie fails") % values


def _no_votes(g: dict[str, str]) -> str:
    if g["void"]:
        return _("no votes cast (%(void)s void): fails") % {"void": g["void"]}
    return _("no votes cast: fails")


def _figures(g: dict[str, str]) -> str:
    values = {"yes": g["yes"], "cast": g["cast"], "share": g["share"] or ""}
    together = g["role"] == "all locals together; each local decides on its own"
    if g["share"] and together:
        return (
            _(
                "%(yes)s yes of %(cast)s votes cast = %(share)s; all locals together; each local decides on its own"
            )
            % values
        )
    if together:
        return (
            _(
                "%(yes)s yes of %(cast)s votes cast; all locals together; each local decides on its own"
            )
            % values
        )
    if g["share"]:
        return (
            _(
                "%(yes)s yes of %(cast)s votes cast = %(share)s; counted coalition-wide; this local does not decide on its own"
            )
            % values
        )
    return (
        _(
            "%(yes)s yes of %(cast)s votes cast; counted coalition-wide; this local does not decide on its own"
        )
        % values
    )


BODY = _patterns(
    (
        rf"(?:turnout of (?P<voted_only>{NUMBER}) is below the quorum of (?P<quorum_voters>{NUMBER}) voters"
        rf"|{TURNOUT} is below the quorum of (?P<quorum>{SHARE}))"
        rf"(?P<end>: fails, no votes cast|: fails though (?P<though>{SHARE}) voted yes"
        rf"|: fails \((?P<yes>{SHARE}) voted yes\))",
        _quorum_missed,
    ),
    (rf"no votes cast(?: \((?P<void>{NUMBER}) void\))?: fails", _no_votes),
    (
        rf"{TURNOUT} (?P<where>reaches|is below) the switch of (?P<switch>{SHARE}): (?P<rest>.+)",
        _switch,
    ),
    (
        rf"(?P<yes>{NUMBER}) yes and (?P<no>{NUMBER}) no: (?P<tie>a tie passes under this rule|a tie fails)",
        _tie,
    ),
    (
        rf"(?P<yes>{NUMBER}) yes of (?P<whole>{NUMBER}) (?P<base>votes cast|eligible) = (?P<share>.+?), "
        rf"needs (?P<needs>.+?)(?: of eligible)?: (?P<outcome>passes|fails)",
        _yes_test,
    ),
    (
        rf"(?P<no>{NUMBER}) no of (?P<cast>{NUMBER}) votes cast = (?P<share>.+?), rejecting needs "
        rf"(?P<needs>.+?): (?P<outcome>passes|fails)",
        _rejects,
    ),
    (
        rf"(?P<yes>{NUMBER}) yes of (?P<cast>{NUMBER}) votes cast(?: = (?P<share>{SHARE}))?; "
        r"(?P<role>all locals together; each local decides on its own"
        r"|counted coalition-wide; this local does not decide on its own)",
        _figures,
    ),
)


def body_reason(text: str) -> str:
    """One body's reason (a local's, or all locals together) in the active language."""
    return _match(text, BODY) or text


def _listed(text: str) -> tuple[str, int]:
    """``a, b and c`` said again with the language's "and", and how many it names."""
    first, _and, last = text.rpartition(" and ")
    if not first:
        return text, 1
    keys = [*first.split(", "), last]
    joined = _("%(first)s and %(last)s") % {"first": ", ".join(keys[:-1]), "last": keys[-1]}
    return joined, len(keys)


def _locals(text: str) -> str | None:
    every = re.fullmatch(r"every local passes \((?P<passing>\d+) of (?P<count>\d+)\)", text)
    if every:
        return _("every local passes (%(passing)s of %(count)s)") % every.groupdict()
    some = re.fullmatch(
        r"(?P<keys>.+) (?:fails|fail) \((?P<passing>\d+) of (?P<count>\d+) locals pass\)", text
    )
    if some is None:
        return None
    keys, failing = _listed(some["keys"])
    return ngettext(
        "%(locals)s fails (%(passing)s of %(count)s locals pass)",
        "%(locals)s fail (%(passing)s of %(count)s locals pass)",
        failing,
    ) % {"locals": keys, "passing": some["passing"], "count": some["count"]}


def _coalition(outcome: str) -> str:
    if outcome == "passes":
        return _("the coalition-wide vote passes")
    return _("the coalition-wide vote fails")


def overall_reason(text: str) -> str:
    """The vote's reason ("passes: every local passes (3 of 3)") in the active language."""
    found = re.fullmatch(r"(?P<outcome>passes|fails): (?P<words>.+)", text)
    if found is None:
        return text
    words = found["words"]
    said = _locals(words)
    coalition = re.fullmatch(
        r"the coalition-wide vote (?P<outcome>passes|fails): (?P<rest>.+)", words
    )
    both = re.fullmatch(r"(?P<locals>.+); the coalition-wide vote (?P<outcome>passes|fails)", words)
    if said is None and coalition is not None:
        said = _("%(coalition)s: %(reason)s") % {
            "coalition": _coalition(coalition["outcome"]),
            "reason": body_reason(coalition["rest"]),
        }
    elif said is None and both is not None and (local_words := _locals(both["locals"])):
        said = _("%(locals)s; %(coalition)s") % {
            "locals": local_words,
            "coalition": _coalition(both["outcome"]),
        }
    if said is None:
        return text
    if found["outcome"] == "passes":
        return _("passes: %(why)s") % {"why": said}
    return _("fails: %(why)s") % {"why": said}


def paradox(text: str) -> str:
    """A turnout-switch note in the active language."""
    stayed = re.fullmatch(
        rf"had (?:one member|(?P<n>{NUMBER}) members) who voted yes stayed home, turnout would "
        rf"have been below the switch of (?P<switch>{SHARE}) and the proposal would have passed: "
        r"their yes votes made it fail",
        text,
    )
    if stayed:
        if stayed["n"] is None:
            return _(
                "had one member who voted yes stayed home, turnout would have been below the "
                "switch of %(switch)s and the proposal would have passed: their yes votes made it "
                "fail"
            ) % {"switch": fraction(stayed["switch"])}
        return _(
            "had %(n)s members who voted yes stayed home, turnout would have been below the "
            "switch of %(switch)s and the proposal would have passed: their yes votes made it "
            "fail"
        ) % {"n": stayed["n"], "switch": fraction(stayed["switch"])}
    more = re.fullmatch(
        rf"(?P<n>{NUMBER}) more yes (?:vote|votes) would lift turnout to the switch of "
        rf"(?P<switch>{SHARE}) and make the proposal fail: it passes only because turnout "
        r"stayed below the switch",
        text,
    )
    if more:
        return ngettext(
            "%(n)s more yes vote would lift turnout to the switch of %(switch)s and make the "
            "proposal fail: it passes only because turnout stayed below the switch",
            "%(n)s more yes votes would lift turnout to the switch of %(switch)s and make the "
            "proposal fail: it passes only because turnout stayed below the switch",
            int(more["n"].replace(",", "")),
        ) % {"n": more["n"], "switch": fraction(more["switch"])}
    return text


def keyed_paradox(text: str) -> str:
    """A note as the outcome lists it, ``local-12: had ...``, its key kept."""
    key, colon, note = text.partition(": ")
    return f"{key}: {paradox(note)}" if colon else text


RULE_PART = _patterns(
    # The switch's words first: they end in "of votes cast" too.
    (
        rf"below a turnout of (?P<turnout>{SHARE}), it passes unless (?P<share>.+) of votes cast vote no",
        lambda g: (
            _("below a turnout of %(turnout)s, it passes unless %(share)s of votes cast vote no")
            % {"turnout": fraction(g["turnout"]), "share": share(g["share"])}
        ),
    ),
    (
        rf"below a turnout of (?P<turnout>{SHARE}), it passing needs (?P<share>.+) of votes cast",
        lambda g: (
            _("below a turnout of %(turnout)s, it passing needs %(share)s of votes cast")
            % {"turnout": fraction(g["turnout"]), "share": share(g["share"])}
        ),
    ),
    (
        r"(?P<share>.+) of votes cast",
        lambda g: _("%(share)s of votes cast") % {"share": share(g["share"])},
    ),
    (
        r"(?P<share>.+) of those eligible",
        lambda g: _("%(share)s of those eligible") % {"share": share(g["share"])},
    ),
    (r"a tie passes", lambda g: _("a tie passes")),
    (rf"quorum (?P<n>{NUMBER}) voters", lambda g: _("quorum %(n)s voters") % g),
    (
        rf"quorum (?P<quorum>{SHARE}) of eligible",
        lambda g: _("quorum %(quorum)s of eligible") % {"quorum": fraction(g["quorum"])},
    ),
    (r"void ballots count toward turnout", lambda g: _("void ballots count toward turnout")),
)


def rule(text: str) -> str:
    """A rule in words (``more than half of votes cast; quorum 50% of eligible``), each part
    in the active language."""
    if not text:
        return text
    return "; ".join(_match(part, RULE_PART) or part for part in text.split("; "))
