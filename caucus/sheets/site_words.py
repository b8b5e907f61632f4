"""A published sheet's words in the member's language: its column names, what it compares, the
notes and the "what it changes" of each row, and the redline's own labels.

A built version is frozen in English (its rows' redline HTML, notes and sources, and its PDF and
DOCX); the member page says the same things again in the reader's language. The redline HTML
(``caucus.engines.redline.render_html``) puts its words in fixed places: the column names
(``<th scope="col">``, ``.rl-col-label``, ``.rl-nochange``), the side that proposed a change
(``.rl-by``), what a screen reader hears of each mark (``.rl-sr``), the links between a move's
two places (``.rl-movelink``) and a renumbered number's old one (``title="was …"``). Only those
are replaced; the contract text is never touched.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape, unescape
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from caucus.sheets.models import Columns, SheetVersion, VersionRow

COLUMN_WORDS: dict[str, Any] = {
    "Current contract": gettext_lazy("Current contract"),
    "Union's and employer's latest proposals": gettext_lazy(
        "Union's and employer's latest proposals"
    ),
    "Employer's previous pass": gettext_lazy("Employer's previous pass"),
    "Employer's latest pass": gettext_lazy("Employer's latest pass"),
    "Union's latest proposal": gettext_lazy("Union's latest proposal"),
    "Employer's latest proposal": gettext_lazy("Employer's latest proposal"),
    "No change proposed": gettext_lazy("No change proposed"),
    "No change": gettext_lazy("No change"),
}
# What a sheet compares, as the list of sheets names it.
COMPARES: dict[str, Any] = {
    Columns.THREE_WAY: gettext_lazy("Current contract, union's latest and employer's latest"),
    Columns.REGRESSION: gettext_lazy("Employer's latest against its previous pass"),
}
NOTES: dict[str, Any] = {
    "Neither side has made a proposal on this article.": gettext_lazy(
        "Neither side has made a proposal on this article."
    ),
    "The union has made no proposal on this article.": gettext_lazy(
        "The union has made no proposal on this article."
    ),
    "The employer has made no proposal on this article.": gettext_lazy(
        "The employer has made no proposal on this article."
    ),
}
CHANGES: dict[str, Any] = {
    "amends": gettext_lazy("amends %(section)s"),
    "adds": gettext_lazy("adds %(section)s"),
    "deletes": gettext_lazy("deletes %(section)s"),
}
PROPOSERS: dict[str, Any] = {
    "union": pgettext_lazy("proposed by", "union"),
    "employer": pgettext_lazy("proposed by", "employer"),
    "both sides": pgettext_lazy("proposed by", "both sides"),
}
MARKS: dict[str, Any] = {
    "inserted": gettext_lazy("inserted"),
    "deleted": gettext_lazy("deleted"),
}
_LABELED = re.compile(
    r'(<th scope="col">|<span class="rl-col-label">|<span class="rl-nochange">)([^<]*)(</)'
)
_ESCAPED = {str(escape(english)): english for english in COLUMN_WORDS}
_BY = re.compile(
    r'(<span class="rl-by" aria-hidden="true">\[)(union|employer|both sides)(\]</span>)'
)
_SR = re.compile(
    r'<span class="rl-sr">(?:(?P<mark>inserted|deleted)'
    r"|moved (?P<where>here|from here), move (?P<move>\d+)|renumbered, was (?P<was>[^:<]*))"
    r"(?:, proposed by (?P<by>union|employer|both sides))?: </span>"
)
_MOVELINK = re.compile(
    r'(<a class="rl-movelink" href="[^"]*">)\[moved (from|to) place (\d+)\](</a>)'
)
_HEADING = re.compile(r"Article (?P<number>\S+): (?P<title>.+)", re.DOTALL)
_WAS = re.compile(r'(<span class="rl-renumbered" title=")was ([^"]*)(">)')


def column(label: str) -> str:
    return str(COLUMN_WORDS.get(label, label))


def compares(columns: str) -> str:
    return str(COMPARES.get(columns, columns))


def redline_html(html: str) -> str:
    """The row's redline with its own words (column names, proposers, what a screen reader
    hears, move links) in the active language."""

    def column_name(found: re.Match[str]) -> str:
        english = _ESCAPED.get(found[2])
        shown = escape(column(english)) if english else found[2]
        return f"{found[1]}{shown}{found[3]}"

    html = _LABELED.sub(column_name, html)
    html = _BY.sub(lambda found: f"{found[1]}{escape(str(PROPOSERS[found[2]]))}{found[3]}", html)
    html = _SR.sub(_heard, html)
    html = _MOVELINK.sub(_move_link, html)
    return _WAS.sub(
        lambda m: m[1] + escape(_("was %(number)s") % {"number": unescape(m[2])}) + m[3], html
    )


def _heard(found: re.Match[str]) -> str:
    """What a screen reader hears before a mark: "inserted, proposed by employer: "."""
    if found["mark"]:
        said = str(MARKS[found["mark"]])
    elif found["move"]:
        if found["where"] == "here":
            said = _("moved here, move %(move)s") % {"move": found["move"]}
        else:
            said = _("moved from here, move %(move)s") % {"move": found["move"]}
    else:
        said = _("renumbered, was %(number)s") % {"number": unescape(found["was"])}
    if found["by"]:
        said = _("%(change)s, proposed by %(side)s") % {
            "change": said,
            "side": PROPOSERS[found["by"]],
        }
    return f'<span class="rl-sr">{escape(said)}: </span>'


def _move_link(found: re.Match[str]) -> str:
    if found[2] == "from":
        words = _("[moved from place %(move)s]") % {"move": found[3]}
    else:
        words = _("[moved to place %(move)s]") % {"move": found[3]}
    return f"{found[1]}{escape(words)}{found[4]}"


def changes(text: str) -> str:
    """``replaces the whole article`` or ``amends 14.2; adds 14.5``, in the active language."""
    if text == "replaces the whole article":
        return _("replaces the whole article")
    said = []
    for part in text.split("; "):
        verb, _space, section = part.partition(" ")
        said.append(str(CHANGES[verb] % {"section": section}) if verb in CHANGES else part)
    return "; ".join(said)


def heading(text: str) -> str:
    """``Article 14: Wages`` (as ``building`` writes it), the word "Article" translated."""
    found = _HEADING.fullmatch(text)
    if found is None:
        return text
    return _("Article %(number)s: %(title)s") % found.groupdict()


def shown_rows(rows: list[VersionRow]) -> list[VersionRow]:
    """The rows as members read them: the same rows, their words translated (not saved)."""
    for row in rows:
        row.heading = heading(row.heading)
        row.html = redline_html(row.html)
        row.note = str(NOTES.get(row.note, row.note))
        row.sources = [
            {**s, "changes": changes(s.get("changes") or ""), "passed_on": _day(s.get("passed_on"))}
            for s in row.sources
        ]
    return rows


def _day(iso: Any) -> Any:
    """A pass's day (ISO in the frozen row) as the member's language writes a date."""
    try:
        return date_format(date.fromisoformat(iso), "DATE_FORMAT")
    except (TypeError, ValueError):
        return iso


def member_context(context: dict[str, Any], version: SheetVersion) -> dict[str, Any]:
    """``sheet_context`` for the member page: the column names and rows translated."""
    old, new = version.column_labels
    return {
        **context,
        "old_label": column(old),
        "new_label": column(new),
        "rows": shown_rows(context["rows"]),
    }
