"""HTML redlines: inline or side by side, readable by screen readers and ready to print.

Changes are ``<ins>``/``<del>`` with a visually hidden label ("inserted:", "deleted:",
"moved from here, move 3:") so a screen reader says what a sighted reader sees; underline and
strike-through carry the meaning in print and without colour. Moved text links both ways
between its old and new places; text edited as well as moved shows its changed words inside
the moved block (inline: at its new place; side by side: deletions in the old column,
insertions in the new). A number only renumbered (``ignore_renumbering``) is underlined with
dots and says its old number. Attributed changes (three-way) show who proposed them in words.

``render_html`` returns a whole page with its CSS inlined (so it prints, and WeasyPrint turns
it into the PDF, the same way); ``render_fragment`` returns the markup alone for a page that
loads ``redline.css`` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Literal

from caucus.engines.redline.columns import ColumnRow
from caucus.engines.redline.compare import ArticleDiff
from caucus.engines.redline.moves import edits_in_moves
from caucus.engines.redline.ops import Op, is_renumbered

Layout = Literal["inline", "side-by-side"]
CSS = (Path(__file__).with_name("redline.css")).read_text(encoding="utf-8")
PROPOSERS = {"union": "union", "employer": "employer", "both": "both sides"}


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page header says: the negotiation, the two columns, the date."""

    negotiation: str = "Redline"
    old_label: str = "Current contract"
    new_label: str = "Proposal"
    date: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    ops: list[Op]
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def sections_from_articles(diffs: Sequence[ArticleDiff]) -> list[Section]:
    out = []
    for d in diffs:
        p = d.pair
        note = ""
        if p.how == "added":
            note = "New article."
        elif p.how == "removed":
            note = "Article removed."
        elif p.is_renumbered and p.old is not None:
            note = f"Renumbered; was {p.old.label}."
        out.append(Section(p.article.label, d.ops, note))
    return out


def _label(kind: str, op: Op) -> str:
    word = {"ins": "inserted", "del": "deleted"}[kind]
    if op.move is not None:
        word = "moved here" if kind == "ins" else "moved from here"
        word += f", move {op.move}"
    if op.by is not None:
        word += f", proposed by {PROPOSERS.get(op.by, op.by)}"
    return f'<span class="rl-sr">{word}: </span>'


def _mark(kind: str, op: Op, text: str) -> str:
    classes = [f"rl-{kind}"]
    attrs = ""
    tail = ""
    if op.move is not None:
        classes.append("rl-moved")
        here, there = ("to", "from") if kind == "ins" else ("from", "to")
        attrs += f' id="move-{op.move}-{here}"'
        arrow = "moved from" if kind == "ins" else "moved to"
        tail = (
            f' <a class="rl-movelink" href="#move-{op.move}-{there}">[{arrow} place {op.move}]</a>'
        )
    if op.by is not None:
        classes.append(f"rl-by-{escape(op.by)}")
    body = f"{_label(kind, op)}{escape(text)}"
    return f'<{kind} class="{" ".join(classes)}"{attrs}>{body}</{kind}>{tail}'


def _tagged(op: Op, marks: str) -> str:
    """An attributed change in one bracket with its side's colour, the side named first, so
    the tag cannot be read as the label of the change beside it (the screen reader hears the
    side in each mark's own label)."""
    if op.by is None:
        return marks
    by = escape(op.by)
    return (
        f'<span class="rl-change rl-change-{by}"><span class="rl-by" aria-hidden="true">'
        f"[{escape(PROPOSERS.get(op.by, op.by))}]</span> {marks}</span>"
    )


def _renumbered(op: Op, text: str) -> str:
    """A number changed only by a renumbering: low-key, its old number in words."""
    return (
        f'<span class="rl-renumbered" title="was {escape(op.old_text.strip())}">'
        f'<span class="rl-sr">renumbered, was {escape(op.old_text.strip())}: </span>'
        f"{escape(text)}</span>"
    )


def _equal(op: Op, side: str) -> str:
    text = op.new_text if side == "new" else op.old_text
    if op.old_text != op.new_text and is_renumbered(op.old_text, op.new_text):
        return _renumbered(op, text)
    return escape(text)


def _edited_move(kind: str, move: int, edits: list[Op], shown: tuple[str, ...]) -> str:
    """Move ``move``'s edited text at one of its places: a moved block whose changed words are
    marked inside it (``shown``: which of "del" and "ins" to mark there)."""
    here, there = ("to", "from") if kind == "ins" else ("from", "to")
    word = "moved here" if kind == "ins" else "moved from here"
    arrow = "moved from" if kind == "ins" else "moved to"
    parts = []
    for e in edits:
        if e.op == "equal":
            parts.append(escape(e.new_text if kind == "ins" else e.old_text))
            continue
        for mark, text in (("del", e.old_text), ("ins", e.new_text)):
            if text and mark in shown:
                label = "deleted" if mark == "del" else "inserted"
                parts.append(
                    f'<{mark} class="rl-{mark}"><span class="rl-sr">{label}: </span>'
                    f"{escape(text)}</{mark}>"
                )
    return (
        f'<span class="rl-moved rl-moved-{kind}" id="move-{move}-{here}">'
        f'<span class="rl-sr">{word}, move {move}, edited: </span>{"".join(parts)}</span>'
        f' <a class="rl-movelink" href="#move-{move}-{there}">[{arrow} place {move}]</a>'
    )


def _inline(ops: Sequence[Op]) -> str:
    edits = edits_in_moves(ops)
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(_equal(op, "new"))
            continue
        marks = []
        if op.old_text:
            marks.append(_mark("del", op, op.old_text))
        if op.new_text:
            if op.move is not None and op.move in edits:
                marks.append(_edited_move("ins", op.move, edits[op.move], ("del", "ins")))
            else:
                marks.append(_mark("ins", op, op.new_text))
        parts.append(_tagged(op, "".join(marks)))
    return f'<div class="rl-doc rl-inline">{"".join(parts)}</div>'


def _column_cell(ops: Sequence[Op], label: str, changed: bool) -> str:
    """One side's cell of a row: its changes marked (the column says whose), or a short
    "No change" where it changes nothing."""
    head = f'<span class="rl-col-label">{escape(label)}</span>'
    if not changed:
        return f'<td class="rl-doc rl-same">{head}<span class="rl-nochange">No change</span></td>'
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(escape(op.new_text))
            continue
        if op.old_text:
            parts.append(_mark("del", op, op.old_text))
        if op.new_text:
            parts.append(_mark("ins", op, op.new_text))
    return f'<td class="rl-doc">{head}{"".join(parts).rstrip()}</td>'


def render_columns(rows: Sequence[ColumnRow], labels: tuple[str, str, str]) -> str:
    """Three columns (current | union | employer), a row per stretch between the line breaks
    neither side changes; a row neither side changes spans the two proposals' columns. On a
    phone the cells stack, each under its column's label (``.rl-col-label``)."""
    body = []
    for row in rows:
        if row.is_blank:
            continue
        current = (
            f'<td class="rl-doc"><span class="rl-col-label">{escape(labels[0])}</span>'
            f"{escape(row.current.rstrip())}</td>"
        )
        union, employer = row.changed_by("union"), row.changed_by("employer")
        if not union and not employer:
            body.append(
                f'<tr class="rl-row-same">{current}<td class="rl-doc rl-same" colspan="2">'
                '<span class="rl-nochange">No change proposed</span></td></tr>'
            )
            continue
        body.append(
            f"<tr>{current}{_column_cell(row.union, labels[1], union)}"
            f"{_column_cell(row.employer, labels[2], employer)}</tr>"
        )
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in labels)
    return (
        f'<table class="rl-cols"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}'
        "</tbody></table>"
    )


def _side_by_side(ops: Sequence[Op], meta: Meta) -> str:
    edits = edits_in_moves(ops)
    rows: list[tuple[str, str]] = []
    old: list[str] = []
    new: list[str] = []
    for op in ops:
        if op.op != "equal":
            if op.old_text:
                if op.move is not None and op.move in edits:
                    old.append(_edited_move("del", op.move, edits[op.move], ("del",)))
                else:
                    old.append(_mark("del", op, op.old_text))
            if op.new_text:
                if op.move is not None and op.move in edits:
                    new.append(_edited_move("ins", op.move, edits[op.move], ("ins",)))
                else:
                    new.append(_mark("ins", op, op.new_text))
            continue
        if op.old_text != op.new_text and is_renumbered(op.old_text, op.new_text):
            old.append(_equal(op, "old"))
            new.append(_equal(op, "new"))
            continue
        # An unchanged line break closes the row, so paragraphs sit side by side.
        old_lines = op.old_text.splitlines(keepends=True)
        new_lines = op.new_text.splitlines(keepends=True)
        if len(old_lines) != len(new_lines):  # only when whitespace is ignored
            old_lines, new_lines = [op.old_text], [op.new_text]
        for o, n in zip(old_lines, new_lines, strict=True):
            old.append(escape(o))
            new.append(escape(n))
            if n.endswith(("\n", "\r")):
                rows.append(("".join(old), "".join(new)))
                old.clear()
                new.clear()
    if old or new:
        rows.append(("".join(old), "".join(new)))
    body = "".join(
        f'<tr><td class="rl-doc">{o}</td><td class="rl-doc">{n}</td></tr>' for o, n in rows
    )
    return (
        '<table class="rl-sbs"><thead><tr>'
        f'<th scope="col">{escape(meta.old_label)}</th><th scope="col">{escape(meta.new_label)}</th>'
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


def render_fragment(ops: Sequence[Op], layout: Layout = "inline", meta: Meta | None = None) -> str:
    """The redline markup of ``ops`` alone (needs ``redline.css``)."""
    if layout == "side-by-side":
        return _side_by_side(ops, meta or Meta())
    return _inline(ops)


def render_html(
    content: Sequence[Op] | Sequence[Section],
    *,
    layout: Layout = "inline",
    meta: Meta | None = None,
) -> str:
    """A whole HTML page: header (negotiation, columns, date), one ``<section>`` per article."""
    meta = meta or Meta()
    if content and isinstance(content[0], Op):
        sections = [Section("", [op for op in content if isinstance(op, Op)])]
    else:
        sections = [s for s in content if isinstance(s, Section)]
    columns = f"{meta.old_label} → {meta.new_label}"
    parts = []
    for s in sections:
        heading = f"<h2>{escape(s.heading)}</h2>" if s.heading else ""
        note = f'<p class="rl-note">{escape(s.note)}</p>' if s.note else ""
        parts.append(
            f'<section class="rl-article">{heading}{note}{render_fragment(s.ops, layout, meta)}</section>'
        )
    date = f'<p class="rl-date">{escape(meta.date)}</p>' if meta.date else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(meta.negotiation)}: {escape(columns)}</title>"
        f"<style>{CSS}</style></head><body>"
        f'<header class="rl-header"><h1 class="rl-negotiation">{escape(meta.negotiation)}</h1>'
        f'<p class="rl-columns">{escape(columns)}</p>{date}'
        '<p class="rl-key">Key: <ins class="rl-ins">underlined</ins> text is inserted, '
        '<del class="rl-del">struck-through</del> text is deleted, text with a dotted border '
        "moved (its link goes to the other place; words changed in the move are marked inside "
        'it), <span class="rl-renumbered">dotted underlined</span> numbers only renumbered.'
        "</p></header>"
        f"<main>{''.join(parts)}</main></body></html>\n"
    )
