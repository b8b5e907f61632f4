"""Roster import: 85,000 rows, parse + validate + write, on SQLite and PostgreSQL.

``python -m bench roster``. Generates an 85,000-row roster as CSV and XLSX, then for each
database runs a child process that configures Django in-process on its own scratch database
(a temporary SQLite file; a fresh PostgreSQL database at 127.0.0.1:5432 dropped afterwards),
migrates it and times: the first import, a re-import of the same file, a re-import with 5%
changed / 1% dropped / 1% new rows, the XLSX first import, and validation alone. The peer is
the straightforward way, measured in the same child: csv.DictReader, a Django ModelForm per
row and Model.save(), on a 2,000-row subset (its rate is scaled; the figures say so).
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROWS = 85_000
PEER_ROWS = 2_000
HEADER = [
    "Member ID",
    "First Name",
    "Last Name",
    "Unit",
    "Worksite",
    "Class",
    "Step",
    "Hourly Rate",
    "FTE",
    "Hire Date",
    "Language",
    "Email",
    "Phone",
    "Standing",
]
WORKSITES = [f"W{i:03d}" for i in range(60)]
CLASSES = [f"C{i:02d}" for i in range(25)]
FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hoa", "Ines", "Jamal", "Kim"]
LAST = ["Lopez", "Nguyen", "Smith", "Okafor", "Garcia", "Kowalski", "Tran", "Reyes", "Singh"]


def generate_rows(count: int, seed: int = 7) -> list[list[Any]]:
    rnd = random.Random(seed)
    start = date(1990, 1, 1)
    rows = []
    for n in range(count):
        domain = "megacorp.example" if rnd.random() < 0.03 else "personal.example"
        rows.append(
            [
                f"M{n:06d}",
                rnd.choice(FIRST),
                rnd.choice(LAST),
                rnd.choice(["U1", "U2", "U3"]),
                rnd.choice(WORKSITES),
                rnd.choice(CLASSES),
                str(rnd.randint(1, 8)),
                f"{rnd.uniform(15, 60):.2f}",
                rnd.choice(["1", "0.5", "0.75", "0.8"]),
                (start + timedelta(days=rnd.randint(0, 12_000))).isoformat(),
                rnd.choice(["en", "es", "vi", "zh-hans", "tl"]),
                f"m{n}@{domain}",
                f"555-{n % 10_000:04d}",
                rnd.choice(["good", "good", "good", "non_member"]),
            ]
        )
    return rows


def changed_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """5% changed rate, 1% dropped, 1% new members: a typical monthly re-import."""
    rnd = random.Random(11)
    out = []
    for values in rows:
        roll = rnd.random()
        if roll < 0.01:
            continue
        if roll < 0.06:
            values = [*values[:7], f"{float(values[7]) + 1:.2f}", *values[8:]]
        out.append(values)
    extra = generate_rows(len(rows) // 100, seed=13)
    for n, values in enumerate(extra):
        out.append([f"N{n:06d}", *values[1:]])
    return out


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for values in rows:
        # As a spreadsheet holds them: numbers as numbers, dates as dates.
        sheet.append(
            [
                *values[:6],
                int(values[6]),
                float(values[7]),
                float(values[8]),
                date.fromisoformat(values[9]),
                *values[10:],
            ]
        )
    book.save(path)
    return path


# ---- the child: one database, Django configured in-process ------------------------------


def setup_world() -> dict[str, Any]:
    from caucus.orgs.models import (
        BargainingUnit,
        Classification,
        Coalition,
        Employer,
        Region,
        Union,
        Worksite,
    )

    coalition = Coalition.objects.create(name="Bench", slug="bench")
    employer = Employer.objects.create(
        name="MegaCorp", slug="megacorp", email_domains="megacorp.example"
    )
    region = Region.objects.create(employer=employer, name="North", code="N")
    unions = {}
    for slug in ("csv", "xlsx", "peer"):
        union = Union.objects.create(coalition=coalition, name=slug, short_name=slug, slug=slug)
        for code in ("U1", "U2", "U3"):
            BargainingUnit.objects.create(union=union, name=code, code=code)
        unions[slug] = union
    Worksite.objects.bulk_create(
        Worksite(employer=employer, region=region, name=code, code=code) for code in WORKSITES
    )
    Classification.objects.bulk_create(
        Classification(employer=employer, code=code, title=code, max_step=8) for code in CLASSES
    )
    return unions


def peer_import(path: Path, union: Any, limit: int) -> int:
    """The straightforward way: one ModelForm and one save() per CSV row."""
    from django import forms

    from caucus.members.models import Member
    from caucus.orgs.models import BargainingUnit, Classification, Worksite

    class MemberRow(forms.ModelForm):  # type: ignore[type-arg]
        unit = forms.ModelChoiceField(
            BargainingUnit.objects.filter(union=union), to_field_name="code"
        )
        worksite = forms.ModelChoiceField(Worksite.objects.all(), to_field_name="code")
        classification = forms.ModelChoiceField(Classification.objects.all(), to_field_name="code")
        hire_date = forms.DateField(input_formats=["%Y-%m-%d", "%m/%d/%Y"])

        class Meta:
            model = Member
            fields = [
                "member_id", "first_name", "last_name", "unit", "worksite", "classification",
                "step", "hourly_rate", "fte", "hire_date", "language", "email", "phone", "standing",
            ]  # fmt: skip

    names = dict(zip(HEADER, MemberRow.Meta.fields, strict=True))
    saved = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for n, line in enumerate(csv.DictReader(handle)):
            if n >= limit:
                break
            data = {names[k]: v for k, v in line.items()}
            existing = Member.objects.filter(union=union, member_id=data["member_id"]).first()
            form = MemberRow(data, instance=existing)
            if not form.is_valid():
                raise SystemExit(f"peer rejected row {n + 2}: {form.errors.as_json()}")
            member = form.save(commit=False)
            member.union = union
            member.save()
            saved += 1
    return saved


def timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def child(backend: str, folder: str) -> None:
    files = Path(folder)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from caucus.members.columns import guess_mapping
    from caucus.members.importing import import_roster, load_codes
    from caucus.members.roster_files import read_roster
    from caucus.members.validation import validate

    unions = setup_world()
    mapping = guess_mapping(HEADER)
    csv_path, changed_path = files / "roster.csv", files / "roster-changed.csv"
    out: dict[str, Any] = {"backend": backend}
    out["first_csv"], first = timed(lambda: import_roster(csv_path, unions["csv"], mapping))
    assert first.added == ROWS, first.summary()
    out["reimport_same"], same = timed(lambda: import_roster(csv_path, unions["csv"], mapping))
    assert same.unchanged == ROWS, same.summary()
    out["reimport_changed"], changed = timed(
        lambda: import_roster(changed_path, unions["csv"], mapping)
    )
    out["changed_summary"] = changed.summary()
    out["first_xlsx"], xlsx = timed(
        lambda: import_roster(files / "roster.xlsx", unions["xlsx"], mapping)
    )
    assert xlsx.added == ROWS, xlsx.summary()
    out["parse_csv"], frame = timed(lambda: read_roster(csv_path))
    codes = load_codes(unions["csv"])
    out["validate"], checked = timed(lambda: validate(frame, mapping, codes))
    assert checked.is_valid
    out["peer_first"], saved = timed(lambda: peer_import(csv_path, unions["peer"], PEER_ROWS))
    out["peer_again"], _ = timed(lambda: peer_import(csv_path, unions["peer"], PEER_ROWS))
    out["peer_rows"] = saved
    print(json.dumps(out))


def run_child(backend: str, folder: Path) -> dict[str, Any]:
    env = dict(os.environ, CAUCUS_DEMO="true", DJANGO_SETTINGS_MODULE="caucus.settings")
    env.pop("CAUCUS_TESTING", None)
    scratch = f"caucus_bench_{os.getpid()}"
    if backend == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{scratch}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{scratch}"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bench.bench_roster", "--child", backend, str(folder)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
    except subprocess.CalledProcessError as error:
        print(error.stdout, error.stderr, file=sys.stderr)
        raise
    finally:
        if backend == "postgres":
            with psycopg.connect(
                "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
            ) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "## Roster import",
        "",
        f"{ROWS:,} rows, 14 columns, end to end (read + validate every row + compare + write), "
        "one run each. Peer: csv.DictReader + one Django ModelForm + Model.save() per row, "
        f"timed on the first {PEER_ROWS:,} rows and scaled to {ROWS:,}.",
        "",
        "| database | step | seconds | rows/s | peer rows/s | ratio |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        peer_first = r["peer_rows"] / r["peer_first"]
        peer_again = r["peer_rows"] / r["peer_again"]
        rows = [
            ("first import, CSV", r["first_csv"], peer_first),
            ("re-import, same CSV", r["reimport_same"], peer_again),
            ("re-import, 5% changed, 1% dropped, 1% new", r["reimport_changed"], peer_again),
            ("first import, XLSX", r["first_xlsx"], None),
            ("read CSV only", r["parse_csv"], None),
            ("validate only", r["validate"], None),
        ]
        for step, seconds, peer in rows:
            rate = ROWS / seconds
            peer_cell = f"{peer:,.0f}" if peer else "–"
            ratio = f"{rate / peer:,.0f}×" if peer else "–"
            lines.append(
                f"| {r['backend']} | {step} | {seconds:.2f} | {rate:,.0f} | {peer_cell} | {ratio} |"
            )
        peer_85k = ROWS / peer_first
        lines.append(
            f"| {r['backend']} | peer, first import scaled to {ROWS:,} | {peer_85k:.0f} | – | – | – |"
        )
    lines += ["", "Target: ≥ 10,000 validated rows/s and 85,000 rows in < 9 s end to end."]
    return "\n".join(lines)


def main() -> None:
    from bench.report import write_section

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = generate_rows(ROWS)
        write_csv(folder / "roster.csv", rows)
        write_csv(folder / "roster-changed.csv", changed_rows(rows))
        write_xlsx(folder / "roster.xlsx", rows)
        results = [run_child(backend, folder) for backend in ("sqlite", "postgres")]
    body = report(results)
    print(body)
    write_section("roster", body)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
