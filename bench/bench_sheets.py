"""Comparison-sheet benchmark: a generated 50,000-word contract (bench/redline_data) with a
pass by each side on most articles, each amending or adding a section or two, built end to
end through the build task (compare every row, draw the PDF, write the DOCX, store the
version) into a three-column sheet; then a second version after one new pass. ReportLab draws
a three-column sheet's PDF (``render_columns_pdf``). Peer, in the same run: the same sheet's
print page printed by WeasyPrint as one document, as before ReportLab. Each stage is timed on
the wall and in CPU (this process): the machine is shared, and the gap between the two is
time spent waiting for a core. Runs in a child process on a scratch SQLite database.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORDS = 50_000
TARGET_SECONDS = 8.0
UNION_SHARE, EMPLOYER_SHARE, ADD_SHARE = 0.85, 0.7, 0.2


def _world() -> tuple[Any, Any]:
    from django.contrib.auth import get_user_model

    from caucus.orgs.models import Coalition, Employer
    from caucus.table.models import Negotiation

    coalition = Coalition.objects.create(name="Bench Coalition", slug="bench")
    employer = Employer.objects.create(name="BigCo", slug="bigco", email_domains="bigco.example")
    negotiation = Negotiation.objects.create(
        coalition=coalition, employer=employer, name="Bench Agreement", slug="bench"
    )
    actor = get_user_model().objects.create_user("bench", password="bench-bench-bench")
    return negotiation, actor


def _articles(negotiation: Any) -> list[Any]:
    from bench.redline_data.generate import contract
    from caucus.engines.redline.articles import split_articles
    from caucus.table.models import Article

    made = []
    for order, piece in enumerate(split_articles(contract(WORDS, seed=1)), start=1):
        if piece.number is None:
            continue
        body = piece.text.split("\n", 1)[1] if "\n" in piece.text else ""
        made.append(
            Article(
                negotiation=negotiation,
                number=piece.number,
                title=piece.title.title(),
                current_text=body.strip() + "\n",
                order=order,
            )
        )
    return Article.objects.bulk_create(made)


def _sections(rng: random.Random, article: Any, count: int) -> list[dict[str, str]]:
    from bench.redline_data.generate import _sentence
    from caucus.engines.redline.amendments import section_numbers

    numbers = section_numbers(article.current_text)
    changes = [
        {"section": n, "action": "amend", "text": f"{n} {_sentence(rng, 40)} {_sentence(rng, 40)}"}
        for n in rng.sample(numbers, min(count, len(numbers)))
    ]
    if rng.random() < ADD_SHARE:
        new = f"{article.number}.{len(numbers) + 1}"
        changes.append({"section": new, "action": "add", "text": f"{new} {_sentence(rng, 40)}"})
    return changes


def _pass(negotiation: Any, actor: Any, article: Any, side: str, changes: list[Any]) -> None:
    from caucus.table.actions import do_pass_proposal

    do_pass_proposal(
        actor,
        negotiation,
        side=side,
        article=article,
        title=f"{side.title()} on article {article.number}",
        text="\n\n".join(c["text"] for c in changes),
        effect="sections",
        sections=changes,
        is_published=True,
    )


def _passes(negotiation: Any, actor: Any, articles: list[Any]) -> int:
    rng = random.Random(7)
    passed = 0
    for article in articles:
        for side, share in (("union", UNION_SHARE), ("employer", EMPLOYER_SHARE)):
            if rng.random() < share:
                _pass(negotiation, actor, article, side, _sections(rng, article, rng.randint(1, 2)))
                passed += 1
    return passed


Stages = dict[str, list[float]]  # a stage's wall and CPU seconds


def _timed(stages: Stages, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            wall, used = stages.get(name, [0.0, 0.0])
            stages[name] = [wall + time.perf_counter() - start, used + time.process_time() - cpu]

    return wrapper


def _seconds(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def _build(sheet: Any, actor: Any) -> tuple[float, Stages, Any]:
    """One version built through the build task, end to end, with the time of each stage."""
    from caucus.sheets import building
    from caucus.sheets.actions import do_request_build
    from caucus.sheets.tasks import build_version

    stages: Stages = {}
    real = (building._compare_rows, building.sheet_pdf, building.sheet_docx)
    building._compare_rows = _timed(stages, "compare and render the rows", real[0])
    building.sheet_pdf = _timed(stages, "print the PDF", real[1])
    building.sheet_docx = _timed(stages, "write the DOCX", real[2])
    try:
        start = time.perf_counter()
        version = do_request_build(actor, sheet, enqueue=False)
        build_version.call(version.pk)
        seconds = time.perf_counter() - start
    finally:
        building._compare_rows, building.sheet_pdf, building.sheet_docx = real
    version.refresh_from_db()
    assert version.is_built, version.error
    return seconds, stages, version


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f}"


def _pages(version: Any) -> int:
    from pypdf import PdfReader

    with version.pdf.open("rb") as f:
        return len(PdfReader(f).pages)


def child() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from caucus.engines.redline.render_pdf import render_pdf
    from caucus.sheets.actions import do_create_sheet
    from caucus.sheets.documents import print_html, sheet_pdf

    load_start = _load()
    negotiation, actor = _world()
    articles = _articles(negotiation)
    passed = _passes(negotiation, actor, articles)
    sheet = do_create_sheet(
        actor,
        negotiation,
        title="Where the articles stand",
        columns="three_way",
        layout="columns",
        included_article_ids=[a.pk for a in articles],
    )
    cold, cold_stages, version = _build(sheet, actor)
    rows = list(version.rows.all())
    changed = articles[len(articles) // 2]
    _pass(negotiation, actor, changed, "union", _sections(random.Random(99), changed, 1))
    warm, warm_stages, _ = _build(sheet, actor)
    # The machine is shared: ours, the peer, ours again, in turn; the peer once (it takes
    # several times as long), ours the median of the two runs around it.
    ours = [_seconds(sheet_pdf, version, rows)[0]]
    peer, peer_pdf = _seconds(render_pdf, print_html(version, rows))
    ours.append(_seconds(sheet_pdf, version, rows)[0])
    out = {
        "articles": len(articles),
        "words": sum(len(a.current_text.split()) for a in articles),
        "passes": passed,
        "cold": cold,
        "cold_stages": cold_stages,
        "warm": warm,
        "warm_stages": warm_stages,
        "peer": peer,
        "ours": statistics.median(ours),
        "our_runs": ours,
        "load_start": load_start,
        "load": _load(),
        "pdf_pages": _pages(version),
        "pdf_bytes": version.pdf.size,
        "peer_pdf_bytes": len(peer_pdf),
        "docx_bytes": version.docx.size,
    }
    print(json.dumps(out))


def run_child(folder: Path) -> dict[str, Any]:
    env = dict(os.environ, CAUCUS_DEMO="true", DJANGO_SETTINGS_MODULE="caucus.settings")
    env.pop("CAUCUS_TESTING", None)
    env["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    env["MEDIA_ROOT"] = str(folder / "media")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bench.bench_sheets", "--child"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
    except subprocess.CalledProcessError as error:
        print(error.stdout, error.stderr, file=sys.stderr)
        raise
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def report(r: dict[str, Any]) -> str:
    lines = [
        "## Comparison sheets",
        "",
        f"A generated contract of {r['words']:,} words in {r['articles']} articles, "
        f"{r['passes']} passes (each amending one or two sections, some adding one), built "
        "end to end through the build task into a three-column sheet of every article; its "
        "PDF drawn by ReportLab. Peer: the same sheet's print page printed by WeasyPrint as "
        "one document. Wall time, and CPU time of the process (the machine is shared).",
        "",
        "| build | stage | wall s | CPU s |",
        "|---|---|---:|---:|",
    ]
    for name, total, stages in (
        ("first version", r["cold"], r["cold_stages"]),
        ("next version, one article changed", r["warm"], r["warm_stages"]),
    ):
        for stage, (wall, cpu) in stages.items():
            lines.append(f"| {name} | {stage} | {wall:.2f} | {cpu:.2f} |")
        lines.append(f"| {name} | **end to end** | **{total:.2f}** | |")
    lines += [
        f"| in turn | the PDF (ReportLab), median of 2 | {r['ours']:.2f} | |",
        f"| in turn | **peer**: the PDF by WeasyPrint, once | {r['peer']:.2f} | |",
        "",
        f"The PDF: {r['peer'] / r['ours']:.1f}× the peer's speed (ReportLab before and after "
        f"the peer, in turn). Load average (1 min / 5 min) at the start {r['load_start']} and "
        f"at the end {r['load']} on {os.cpu_count()} cores. Files: PDF "
        f"{r['pdf_bytes'] / 1e6:.1f} MB, {r['pdf_pages']} pages (peer "
        f"{r['peer_pdf_bytes'] / 1e6:.1f} MB), DOCX {r['docx_bytes'] / 1e6:.1f} MB.",
        f"Target: ≤ {TARGET_SECONDS:.0f} s end to end for the {WORDS:,}-word sheet: first "
        f"version {'met' if r['cold'] <= TARGET_SECONDS else 'not met'}, next version "
        f"{'met' if r['warm'] <= TARGET_SECONDS else 'not met'}.",
    ]
    return "\n".join(lines)


def main() -> None:
    from bench.report import write_section

    with tempfile.TemporaryDirectory() as tmp:
        result = run_child(Path(tmp))
    body = report(result)
    print(body)
    write_section("sheets", body)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child()
    else:
        main()
