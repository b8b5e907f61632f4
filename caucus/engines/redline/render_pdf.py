"""PDF of a redline: WeasyPrint prints the page ``render_html`` made, header and all.

The page's own print CSS puts the negotiation, the columns and the date in every page's
header and starts each article on a new page, so the PDF and a browser's print agree.

A long sheet is printed in parts (an article each): ``render_pdfs`` prints many pages at
once, in worker processes when there are enough of them to share (WeasyPrint lays out one
document on one core), and ``join_pdfs`` binds the parts into one PDF with pypdf. pypdf is
pure Python (no binary to install on a worker, unlike qpdf or poppler's pdfunite) and only
copies the parts' page objects, which takes a small fraction of the time the printing does.
``part_key`` names a part by what it prints, so a caller can keep parts between builds.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from multiprocessing import get_context
from typing import Any

# Fewer pages than this print in the calling process: starting workers would cost more.
PARALLEL_FROM = 6
_pool: ProcessPoolExecutor | None = None


@cache
def _font_config() -> Any:
    # One font configuration per process: making one per document doubles a short page's time.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(html: str) -> bytes:
    # Imported here, not above: WeasyPrint takes half a second to import, and the apps import
    # this module on every start to print PDFs now and then (this is no cycle: it is not ours).
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it skips; a redline is not the place for that noise.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    pdf = HTML(string=html).write_pdf(font_config=_font_config())
    if not isinstance(pdf, bytes):  # given no target, write_pdf returns the bytes
        raise TypeError(f"WeasyPrint returned {type(pdf).__name__}, not the PDF's bytes")
    return pdf


def _render_many(htmls: list[str]) -> list[bytes]:
    return [render_pdf(html) for html in htmls]


def workers() -> int:
    """Worker processes to print with: one per core, two at most (a sheet's build shares the
    machine with the site and the other tasks)."""
    return max(1, min(2, os.cpu_count() or 1))


def _shares(htmls: Sequence[str], count: int) -> list[list[int]]:
    """Indexes of ``htmls`` in ``count`` shares of about equal length, longest first."""
    shares: list[list[int]] = [[] for _ in range(count)]
    sizes = [0] * count
    for k in sorted(range(len(htmls)), key=lambda k: -len(htmls[k])):
        lightest = sizes.index(min(sizes))
        shares[lightest].append(k)
        sizes[lightest] += len(htmls[k])
    return [share for share in shares if share]


def render_pdfs(htmls: Sequence[str], *, processes: int | None = None) -> list[bytes]:
    """Each page of ``htmls`` printed on its own, in order; shared among ``processes`` worker
    processes (default ``workers()``) when there are ``PARALLEL_FROM`` pages or more."""
    global _pool  # one pool per process, kept between builds
    count = processes or workers()
    if count < 2 or len(htmls) < PARALLEL_FROM:
        return _render_many(list(htmls))
    if _pool is None:
        # Spawned, not forked: the caller may hold database connections and threads.
        _pool = ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn"))
    # A few shares per worker, so one that gets the long articles does not hold the rest up.
    shares = _shares(htmls, count * 3)
    out: list[bytes] = [b""] * len(htmls)
    for share, pdfs in zip(
        shares, _pool.map(_render_many, [[htmls[k] for k in s] for s in shares]), strict=True
    ):
        for k, pdf in zip(share, pdfs, strict=True):
            out[k] = pdf
    return out


def can_join() -> bool:
    """Whether pypdf is installed to bind parts (without it, print the whole page at once)."""
    return find_spec("pypdf") is not None


def join_pdfs(parts: Sequence[bytes]) -> bytes:
    """The parts' pages in order, as one PDF."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def part_key(html: str) -> str:
    """A name for the PDF of ``html``: the same page printed by the same WeasyPrint has it."""
    digest = hashlib.sha256(f"weasyprint {version('weasyprint')}\n".encode())
    digest.update(html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
