"""Redline benchmark: our diff against difflib, diff-match-patch, ``redlines`` and git.

Inputs: generated contracts (bench/redline_data/generate.py: renumbering, moved sections,
changed money and dates) of ~50,000 and ~150,000 words, and real public texts with real
edits that ship on every Debian machine (/usr/share/common-licenses: GFDL 1.2 -> 1.3,
LGPL 2 -> 2.1, GPL 2 -> 3). Ours is timed end to end: tokenize, diff, moves, JSON out.
Peers too slow at full size (difflib, ``redlines``: minutes) are timed once on a 10,000-word
pair, each once in its own process with a 300 s timeout, as the table says
(diff-match-patch without its time limit did not finish a
50,000-word pair within 15 minutes, so it too is timed at 10,000).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

from bench.redline_data.generate import contract_pair
from bench.report import median, timings, write_section
from caucus.engines.redline.diff import diff
from caucus.engines.redline.json_format import to_json
from caucus.engines.redline.tokens import token_texts

LICENSES = Path("/usr/share/common-licenses")
REAL = [("GFDL-1.2", "GFDL-1.3"), ("LGPL-2", "LGPL-2.1"), ("GPL-2", "GPL-3")]


def ours(old: str, new: str) -> str:
    return to_json(diff(old, new))


def our_spans(old: str, new: str) -> int:
    return sum(op.op != "equal" for op in diff(old, new))


def with_difflib(old: str, new: str) -> int:
    matcher = SequenceMatcher(None, token_texts(old), token_texts(new), autojunk=False)
    return sum(tag != "equal" for tag, *_ in matcher.get_opcodes())


def with_dmp(old: str, new: str) -> int:
    from diff_match_patch import diff_match_patch

    ids: dict[str, str] = {}

    def chars(tokens: list[str]) -> str:
        # Words to chars: one code point per distinct token, skipping the surrogates.
        out = []
        for t in tokens:
            if t not in ids:
                n = len(ids) + 0x100
                ids[t] = chr(n if n < 0xD800 else n + 0x800)
            out.append(ids[t])
        return "".join(out)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(chars(token_texts(old)), chars(token_texts(new)), False)
    dmp.diff_cleanupSemantic(diffs)
    return sum(op != 0 for op, _ in diffs)


def with_redlines(old: str, new: str) -> int:
    from redlines import Redlines

    return Redlines(old, new).output_markdown.count("<span")


def with_git(old: str, new: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "old"), Path(tmp, "new")
        a.write_text(old, encoding="utf-8")
        b.write_text(new, encoding="utf-8")
        out = subprocess.run(
            [
                "git",
                "diff",
                "--no-index",
                "--word-diff=porcelain",
                "--histogram",
                "-U0",
                str(a),
                str(b),
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    spans, in_change = 0, False
    for line in out.split("\n")[4:]:
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            spans += not in_change
            in_change = True
        elif line.startswith((" ", "~", "@@")):
            in_change = False
    return spans


def progress(what: str) -> None:
    print(f"  {what}", flush=True)


PEER_TIMEOUT = 300
PEERS = {"difflib": "with_difflib", "dmp": "with_dmp", "redlines": "with_redlines"}


def peer_seconds(name: str, words: int) -> float:
    """One run of a slow peer in its own process, so a stuck peer costs at most the timeout
    (reported as infinity)."""
    code = (
        "import time\n"
        "from bench.redline_data.generate import contract_pair\n"
        f"from bench.bench_redline import {PEERS[name]} as fn\n"
        f"old, new = contract_pair({words})\n"
        "t = time.perf_counter(); fn(old, new); print(time.perf_counter() - t)\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=PEER_TIMEOUT,
            cwd=Path(__file__).resolve().parent.parent,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return float("inf")
    return float(done.stdout.strip())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def peak_mib(old: str, new: str) -> float:
    tracemalloc.start()
    ours(old, new)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    rows = []
    pairs = {w: contract_pair(w) for w in (10_000, 50_000, 150_000)}
    results: dict[tuple[str, int], float] = {}
    for words, (old, new) in pairs.items():
        progress(f"ours and git at {words:,} words")
        results["ours", words] = median(timings(lambda o=old, n=new: ours(o, n), repeat=7))
        results["git", words] = median(timings(lambda o=old, n=new: with_git(o, n), repeat=5))
    for name in ("redlines", "dmp", "difflib"):
        progress(f"{name} at 10,000 words")
        results[name, 10_000] = peer_seconds(name, 10_000)
    progress("spans")
    spans = {w: (our_spans(*pairs[w]), with_git(*pairs[w]), with_dmp(*pairs[w])) for w in (10_000,)}
    rows.append(
        "| pair | ours (tokenize+diff+moves+JSON) | git --histogram word-diff | diff-match-patch (words) | difflib (tokens) | redlines |"
    )
    rows.append("|---|---|---|---|---|---|")
    for words in (10_000, 50_000, 150_000):

        def cell(name: str, w: int = words) -> str:
            t = results.get((name, w))
            if t is None:
                return "not run at this size"
            if t == float("inf"):
                return f"> {PEER_TIMEOUT} s (timed out)"
            ratio = t / results["ours", w]
            return ms(t) if name == "ours" else f"{ms(t)} ({ratio:,.1f}× ours)"

        rows.append(
            f"| generated, {words:,} words | {cell('ours')} | {cell('git')} | {cell('dmp')} | {cell('difflib')} | {cell('redlines')} |"
        )
    rows.append("")
    rows.append("Changed spans (fewer reads better, same pair): ")
    for w, (o, g, d) in spans.items():
        rows.append(f"- {w:,} words: ours {o}, git histogram {g}, diff-match-patch {d}.")
    rows.append("")
    progress("memory")
    m50, m150 = peak_mib(*pairs[50_000]), peak_mib(*pairs[150_000])
    rows.append(
        f"Peak memory (tracemalloc, ours): {m50:.1f} MiB at 50k words, {m150:.1f} MiB at 150k "
        f"({m150 / m50:.1f}× for 3× the words)."
    )
    rows.append("")
    rows.append("Real texts with real edits (/usr/share/common-licenses on Debian):")
    rows.append("")
    rows.append("| pair | words | ours | git | spans ours / git |")
    rows.append("|---|---|---|---|---|")
    for a, b in REAL:
        if not (LICENSES / a).exists() or not (LICENSES / b).exists():
            continue
        old = (LICENSES / a).read_text(encoding="utf-8")
        new = (LICENSES / b).read_text(encoding="utf-8")
        t = median(timings(lambda o=old, n=new: ours(o, n), repeat=5))
        g = median(timings(lambda o=old, n=new: with_git(o, n), repeat=5))
        rows.append(
            f"| {a} → {b} | {len(new.split()):,} | {ms(t)} | {ms(g)} | {our_spans(old, new)} / {with_git(old, new)} |"
        )
    body = "## Redline\n\n" + "\n".join(rows)
    print(body)
    write_section("redline", body)


if __name__ == "__main__":
    main()
