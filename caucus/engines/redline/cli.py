"""``caucus redline OLD NEW``: a redline of two files, with no database and no Django.

    caucus redline OLD NEW [--format json|html|docx|pdf] [--output FILE] [--employer FILE]
                           [--layout inline|side-by-side] [--articles] [--negotiation NAME]
                           [--author NAME] [--ignore-whitespace] [--ignore-renumbering]
                           [--no-moves]

With ``--employer``, OLD is the current contract, NEW the union's proposal and FILE the
employer's; every change is attributed to the side that proposed it. Files are read as UTF-8
with their line endings kept (``.docx`` files: their paragraphs' text). Exit codes: 0 done,
2 bad arguments or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from docx import Document

from caucus.engines.redline.compare import compare_articles, diff
from caucus.engines.redline.json_format import chunks_to_json, to_json
from caucus.engines.redline.ops import Op
from caucus.engines.redline.render_docx import render_docx
from caucus.engines.redline.render_html import Meta, Section, render_html, sections_from_articles
from caucus.engines.redline.render_pdf import render_pdf
from caucus.engines.redline.threeway import attributed_ops, three_way


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="caucus redline", description=__doc__.split("\n\n")[0])
    p.add_argument("old", help="the current contract (text or .docx)")
    p.add_argument("new", help="the proposal (the union's, with --employer)")
    p.add_argument("--format", choices=["json", "html", "docx", "pdf"], default="json")
    p.add_argument("--output", "-o", help="write here instead of standard output")
    p.add_argument("--employer", help="the employer's proposal: a three-way redline")
    p.add_argument("--layout", choices=["inline", "side-by-side"], default="inline")
    p.add_argument("--articles", action="store_true", help="HTML/PDF: one section per article")
    p.add_argument("--negotiation", default="Redline", help="the header's title")
    p.add_argument("--author", default="Proposal", help="DOCX: the author of the changes")
    p.add_argument("--ignore-whitespace", action="store_true")
    p.add_argument(
        "--ignore-renumbering",
        action="store_true",
        help="leave unmarked the numbers changed only because articles were renumbered",
    )
    p.add_argument("--no-moves", action="store_true", help="do not look for moved text")
    return p


def _read(path: str) -> str:
    if path.lower().endswith(".docx"):
        return "\n".join(p.text for p in Document(path).paragraphs)
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        old, new = _read(args.old), _read(args.new)
        employer = _read(args.employer) if args.employer else None
    except (OSError, ValueError) as exc:
        print(f"caucus redline: {exc}", file=sys.stderr)
        return 2
    today = datetime.now().astimezone().date().isoformat()  # the local date
    if employer is not None:
        chunks = three_way(old, new, employer)
        ops = attributed_ops(chunks)
        meta = Meta(args.negotiation, "Current contract", "Union and employer proposals", today)
    else:
        ops = diff(
            old,
            new,
            detect_moves=not args.no_moves,
            ignore_whitespace=args.ignore_whitespace,
            ignore_renumbering=args.ignore_renumbering,
        )
        meta = Meta(args.negotiation, Path(args.old).name, Path(args.new).name, today)
    data: str | bytes
    if args.format == "json":
        data = chunks_to_json(chunks) if employer is not None else to_json(ops)
        data += "\n"
    elif args.format == "docx":
        data = render_docx(ops, author=args.author, header=f"{meta.negotiation} — {today}")
    else:
        content: list[Op] | list[Section] = ops
        if args.articles and employer is None:
            content = sections_from_articles(
                compare_articles(
                    old,
                    new,
                    detect_moves=not args.no_moves,
                    ignore_renumbering=args.ignore_renumbering,
                )
            )
        data = render_html(content, layout=args.layout, meta=meta)
        if args.format == "pdf":
            data = render_pdf(data)
    _write(data, args.output)
    return 0


def _write(data: str | bytes, output: str | None) -> None:
    raw = data.encode("utf-8", errors="surrogateescape") if isinstance(data, str) else data
    if output:
        Path(output).write_bytes(raw)
    else:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
