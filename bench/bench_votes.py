"""Votes on PostgreSQL: the cast path under load, the race, the roll with credentials, the tally.

``python -m bench votes``. Makes a scratch PostgreSQL database at 127.0.0.1:5432 (dropped
afterwards), migrates it, makes a coalition of ten locals with 85,000 members and one vote
covering them all, and times, in one run:

- **the roll with credentials**: freezing the roll of 85,000, locking it (its hash), and
  issuing a credential to every voter (only the HMAC stored) — the target is 15 s;
- **the cast path**: 20,000 distinct credentials cast by 64 concurrent clients (8 processes
  of 8 threads, each thread its own connection over loopback), each cast the app's
  ``ballot_box.cast_ballot``: seal the choice, then ONE statement marks the voter and stores
  the ballot. Three runs; the median run's rate and p99 latency are reported, and each run
  is checked: every credential accepted once, as many ballots as voters marked (0 lost, 0
  counted twice). Targets: 500 ballots/s, p99 250 ms;
- **the peer**, in the same run with the same clients and credentials: the plain ORM path
  (``select_for_update`` the voter, check, ``save()``, ``Ballot.objects.create``, in a
  transaction);
- **the race**: every credential sent twice at once by two clients: exactly one accepted;
- **the tally** of 85,000 sealed ballots: close (the box shuffled), then ``do_tally`` with a
  trustee's file (shuffled again, opened, counted, the rule applied) — the target is 30 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

MEMBERS = 85_000
LOCALS = 10
CASTS = 20_000
PROCESSES, THREADS = 8, 8  # 64 concurrent clients
RUNS = 3
PASSPHRASE = "bench passphrase, not secret"


# ---- the child that owns the database -----------------------------------------------------


def setup_world() -> Any:
    from caucus.members.models import Member
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
    employer = Employer.objects.create(name="MegaCorp", slug="megacorp")
    region = Region.objects.create(employer=employer, name="North", code="N")
    sites = Worksite.objects.bulk_create(
        Worksite(employer=employer, region=region, name=f"Site {i}", code=f"S{i}")
        for i in range(60)
    )
    job = Classification.objects.create(employer=employer, code="C", title="Clerk")
    negotiation = Negotiation.objects.create(
        coalition=coalition, employer=employer, name="Bench", slug="bench"
    )
    units = []
    for n in range(LOCALS):
        union = Union.objects.create(
            coalition=coalition, name=f"Local {n}", short_name=f"L{n}", slug=f"local-{n}"
        )
        units.append(BargainingUnit.objects.create(union=union, name="Stores", code=f"U{n}"))
    negotiation.units.set(units)
    Member.objects.bulk_create(
        (
            Member(
                union_id=units[i % LOCALS].union_id,
                unit=units[i % LOCALS],
                member_id=f"M{i:06d}",
                first_name="Ana",
                last_name=f"Member {i}",
                worksite=sites[i % len(sites)],
                classification=job,
                hourly_rate=20,
                hire_date=date(2020, 1, 1),
                email=f"m{i}@personal.example",
            )
            for i in range(MEMBERS)
        ),
        batch_size=5000,
    )
    return negotiation


def make_vote(negotiation: Any, admin: Any) -> tuple[Any, str]:
    from django.utils import timezone

    from caucus.votes import actions

    now = timezone.now()
    vote = actions.do_save_vote(
        None,
        negotiation,
        None,
        units=list(negotiation.units.all()),
        title="Strike authorization",
        kind="strike",
        rule={"scope": "both", "default": {"threshold": "2/3"}, "coalition": {"threshold": "2/3"}},
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
        time_zone="America/Chicago",
        online=True,
        paper=False,
        cutoff=date(2026, 1, 1),
        sheet=None,
        links_costing=False,
    )
    return vote, admin


def time_roll(vote: Any) -> dict[str, float]:
    from caucus.votes import actions, credentials

    out = {"load": load()}
    start = time.perf_counter()
    actions.do_freeze_roll(None, vote)
    out["freeze"] = time.perf_counter() - start
    mark = time.perf_counter()
    actions.do_lock_roll(None, vote)
    out["lock"] = time.perf_counter() - mark
    mark = time.perf_counter()
    issued = credentials.issue_all(vote)
    out["credentials"] = time.perf_counter() - mark
    out["total"] = time.perf_counter() - start
    assert issued == MEMBERS, issued
    return out


def open_with_key(vote: Any, trustee: Any) -> str:
    from caucus.accounts.models import RoleGrant
    from caucus.votes import actions, states

    vote.state = "scheduled"
    vote.save(update_fields=["state"])
    RoleGrant.objects.get_or_create(user=trustee, role="observer")
    actions.do_grant_role(None, vote, trustee, "trustee")
    key_file = actions.do_make_key(None, vote, {trustee.pk: PASSPHRASE})[trustee]
    actions.do_check_key(trustee, vote, key_file, PASSPHRASE)
    states.do_open_vote(None, vote)
    return key_file


def reset(vote: Any) -> None:
    """Nobody has voted; the tables vacuumed, so that each run starts from the same place."""
    from django.db import connection

    from caucus.votes.models import Ballot, Voter

    Ballot.objects.filter(vote=vote).delete()
    Voter.objects.filter(vote=vote).update(has_voted=False, channel="", voted_hour=None)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE votes_voter, votes_ballot")


def checked(vote: Any, figures: dict[str, Any], sent: int) -> None:
    """0 lost and 0 counted twice, from the database after the run: every credential sent
    gives one ballot and one voter marked, and every cast a client was told of is there."""
    from caucus.votes.models import Ballot, Voter

    ballots = Ballot.objects.filter(vote=vote).count()
    marked = Voter.objects.filter(vote=vote, has_voted=True).count()
    receipts = Ballot.objects.filter(vote=vote).values("receipt").distinct().count()
    accepted = figures["statuses"].get("cast", 0)
    figures.update(
        ballots=ballots,
        marked=marked,
        lost=max(sent - ballots, 0) + max(accepted - ballots, 0),
        twice=max(ballots - marked, 0) + max(ballots - sent, 0) + (ballots - receipts),
    )


def run_clients(vote_id: int, codes: list[str], path: str, folder: Path, copies: int = 1) -> Any:
    """Start the client processes on the credentials (each sent ``copies`` times at once),
    wait until every thread has its connection, start them together; return their merged
    figures, with the load average before and after."""
    jobs = [[] for _ in range(PROCESSES)]  # type: list[list[str]]
    for n, code in enumerate(codes):
        jobs[n % PROCESSES].append(code)
    go = folder / "go"
    go.unlink(missing_ok=True)
    procs = []
    for n, share in enumerate(jobs):
        todo = folder / f"client-{n}.json"
        (folder / f"client-{n}.ready").unlink(missing_ok=True)
        todo.write_text(json.dumps({"codes": share, "copies": copies}))
        command = [sys.executable, "-m", "bench.bench_votes", "--client", str(vote_id), path]
        procs.append(
            subprocess.Popen(
                [*command, str(todo), str(go)], env=os.environ, stdout=subprocess.PIPE, text=True
            )
        )
    while not all((folder / f"client-{n}.ready").exists() for n in range(PROCESSES)):
        if any(p.poll() not in (None, 0) for p in procs):
            raise RuntimeError("a client process failed before the start")
        time.sleep(0.05)
    load_before = os.getloadavg()[0]
    start_at = time.time() + 0.5
    (folder / "go.tmp").write_text(str(start_at))
    (folder / "go.tmp").rename(go)  # whole, or not there at all
    results = [json.loads(p.communicate()[0]) for p in procs]
    load_after = os.getloadavg()[0]
    latencies = sorted(x for r in results for x in r["latencies"])
    statuses: dict[str, int] = {}
    for r in results:
        for status, n in r["statuses"].items():
            statuses[status] = statuses.get(status, 0) + n
    wall = max(r["end"] for r in results) - start_at
    return {
        "statuses": statuses,
        "seconds": wall,
        "rate": statuses.get("cast", 0) / wall,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
        "load": [round(load_before, 2), round(load_after, 2)],
    }


def seal_all(vote: Any) -> None:
    """Every voter on the roll voted online (two thirds yes): the ballots written directly,
    sealed as a cast seals them, to have 85,000 to tally without casting them one by one."""
    from django.db import connection

    from caucus.engines.ballots.receipts import receipt_code
    from caucus.engines.ballots.sealing import seal_choice
    from caucus.votes.models import Ballot, Voter

    reset(vote)
    key = vote.key_bytes()
    batch = []
    for n, union_id in enumerate(
        Voter.objects.filter(vote=vote).values_list("union_id", flat=True)
    ):
        sealed = seal_choice(key, "yes" if n % 3 else "no")
        batch.append(
            Ballot(vote=vote, union_id=union_id, sealed=sealed, receipt=receipt_code(sealed))
        )
    Ballot.objects.bulk_create(batch, batch_size=5000)
    Voter.objects.filter(vote=vote).update(has_voted=True, channel="online")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE votes_ballot")


def say(*parts: Any) -> None:
    print(*parts, file=sys.stderr, flush=True)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def child(folder: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from caucus.accounts.models import User

    out: dict[str, Any] = {"load_start": load()}
    start = time.perf_counter()
    negotiation = setup_world()
    out["setup"] = time.perf_counter() - start
    trustee = User.objects.create_user(username="trustee")
    vote, _ = make_vote(negotiation, trustee)
    out["roll"] = time_roll(vote)
    say("roll", out["roll"])
    key_file = open_with_key(vote, trustee)
    quick = bool(os.environ.get("BENCH_VOTES_QUICK"))  # one run of the one-statement path
    casting(vote, Path(folder), out, quick)
    if not quick:
        tallying(vote, key_file, out)
    out["load_end"] = load()
    print(json.dumps(out))


def casting(vote: Any, files: Path, out: dict[str, Any], quick: bool) -> None:
    """The runs of both paths, alternating, then the race, into ``out``."""
    from caucus.votes import credentials
    from caucus.votes.models import Voter

    ids = list(Voter.objects.filter(vote=vote).order_by("?").values_list("pk", flat=True)[:CASTS])
    codes = list(credentials.issue_credentials(ids).values())
    runs: dict[str, list[Any]] = {"sql": [], "orm": []}
    for _ in range(1 if quick else RUNS):
        for path in ("sql",) if quick else ("sql", "orm"):
            reset(vote)
            figures = run_clients(vote.pk, codes, path, files)
            checked(vote, figures, CASTS)
            runs[path].append(figures)
            say(path, figures)
    out["runs"] = runs
    if quick:
        return
    reset(vote)
    race = run_clients(vote.pk, codes, "sql", files, copies=2)
    checked(vote, race, CASTS)
    out["race"] = race
    say("race", race)


def tallying(vote: Any, key_file: str, out: dict[str, Any]) -> None:
    """Every voter's ballot in the box, the vote closed at its time, then the tally."""
    from django.utils import timezone

    from caucus.votes import states
    from caucus.votes.models import Vote
    from caucus.votes.tally import do_tally

    seal_all(vote)
    Vote.objects.filter(pk=vote.pk).update(closes_at=timezone.now())  # its time has come
    out["load_tally"] = load()
    mark = time.perf_counter()
    states.do_close_vote(None, vote)
    out["close"] = time.perf_counter() - mark
    mark = time.perf_counter()
    result = do_tally(None, vote, key_file, PASSPHRASE)
    out["tally"] = time.perf_counter() - mark
    out["tallied"] = result.counted
    out["passes"] = result.outcome["passes"]
    say("tally", out["tally"], result.counted)


# ---- a client process: THREADS threads, each with its own connection -------------------------


def client(vote_id: int, path: str, todo: str, go: str) -> None:
    import django

    django.setup()
    from django.db import connections

    from caucus.votes.models import Vote

    work = json.loads(Path(todo).read_text())
    codes, copies = work["codes"], work["copies"]
    shares = [codes[n::THREADS] for n in range(THREADS)]
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    cast = _cast_function(path)

    ready = threading.Barrier(THREADS + 1)
    start_at: list[float] = []

    def worker(share: list[str]) -> None:
        vote = Vote.objects.get(pk=vote_id)  # the connection opened before the start
        mine, seen = [], {}
        ready.wait()
        ready.wait()  # the main thread has read the start time
        time.sleep(max(0.0, start_at[0] - time.time()))
        for code in share:
            begin = time.perf_counter()
            status = cast(vote, code, "yes")
            mine.append(time.perf_counter() - begin)
            seen[status] = seen.get(status, 0) + 1
        connections.close_all()
        with lock:
            latencies.extend(mine)
            for status, n in seen.items():
                statuses[status] = statuses.get(status, 0) + n

    if copies == 2:
        # Each credential twice at once: thread k and thread k + THREADS/2 carry the same share.
        half = THREADS // 2
        pairs = [codes[n::half] for n in range(half)]
        shares = pairs + pairs
    threads = [threading.Thread(target=worker, args=(share,)) for share in shares]
    for t in threads:
        t.start()
    ready.wait()
    Path(todo).with_suffix(".ready").touch()
    signal = Path(go)
    while not signal.exists():
        time.sleep(0.01)
    start_at.append(float(signal.read_text()))
    ready.wait()
    for t in threads:
        t.join()
    print(json.dumps({"latencies": latencies, "statuses": statuses, "end": time.time()}))


def _cast_function(path: str) -> Any:
    from caucus.votes import ballot_box

    if path == "sql":
        return lambda vote, code, choice: ballot_box.cast_ballot(vote, code, choice).status
    return cast_orm


def cast_orm(vote: Any, credential: str, choice: str) -> str:
    """The peer: a plain ORM cast path, in one transaction (the way a first version would)."""
    from django.db import transaction
    from django.utils import timezone

    from caucus.engines.ballots.receipts import receipt_code
    from caucus.engines.ballots.sealing import seal_choice
    from caucus.votes.ballot_box import hash_credential, hour_of
    from caucus.votes.models import Ballot, Vote, Voter

    sealed = seal_choice(vote.key_bytes(), choice)
    digest = hash_credential(credential)
    with transaction.atomic():
        voter = Voter.objects.select_for_update().filter(vote=vote, credential_hash=digest).first()
        if voter is None:
            return "unknown"
        if voter.has_voted:
            return "already_voted"
        if not Vote.objects.get(pk=vote.pk).is_accepting_ballots():
            return "not_open"
        voter.has_voted, voter.channel = True, "online"
        voter.voted_hour = hour_of(timezone.now())
        voter.save(update_fields=["has_voted", "channel", "voted_hour"])
        Ballot.objects.create(
            vote=vote, union_id=voter.union_id, sealed=sealed, receipt=receipt_code(sealed)
        )
    return "cast"


# ---- the parent: the scratch database, the report -------------------------------------------


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]


TARGETS = {"rate": 500.0, "p99_ms": 250.0, "roll": 15.0, "tally": 30.0}
RAW = Path(__file__).resolve().parent.parent / "var" / "bench-votes.json"  # the last run's figures


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _cast_rows(out: dict[str, Any]) -> list[str]:
    rows = []
    for name, runs in (
        ("cast path (one statement)", out["runs"]["sql"]),
        ("ORM path (peer)", out["runs"]["orm"]),
    ):
        med = median_run(runs)
        each = ", ".join(f"{r['rate']:,.0f}/s p99 {r['p99_ms']:.0f} ms" for r in runs)
        loads = ", ".join(f"{r['load'][0]:.1f}" for r in runs)
        rows.append(
            f"| {name} | **{med['rate']:,.0f}** | {med['p50_ms']:.0f} | **{med['p99_ms']:.0f}** | "
            f"{sum(r['lost'] for r in runs)} | {sum(r['twice'] for r in runs)} | {each} | {loads} |"
        )
    return rows


def _casting(out: dict[str, Any]) -> list[str]:
    sql, orm = median_run(out["runs"]["sql"]), median_run(out["runs"]["orm"])
    clean = all(r["lost"] == 0 and r["twice"] == 0 for r in out["runs"]["sql"])
    return [
        f"**Casting**: {CASTS:,} distinct credentials, {PROCESSES * THREADS} concurrent clients "
        f"({PROCESSES} processes × {THREADS} threads, each thread its own connection, opened "
        "before the start), each cast sealed then stored; "
        f"{RUNS} runs of each path, alternating, the median run (by rate) shown, each run beside "
        "it. Lost and counted twice are checked in the database after each run and summed. The "
        "load is the 1-minute load average just before each run's start: it still carries "
        "some of the run before it, and other work on the machine.",
        "",
        "| path | ballots/s | p50 ms | p99 ms | lost | counted twice | each run | load before |",
        "|---|---:|---:|---:|---:|---:|---|---|",
        *_cast_rows(out),
        "",
        f"The one-statement path casts **{sql['rate'] / orm['rate']:.1f}×** as many ballots a "
        "second as the ORM path, measured in the same run. Targets: "
        f"{TARGETS['rate']:.0f} ballots/s {_met(sql['rate'] >= TARGETS['rate'])}, "
        f"p99 {TARGETS['p99_ms']:.0f} ms {_met(sql['p99_ms'] <= TARGETS['p99_ms'])}, "
        f"0 lost and 0 counted twice {_met(clean)}.",
    ]


def report(out: dict[str, Any]) -> str:
    if not out["runs"]["orm"]:  # BENCH_VOTES_QUICK: a look, not a report
        return json.dumps(out, indent=1)
    race, roll = out["race"], out["roll"]
    exactly_once = race["statuses"].get("cast", 0) == CASTS and race["ballots"] == CASTS
    return "\n".join(
        [
            "## Votes: casting, the race, the roll and the tally (PostgreSQL)",
            "",
            "`python -m bench votes`: a scratch PostgreSQL database on loopback, ten locals of "
            f"{MEMBERS:,} members, one vote covering them all. The machine is shared: the "
            f"1-minute load average was {out['load_start']:.1f} at the start and "
            f"{out['load_end']:.1f} at the end of the run.",
            "",
            *_casting(out),
            "",
            f"**The race**: each of the {CASTS:,} credentials sent twice at once by two clients "
            f"(load before {race['load'][0]:.1f}): {race['statuses'].get('cast', 0):,} accepted, "
            f"{race['statuses'].get('already_voted', 0):,} told they had already voted; "
            f"{race['ballots']:,} ballots for {race['marked']:,} voters marked "
            f"({race['lost']} lost, {race['twice']} counted twice). Exactly one accepted each: "
            f"{_met(exactly_once)}.",
            "",
            f"**The roll with credentials** for {MEMBERS:,} members: **{roll['total']:.1f} s** "
            f"(freeze {roll['freeze']:.1f} s, lock and hash {roll['lock']:.1f} s, a credential "
            f"each {roll['credentials']:.1f} s; load {roll['load']:.1f}). Target "
            f"{TARGETS['roll']:.0f} s: {_met(roll['total'] <= TARGETS['roll'])}.",
            "",
            f"**The tally** of {out['tallied']:,} sealed ballots: **{out['tally']:.1f} s** "
            "(the box shuffled, every ballot opened in a random order, counted per local, the "
            f"rule applied; load {out['load_tally']:.1f}); closing the vote before it (the box "
            f"shuffled) took {out['close']:.1f} s. Target {TARGETS['tally']:.0f} s: "
            f"{_met(out['tally'] <= TARGETS['tally'])}.",
        ]
    )


def main() -> None:
    import psycopg

    scratch = f"caucus_bench_votes_{os.getpid()}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{scratch}"')
    env = dict(
        os.environ,
        CAUCUS_DEMO="true",
        DJANGO_SETTINGS_MODULE="caucus.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{scratch}",
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    )
    env.pop("CAUCUS_TESTING", None)
    try:
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(
                [sys.executable, "-m", "bench.bench_votes", "--child", folder],
                env=env,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
        out = json.loads(done.stdout.strip().splitlines()[-1])
        RAW.parent.mkdir(exist_ok=True)
        RAW.write_text(json.dumps(out, indent=1))
    finally:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    body = report(out)
    print(body)
    if not os.environ.get("BENCH_VOTES_QUICK"):
        from bench.report import write_section

        write_section("votes", body)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--report"]:  # the section again from the last run's figures
        print(report(json.loads(RAW.read_text())))
    elif sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    elif sys.argv[1:2] == ["--client"]:
        client(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        main()
