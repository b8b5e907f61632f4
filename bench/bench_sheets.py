"""Comparison-sheet benchmark: a generated 50,000-word contract (bench/redline_data) with a
pass by each side on most articles, each amending or adding a section or two, built end to
end through the build task (compare every row, print the PDF, write the DOCX, store the
version) into a three-column sheet; then a second version after one new pass, which prints
only the article that changed. Peer, in the same run: the old way of printing, the whole
sheet as one WeasyPrint document. Runs in a child process on a scratch SQLite database.
"""

from __future__ import annotations

import json
import os
import random
import shutil
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


def _timed(stages: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def _build(sheet: Any, actor: Any) -> tuple[float, dict[str, float], Any]:
    """One version built through the build task, end to end, with the time of each stage."""
    from caucus.sheets import building
    from caucus.sheets.actions import do_request_build
    from caucus.sheets.tasks import build_version

    stages: dict[str, float] = {}
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


def child() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from django.conf import settings

    from caucus.engines.redline.render_pdf import render_pdf
    from caucus.sheets.actions import do_create_sheet
    from caucus.sheets.documents import PARTS, print_html, sheet_pdf

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
    # The machine is shared: print the old way and the new way in turn, twice, from a cold
    # store of parts, and compare the medians of the same run.
    peers, ours = [], []
    for _ in range(2):
        start = time.perf_counter()
        peer_pdf = render_pdf(print_html(version, rows))
        peers.append(time.perf_counter() - start)
        shutil.rmtree(Path(settings.MEDIA_ROOT) / PARTS, ignore_errors=True)
        start = time.perf_counter()
        sheet_pdf(version, rows)
        ours.append(time.perf_counter() - start)
    out = {
        "articles": len(articles),
        "words": sum(len(a.current_text.split()) for a in articles),
        "passes": passed,
        "cold": cold,
        "cold_stages": cold_stages,
        "warm": warm,
        "warm_stages": warm_stages,
        "peer": statistics.median(peers),
        "ours": statistics.median(ours),
        "peer_runs": peers,
        "our_runs": ours,
        "load": os.getloadavg()[1],
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
        "end to end through the build task into a three-column sheet of every article. "
        "Peer: the same sheet printed the old way, as one WeasyPrint document.",
        "",
        "| build | stage | seconds |",
        "|---|---|---:|",
    ]
    for name, total, stages in (
        ("first version", r["cold"], r["cold_stages"]),
        ("next version, one article changed", r["warm"], r["warm_stages"]),
    ):
        for stage, seconds in stages.items():
            lines.append(f"| {name} | {stage} | {seconds:.2f} |")
        lines.append(f"| {name} | **end to end** | **{total:.2f}** |")
    lines.append(f"| in turn, twice (medians) | the PDF in parts, nothing kept | {r['ours']:.2f} |")
    lines.append(
        f"| in turn, twice (medians) | **peer**: the PDF as one document | {r['peer']:.2f} |"
    )
    lines += [
        "",
        f"Printing a first version: {r['peer'] / r['ours']:.1f}× the peer's speed (medians of "
        "two runs each, in turn); the next version, printing only the part that changed: "
        f"{r['peer'] / max(r['warm_stages'].get('print the PDF', 0.0), 1e-9):.0f}×. "
        f"Load average during the run: {r['load']:.0f} on {os.cpu_count()} cores. "
        f"Files: PDF {r['pdf_bytes'] / 1e6:.1f} MB (peer {r['peer_pdf_bytes'] / 1e6:.1f} MB), "
        f"DOCX {r['docx_bytes'] / 1e6:.1f} MB.",
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
