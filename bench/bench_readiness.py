"""Strike readiness: the sign-in sheet import at 85,000 rows beside the roster import, and the
dashboard and wall chart of a local the size of the demo's largest, on SQLite and PostgreSQL.

``python -m bench readiness``. Two locals at one table: Local 99 of 85,000 members for the
imports, Local 34 of 14,000 (the demo's largest local holds 16% of its 85,000) for the pages.
Each database gets a child process on its own scratch database that migrates it and times, in
the same run: the roster import of the 85,000 (the peer: the rate the assessment import must
keep, ≥ 10,000 rows/s), the first sheet of 85,000 assessments as CSV, a second wave as XLSX, a
sheet with 1% bad rows (refused whole) and checking alone. Then, with a strike pledge drive
under way (60% of both locals signed), leaders designated and the team's threshold set, it asks
for the dashboard and the wall chart through Django's test client, as Local 34's organizer and
as the coalition-wide bargaining team (both locals, 99,000 members): the median of seven
requests each, and the number of queries each asked. ``BENCH_READINESS_ROWS`` and
``BENCH_READINESS_PAGE_LOCAL`` make a quick, smaller run.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.bench_roster import CLASSES, HEADER, WORKSITES, generate_rows, write_csv

ROWS = int(os.environ.get("BENCH_READINESS_ROWS", "85000"))
# The local whose pages are timed: the size of the demo's largest (Local 34, 16% of 85,000).
PAGE_LOCAL = int(os.environ.get("BENCH_READINESS_PAGE_LOCAL", "14000"))
PAGE_TARGET_MS = 300
RATE_TARGET = 10_000
SHEET_HEADER = ["Member ID", "Level", "Date", "Shift", "Notes"]
SHIFTS = ["day", "Day", "evening", "nights", "", "weekend"]
NOTES = ["", "", "Staffing", "Rent", "New hire", "Wants a raise"]
PAGES = (
    ("dashboard", "organizer", ""),
    ("dashboard", "team", ""),
    ("wall chart", "organizer", "wall-chart/"),
    ("wall chart, one worksite", "organizer", "wall-chart/?worksite={worksite}"),
    ("wall chart, not talked to in 14 days", "organizer", "wall-chart/?days=14"),
    ("wall chart", "team", "wall-chart/"),
)


def sheet_rows(count: int, seed: int, *, first_day: date, days: int) -> list[list[Any]]:
    rnd = random.Random(seed)
    return [
        [
            f"M{n:06d}",
            rnd.choice((1, 2, 2, 3, 3, 4, 5)),
            first_day + timedelta(days=rnd.randrange(days)),
            rnd.choice(SHIFTS),
            rnd.choice(NOTES),
        ]
        for n in range(count)
    ]


def write_sheet_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SHEET_HEADER)
        writer.writerows([[r[0], r[1], f"{r[2]:%m/%d/%Y}", *r[3:]] for r in rows])
    return path


def write_sheet_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(SHEET_HEADER)
    for values in rows:  # levels as numbers and dates as dates, as a spreadsheet holds them
        sheet.append(values)
    book.save(path)
    return path


def bad_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """1% of rows with a level off the scale or a member not in the local."""
    out = [list(r) for r in rows]
    for n in range(0, len(out), 100):
        if n % 200:
            out[n][1] = 7
        else:
            out[n][0] = f"X{n:06d}"
    return out


# ---- the child: one database, Django configured in-process ------------------------------


def setup_world() -> dict[str, Any]:
    from caucus.accounts.models import RoleGrant, User
    from caucus.orgs.models import (
        BargainingUnit,
        Classification,
        Coalition,
        Employer,
        Region,
        Union,
        Worksite,
    )
    from caucus.table.models import Negotiation

    coalition = Coalition.objects.create(name="Bench", slug="bench")
    employer = Employer.objects.create(
        name="MegaCorp", slug="megacorp", email_domains="megacorp.example"
    )
    region = Region.objects.create(employer=employer, name="North", code="N")
    unions, units = {}, []
    for slug, name in (("local-34", "Local 34"), ("local-99", "Local 99")):
        unions[slug] = Union.objects.create(
            coalition=coalition, name=name, short_name=name, slug=slug
        )
        units += [
            BargainingUnit.objects.create(union=unions[slug], name=c, code=c)
            for c in ("U1", "U2", "U3")
        ]
    Worksite.objects.bulk_create(
        Worksite(employer=employer, region=region, name=code, code=code) for code in WORKSITES
    )
    Classification.objects.bulk_create(
        Classification(employer=employer, code=code, title=code, max_step=8) for code in CLASSES
    )
    negotiation = Negotiation.objects.create(
        coalition=coalition,
        employer=employer,
        name="National Agreement",
        slug="national",
        status=Negotiation.Status.BARGAINING,
    )
    negotiation.units.set(units)
    users = {}
    for name, role, local in (
        ("organizer", "organizer", unions["local-34"]),
        ("organizer_99", "organizer", unions["local-99"]),
        ("team", "bargaining_team", None),
    ):
        users[name] = User.objects.create_user(username=name, email=f"{name}@union.example")
        RoleGrant.objects.create(user=users[name], role=role, union=local)
    return {"unions": unions, "negotiation": negotiation, "users": users}


def timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _imports(world: dict[str, Any], files: Path, out: dict[str, Any]) -> None:
    from django.utils import timezone

    from caucus.members.columns import guess_mapping
    from caucus.members.importing import import_roster
    from caucus.members.roster_files import read_table
    from caucus.readiness.importing import check_sheet, find_columns, import_sheet, members_state
    from caucus.readiness.models import Assessment

    union, organizer = world["unions"]["local-99"], world["users"]["organizer_99"]
    seconds, roster = timed(
        lambda: import_roster(files / "roster.csv", union, guess_mapping(HEADER))
    )
    assert roster.added == ROWS, roster.summary()
    out["roster_csv"] = seconds

    def sheet(name: str, union: Any = union, actor: Any = organizer) -> Any:
        return import_sheet(files / name, name=name, union=union, actor_id=actor.pk)

    for key, name in (("first_csv", "sheet.csv"), ("second_xlsx", "sheet-2.xlsx")):
        out[key], outcome = timed(lambda name=name: sheet(name))
        assert outcome.is_applied, outcome.errors[:3]
        assert outcome.written == ROWS
    before = Assessment.objects.count()
    out["refused_csv"], refused = timed(lambda: sheet("sheet-bad.csv"))
    assert refused.errors_total == ROWS // 100, refused.errors[:3]
    assert Assessment.objects.count() == before
    frame = read_table(files / "sheet.csv", name="sheet.csv").frame
    mapping, _ = find_columns(frame.columns)
    out["check_only"], checked = timed(
        lambda: check_sheet(
            frame, mapping, members_state(union.pk), today=timezone.localdate(), union_label="34"
        )
    )
    assert checked.rows is not None
    # The local whose pages are timed: its roster and two waves of conversations.
    local = world["unions"]["local-34"]
    page_roster = import_roster(files / "roster-34.csv", local, guess_mapping(HEADER))
    assert page_roster.added == PAGE_LOCAL, page_roster.summary()
    for name in ("sheet-34.csv", "sheet-34-2.csv"):
        outcome = sheet(name, local, world["users"]["organizer"])
        assert outcome.is_applied, outcome.errors[:3]


def _drive(world: dict[str, Any]) -> None:
    """A strike pledge open three weeks, 60% signed; a leader for every dozen at level 1."""
    from django.utils import timezone

    from caucus.members.models import Member
    from caucus.readiness.actions import do_create_action, do_set_threshold
    from caucus.readiness.models import CampaignAction, MemberReadiness, Pledge

    team, negotiation = world["users"]["team"], world["negotiation"]
    now = timezone.now()
    drive = do_create_action(
        team,
        negotiation,
        kind=CampaignAction.Kind.PLEDGE,
        title="Strike pledge",
        text="I will strike if we have to.",
        opens_at=now - timedelta(days=21),
        closes_at=now + timedelta(days=14),
        goal_percent=67,
    )
    rnd = random.Random(5)
    members = list(Member.objects.values_list("pk", "union_id"))
    Pledge.objects.bulk_create(
        (
            Pledge(
                action=drive,
                member_id=pk,
                union_id=union_id,
                channel=Pledge.Channel.LINK,
                signed_at=drive.opens_at + timedelta(seconds=rnd.randrange(21 * 86_400)),
            )
            for pk, union_id in members
            if rnd.random() < 0.6
        ),
        batch_size=5000,
    )
    ones = list(MemberReadiness.objects.filter(level=1).values_list("pk", flat=True))
    MemberReadiness.objects.filter(pk__in=ones[: ROWS // 12]).update(is_leader=True)
    do_set_threshold(team, negotiation, percent=67, measure="pledged", scope="every_local")


def _client(user: Any) -> Any:
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def _pages(world: dict[str, Any], out: dict[str, Any]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.report import timings
    from caucus.orgs.models import Worksite

    worksite = Worksite.objects.order_by("code").first()
    assert worksite is not None
    clients = {name: _client(user) for name, user in world["users"].items()}
    base = f"/staff/readiness/{world['negotiation'].slug}/"
    out["pages"] = []
    for label, who, rest in PAGES:
        url = base + rest.format(worksite=worksite.pk)
        client = clients[who]

        def get(client: Any = client, url: str = url) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        seconds = timings(get, repeat=7, warmup=2)
        with CaptureQueriesContext(connection) as queries:
            get()
        out["pages"].append(
            {"page": label, "who": who, "seconds": seconds, "queries": len(queries)}
        )


def child(backend: str, folder: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    # The pages are asked for without collectstatic: static files by name, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from caucus.members.models import Member
    from caucus.readiness.models import Assessment

    world = setup_world()
    out: dict[str, Any] = {"backend": backend}
    _imports(world, Path(folder), out)
    print(json.dumps(out), file=sys.stderr, flush=True)
    _drive(world)
    # As PostgreSQL's autovacuum would have by the time anyone reads the pages: the planner's
    # statistics brought up to date after the bulk loads. SQLite gathers none unless told (and
    # Django never tells it), so it is left as a deployment leaves it.
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    out["members"] = Member.objects.count()
    out["assessments"] = Assessment.objects.count()
    out["page_local_assessments"] = Assessment.objects.filter(
        union=world["unions"]["local-34"]
    ).count()
    _pages(world, out)
    print(json.dumps(out))


def run_child(backend: str, folder: Path) -> dict[str, Any]:
    env = dict(os.environ, CAUCUS_DEMO="true", DJANGO_SETTINGS_MODULE="caucus.settings")
    env.pop("CAUCUS_TESTING", None)
    env["MEDIA_ROOT"] = str(folder / "media")
    scratch = f"caucus_bench_readiness_{os.getpid()}"
    if backend == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{scratch}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{scratch}"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bench.bench_readiness", "--child", backend, str(folder)],
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


def _median_ms(seconds: list[float]) -> float:
    from bench.report import median

    return median(seconds) * 1000


def report(results: list[dict[str, Any]], loads: list[tuple[float, float, float]]) -> str:
    lines = [
        "## Strike readiness",
        "",
        f"Imports into a local of {ROWS:,} members, one run each, end to end (read + check every "
        f"row + write). The peer is the roster import of the same {ROWS:,} members in the same "
        "run.",
        "",
        "| database | step | seconds | rows/s | ratio to the roster import |",
        "|---|---|---:|---:|---:|",
    ]
    for r in results:
        roster_rate = ROWS / r["roster_csv"]
        steps = (
            ("roster import, CSV (the peer)", r["roster_csv"]),
            ("sign-in sheet, CSV, first", r["first_csv"]),
            ("sign-in sheet, XLSX, second wave", r["second_xlsx"]),
            ("sign-in sheet with 1% bad rows, refused", r["refused_csv"]),
            ("checking alone", r["check_only"]),
        )
        for step, seconds in steps:
            rate = ROWS / seconds
            lines.append(
                f"| {r['backend']} | {step} | {seconds:.2f} | {rate:,.0f} | "
                f"{rate / roster_rate:.2f}× |"
            )
    lines += [
        "",
        f"Pages: median of 7 requests (after 2 untimed) through Django's test client. The "
        f"organizer's are Local 34's, {PAGE_LOCAL:,} members and "
        f"{results[0]['page_local_assessments']:,} assessments; the team's cover both locals "
        f"({results[0]['members']:,} members, {results[0]['assessments']:,} assessments). A "
        "pledge drive 60% signed, leaders designated, the threshold set; on PostgreSQL "
        "`ANALYZE` run after the bulk loads, as autovacuum would have (SQLite left without "
        "statistics, as Django leaves it).",
        "",
        "| database | page | as | median ms | slowest ms | queries |",
        "|---|---|---|---:|---:|---:|",
    ]
    for r in results:
        for p in r["pages"]:
            lines.append(
                f"| {r['backend']} | {p['page']} | {p['who']} | {_median_ms(p['seconds']):.0f} | "
                f"{max(p['seconds']) * 1000:.0f} | {p['queries']} |"
            )
    load = ", ".join(f"{a:.2f} {b:.2f} {c:.2f}" for a, b, c in loads)
    lines += [
        "",
        f"Targets: ≥ {RATE_TARGET:,} rows/s for the import, and the pages in ≤ {PAGE_TARGET_MS} "
        "ms with a fixed number of queries (pinned in tests/readiness/test_dashboard.py and "
        "test_wallchart.py).",
        f"Load average (1, 5, 15 min) before each database's run: {load}.",
    ]
    return "\n".join(lines)


def main() -> None:
    from bench.report import write_section

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_csv(folder / "roster.csv", generate_rows(ROWS))
        today = datetime.now(UTC).date()
        first = sheet_rows(ROWS, 3, first_day=today - timedelta(days=70), days=56)
        write_sheet_csv(folder / "sheet.csv", first)
        write_sheet_csv(folder / "sheet-bad.csv", bad_rows(first))
        second = sheet_rows(ROWS, 4, first_day=today - timedelta(days=13), days=13)
        write_sheet_xlsx(folder / "sheet-2.xlsx", second)
        write_csv(folder / "roster-34.csv", generate_rows(PAGE_LOCAL, seed=34))
        write_sheet_csv(folder / "sheet-34.csv", first[:PAGE_LOCAL])
        write_sheet_csv(folder / "sheet-34-2.csv", second[: PAGE_LOCAL // 5])
        results, loads = [], []
        for backend in ("sqlite", "postgres"):
            loads.append(os.getloadavg())
            results.append(run_child(backend, folder))
    body = report(results, loads)
    print(body)
    write_section("readiness", body)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
