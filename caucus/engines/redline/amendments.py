"""Section amendments: what a proposal does to an article, applied to the article's text.

A proposal replaces an article whole, or changes sections of it by number: it *amends* a
section (its new text in place of the old), *adds* one, or *deletes* one. ``apply_changes``
turns the current text and such changes into the article as the proposal would have it, so a
redline of the two marks only what the proposal changes: every section it does not name is
kept byte for byte, and so is the text between sections.

``sections_of(text)`` cuts a text at its section numbers: a dotted number first on its line
("14.2 Effective…", "14.2. Effective…", "Section 14.2 Effective…"; any depth, so 14.2.1 is
a section of its own), each section running to the next one. Text before the first number
(a heading, a preamble) is a piece with no number. Joining the pieces gives the text back.

``read_changes(current, text)`` reads a pasted proposal the way a negotiator writes one:
each numbered section of the text amends the current section of that number, or adds a
section where the current text has none. What it cannot read (text before the first number)
it reports, and ``suggested_effect`` then suggests replacing the article whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Action = Literal["amend", "add", "delete"]
Effect = Literal["replace", "sections"]
ACTIONS: tuple[Action, ...] = ("amend", "add", "delete")

_NUMBER = r"[0-9]+[A-Za-z]?(?:\.[0-9]+[A-Za-z]?)+"
_SECTION = re.compile(
    rf"^[ \t]*(?:(?:Section|SECTION|Sec\.|§)[ \t]*)?(?P<num>{_NUMBER})\.?(?=[ \t]|\r?$)",
    re.MULTILINE,
)
SECTION_NUMBER = re.compile(rf"\A{_NUMBER}\Z")
_TRAILING_SPACE = re.compile(r"\s*\Z")


@dataclass(frozen=True, slots=True)
class Piece:
    """A section of an article (``number`` set) or the text before its first section."""

    number: str | None
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class SectionChange:
    """One change a proposal makes: ``text`` is the section's new text (with or without its
    number first); a deletion has none."""

    section: str
    action: Action
    text: str = ""

    def as_data(self) -> dict[str, str]:
        return {"section": self.section, "action": self.action, "text": self.text}


class AmendmentError(ValueError):
    """Changes that cannot apply to the article; ``section`` names the one at fault."""

    def __init__(self, message: str, section: str | None = None) -> None:
        super().__init__(message)
        self.section = section


def sections_of(text: str) -> list[Piece]:
    """``text`` cut at its section numbers; joining the pieces' text gives ``text``."""
    starts = [(m.start(), m.group("num")) for m in _SECTION.finditer(text)]
    pieces = []
    if not starts or starts[0][0] != 0:
        first = starts[0][0] if starts else len(text)
        if first:
            pieces.append(Piece(None, text[:first], 0))
    for k, (start, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        pieces.append(Piece(number, text[start:end], start))
    return pieces


def section_numbers(text: str) -> list[str]:
    return [p.number for p in sections_of(text) if p.number is not None]


def number_key(number: str) -> tuple[tuple[int, str], ...]:
    """Sort key of a section number: 14.2 < 14.2.1 < 14.2A < 14.10."""
    key = []
    for part in number.split("."):
        m = re.fullmatch(r"([0-9]+)([A-Za-z]?)", part)
        key.append((int(m.group(1)), m.group(2).lower()) if m else (0, part))
    return tuple(key)


def read_changes(
    current: str, text: str, deletes: Iterable[str] = ()
) -> tuple[list[SectionChange], str]:
    """The changes ``text`` makes, read from its section numbers, then the deletions named;
    and the text it could not place (before its first number), stripped, or ``""``."""
    changes = []
    have = set(section_numbers(current))
    unplaced = ""
    for piece in sections_of(text):
        if piece.number is None:
            unplaced = piece.text.strip()
            continue
        action: Action = "amend" if piece.number in have else "add"
        changes.append(SectionChange(piece.number, action, piece.text.strip()))
    changes += [SectionChange(number, "delete") for number in deletes]
    return changes, unplaced


def unplaced_problem(unplaced: str) -> str:
    """Why text before the first section number cannot be read as section changes."""
    return (
        f"“{unplaced[:60]}” comes before the first section number, so it belongs to no "
        "section: remove it, or say the proposal replaces the whole article."
    )


def suggested_effect(current: str, text: str) -> Effect:
    """Sections when the text is numbered sections and nothing else, else the whole article."""
    changes, unplaced = read_changes(current, text)
    return "sections" if changes and not unplaced else "replace"


def problems(current: str, changes: Sequence[SectionChange]) -> list[AmendmentError]:
    """Why ``changes`` cannot apply to ``current``: none when they can."""
    have = set(section_numbers(current))
    found: list[AmendmentError] = []
    if not changes:
        found.append(AmendmentError("Name at least one section the proposal changes."))
    seen: set[str] = set()
    for c in changes:
        if not SECTION_NUMBER.match(c.section):
            found.append(AmendmentError(f"“{c.section}” is not a section number.", c.section))
        elif c.section in seen:
            found.append(AmendmentError(f"Section {c.section} is named twice.", c.section))
        elif c.action in ("amend", "delete") and c.section not in have:
            found.append(
                AmendmentError(f"The article has no section {c.section} to {c.action}.", c.section)
            )
        elif c.action == "add" and c.section in have:
            found.append(
                AmendmentError(
                    f"The article already has a section {c.section}: amend it instead.", c.section
                )
            )
        elif c.action != "delete" and not c.text.strip():
            found.append(AmendmentError(f"Give the text of section {c.section}.", c.section))
        seen.add(c.section)
    return found


def _body(change: SectionChange) -> str:
    """The section's new text, its number first."""
    text = change.text.strip()
    numbers = section_numbers(text)
    return text if numbers and numbers[0] == change.section else f"{change.section} {text}"


def _separator(pieces: Sequence[Piece]) -> str:
    """The whitespace the text puts between its sections (a blank line when it has one)."""
    for piece in pieces[:-1]:
        if piece.number is not None:
            space = _TRAILING_SPACE.search(piece.text)
            if space and "\n" in space.group():
                return space.group()
    return "\n\n"


def apply_changes(current: str, changes: Sequence[SectionChange]) -> str:
    """The article as the changes make it. An amended section keeps the whitespace after it;
    an added section goes before the first section numbered after it (or at the end).
    Raises AmendmentError for changes that cannot apply (see ``problems``)."""
    wrong = problems(current, changes)
    if wrong:
        raise wrong[0]
    pieces = sections_of(current)
    sep = _separator(pieces)
    by_number = {c.section: c for c in changes}
    out: list[str] = []
    additions = sorted(
        (c for c in changes if c.action == "add"), key=lambda c: number_key(c.section)
    )
    for piece in pieces:
        if piece.number is not None:
            while additions and number_key(additions[0].section) < number_key(piece.number):
                out.append(_body(additions.pop(0)) + sep)
        change = by_number.get(piece.number) if piece.number is not None else None
        if change is None:
            out.append(piece.text)
        elif change.action == "amend":
            space = _TRAILING_SPACE.search(piece.text)
            out.append(_body(change) + (space.group() if space else ""))
    if additions:
        tail = _TRAILING_SPACE.search("".join(out[-1:]))
        gap = tail.group() if tail else ""
        if "".join(out).strip():
            out.append(sep[len(gap) :] if sep.startswith(gap) else sep)
        out.append(sep.join(_body(c) for c in additions))
    return "".join(out)


def proposed_text(
    current: str, effect: Effect, text: str, changes: Sequence[SectionChange] = ()
) -> str:
    """The article as a proposal would have it: its text when it replaces the article whole,
    else the current text with its section changes applied."""
    return text if effect == "replace" else apply_changes(current, changes)


def changes_from_data(data: Iterable[dict[str, str]]) -> list[SectionChange]:
    """Changes from their stored form ``{"section", "action", "text"}`` (unknown actions are
    refused)."""
    out = []
    for item in data:
        action = item.get("action", "")
        if action not in ACTIONS:
            raise AmendmentError(f"“{action}” is not amend, add or delete.", item.get("section"))
        section, text = str(item.get("section", "")), str(item.get("text", ""))
        out.append(SectionChange(section, action, text))
    return out
