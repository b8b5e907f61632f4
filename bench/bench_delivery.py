"""Delivery: 100,000 personalized e-mails to a local SMTP sink, end to end, with the worker of
the default setup; the fan-out of their outbox rows; and a naive peer in the same run. Then the
member pages members open right after a send, cached and not, against a minimal Django page.

``python -m bench delivery``. A child process configures Django on a scratch SQLite database
(the demo's default), makes a coalition with 100,000 members and a published update, and times:

- the fan-out: the send's 100,000 outbox rows, made in one statement (``start_send``);
- the send: from enqueueing the send to the last row marked sent, by ONE ``caucus db_worker``
  process (``make run``'s worker) against a sink on loopback that counts what it accepted;
- the peer: one ``django.core.mail.send_mail`` per recipient (a connection each), the way a
  first version would, over the same sink, on a subset, its rate given as measured.

The sink is a minimal asyncio SMTP server (below) so that it is not what is measured; it
speaks enough of RFC 5321 for smtplib (EHLO, MAIL, RCPT, DATA, RSET, QUIT, PIPELINING).

The pages: the SQLite demo (2,000 members) behind gunicorn (3 sync workers, DEBUG off), wrk at
64 connections on loopback for 10 s a page (timeout 10 s): the home, an update, a sheet and
"what it means", each from the page cache (a visitor not signed in), past it (``?uncached=1``
passes the page cache by: the page stored for its audience, after the whole middleware), for a
signed-in member (session cookie), and each page's first render in one process; in the same
run a minimal Django page (one small template, Django's usual middleware) served by the same
gunicorn set-up, rendered and from ``cache_page`` on Django's in-process cache. Each page is fetched and checked (200, its title in it) before its run.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MEMBERS = 100_000
PEER_MESSAGES = 3_000


# ---- the sink --------------------------------------------------------------------------


class Sink(asyncio.Protocol):
    """Accepts every message; counts them in a file every half second."""

    count = 0

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.buffer = b""
        self.in_data = False
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            if self.in_data:
                end = self.buffer.find(b"\r\n.\r\n")
                if end < 0:
                    return
                self.buffer = self.buffer[end + 5 :]
                self.in_data = False
                Sink.count += 1
                self.transport.write(b"250 OK queued\r\n")
                continue
            line_end = self.buffer.find(b"\r\n")
            if line_end < 0:
                return
            line, self.buffer = self.buffer[:line_end], self.buffer[line_end + 2 :]
            self._command(line[:4].upper())

    def _command(self, verb: bytes) -> None:
        if verb == b"EHLO":
            self.transport.write(
                b"250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800\r\n"
            )
        elif verb == b"DATA":
            self.in_data = True
            self.transport.write(b"354 go ahead\r\n")
        elif verb == b"QUIT":
            self.transport.write(b"221 bye\r\n")
            self.transport.close()
        else:
            self.transport.write(b"250 OK\r\n")


async def _serve(port: int, count_file: Path) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Sink, "127.0.0.1", port)
    async with server:
        while True:
            count_file.write_text(str(Sink.count))
            await asyncio.sleep(0.25)


def sink_main(port: int, count_file: str) -> None:
    asyncio.run(_serve(port, Path(count_file)))


# ---- the child: Django on a scratch database -----------------------------------------------


def make_world(members: int) -> Any:
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from caucus.accounts.models import RoleGrant, User
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
    from caucus.updates.models import Update

    coalition = Coalition.objects.create(name="Bench Coalition", slug="bench")
    employer = Employer.objects.create(name="MegaCorp", slug="mc", email_domains="megacorp.example")
    region = Region.objects.create(employer=employer, name="North", code="N")
    worksite = Worksite.objects.create(employer=employer, region=region, name="Store", code="S")
    job = Classification.objects.create(employer=employer, code="C", title="Clerk")
    units = []
    for n in range(10):
        union = Union.objects.create(
            coalition=coalition, name=f"Local {n}", short_name=f"Local {n}", slug=f"l{n}"
        )
        units.append(BargainingUnit.objects.create(union=union, name="Stores", code=f"S{n}"))
    negotiation = Negotiation.objects.create(
        coalition=coalition, employer=employer, name="Agreement", slug="agreement"
    )
    negotiation.units.set(units)
    languages = ["en", "en", "en", "es", "es-mx", "vi", "zh-hans", "tl"]
    Member.objects.bulk_create(
        (
            Member(
                union_id=units[n % 10].union_id,
                unit=units[n % 10],
                member_id=f"M{n:06d}",
                first_name=f"Member{n}",
                last_name="Bench",
                worksite=worksite,
                classification=job,
                hourly_rate=Decimal("21.50"),
                hire_date=date(2020, 1, 1),
                language=languages[n % len(languages)],
                email=f"m{n}@personal.example",
            )
            for n in range(members)
        ),
        batch_size=5_000,
    )
    comms = User.objects.create_user(username="comms", email="comms@union.example")
    RoleGrant.objects.create(user=comms, role="communications")
    update = Update.objects.create(
        negotiation=negotiation,
        title="The employer is writing to you directly",
        slug="direct",
        summary="Watch for our updates: a strike vote is coming.",
        body="The employer sent you a letter. **Do not sign anything.** We meet Tuesday.\n\n"
        "- Wages: 2% is not enough\n- Health care: no new premiums\n",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    from caucus.updates.models import UpdateTranslation

    UpdateTranslation.objects.create(
        update=update, language="es", title="La empresa les escribe", body="No firmen nada.",
        is_reviewed=True,
    )  # fmt: skip
    return comms, update


def peer(members: list[Any], update: Any) -> float:
    """One send_mail per recipient: a template rendered, a connection opened, each time."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template import engines

    template = engines["django"].from_string(
        "Dear {{ name }},\n\n{{ title }}\n\n{{ body }}\n\nRead it: {{ url }}\n"
    )
    start = time.perf_counter()
    for member in members:
        text = template.render(
            {"name": member.first_name, "title": update.title, "body": update.body, "url": "x"}
        )
        send_mail(update.title, text, settings.DEFAULT_FROM_EMAIL, [member.email])
    return time.perf_counter() - start


def _wait_done(send_id: int, timeout: float) -> float:
    from caucus.delivery.models import Send

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        status = Send.objects.filter(pk=send_id).values_list("status", flat=True).first()
        if status in ("done", "paused", "failed"):
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit("the send did not finish in time")


def child(folder: str, members: int, count_file: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    load_before = os.getloadavg()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # saves move the page cache's generation
    from django.db import transaction

    from caucus.delivery.actions import do_create_send
    from caucus.delivery.fanout import fan_out
    from caucus.delivery.models import OutboxMessage, Send
    from caucus.members.models import Member

    comms, update = make_world(members)
    out: dict[str, Any] = {"members": members}

    # The fan-out alone, on its own send (rolled back), timed as the worker runs it.
    with transaction.atomic():
        trial = Send.objects.create(update=update, created_by=comms, status="running")
        start = time.perf_counter()
        out["fanout_rows"] = fan_out(trial)
        out["fanout_seconds"] = time.perf_counter() - start
        transaction.set_rollback(True)

    # The whole send, by the worker of `make run`.
    env = dict(os.environ)
    worker = subprocess.Popen(
        [sys.executable, "-m", "caucus.cli", "db_worker", "--no-startup-delay", "--interval", "0.05"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(3)  # the worker's start-up (Django, apps) is not the send's
        start = time.perf_counter()
        with transaction.atomic():
            send = do_create_send(
                comms, update, by_email=True, by_text=False, to_whole_coalition=True
            )
        finished = _wait_done(send.pk, 900)
        out["send_seconds"] = finished - start
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    send.refresh_from_db()
    out["send_status"] = send.status
    out["sent_rows"] = OutboxMessage.objects.filter(send=send, status="sent").count()
    out["sink_count"] = int(Path(count_file).read_text() or 0)

    subset = list(Member.objects.order_by("pk")[:PEER_MESSAGES])
    out["peer_messages"] = len(subset)
    out["peer_seconds"] = peer(subset, update)
    out["load_before"], out["load"] = load_before, os.getloadavg()
    print(json.dumps(out))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(members: int = MEMBERS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        count_file = Path(folder) / "sink-count"
        count_file.write_text("0")
        sink = subprocess.Popen(
            [sys.executable, "-m", "bench.bench_delivery", "--sink", str(port), str(count_file)]
        )
        env = dict(
            os.environ,
            CAUCUS_DEMO="true",
            DJANGO_SETTINGS_MODULE="caucus.settings",
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
            CAUCUS_DATA_DIR=folder,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(port),
            LOG_LEVEL="WARNING",
        )
        for name in ("CAUCUS_TESTING", "TASKS_BACKEND", "REDIS_URL"):
            env.pop(name, None)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "bench.bench_delivery", "--child", folder, str(members),
                 str(count_file)],
                env=env, check=True, capture_output=True, text=True, timeout=3600,
            )  # fmt: skip
        finally:
            sink.terminate()
            sink.wait()
        return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _load(figures: list[float]) -> str:
    return " / ".join(f"{x:.1f}" for x in figures)


def report(r: dict[str, Any]) -> str:
    rate = r["sent_rows"] / r["send_seconds"]
    peer_rate = r["peer_messages"] / r["peer_seconds"]
    fanout_ok = "meets" if r["fanout_seconds"] <= 5 else "misses"
    rate_ok = "meets" if rate >= 1000 else "misses"
    return "\n".join(
        [
            "## Delivery: e-mails to a local SMTP sink",
            "",
            f"{r['members']:,} members, one published update (with a reviewed Spanish "
            "translation), SQLite, ONE `caucus db_worker` (the worker `make run` starts), "
            "batches of 200 over one SMTP connection each, every row marked sent as the sink "
            "accepts it. The sink is a minimal asyncio SMTP server on loopback in its own "
            "process. The peer is one `send_mail` per recipient (a connection each), measured "
            f"on {r['peer_messages']:,} recipients in the same run.",
            "",
            "| step | figure | target |",
            "|---|---|---|",
            f"| fan-out: outbox rows for {r['fanout_rows']:,} recipients | "
            f"{r['fanout_seconds']:.2f} s | ≤ 5 s ({fanout_ok}) |",
            f"| send, enqueue to last row sent | {r['send_seconds']:.1f} s for "
            f"{r['sent_rows']:,} messages ({r['sink_count']:,} at the sink) | |",
            f"| messages per second, end to end | **{rate:,.0f}/s** | ≥ 1,000/s ({rate_ok}) |",
            f"| naive peer: `send_mail` per recipient | {peer_rate:,.0f}/s | |",
            f"| Caucus ÷ peer | {rate / peer_rate:.1f}× | |",
            "",
            f"Load average (1, 5, 15 min) before the run: {_load(r['load_before'])}; at its "
            f"end: {_load(r['load'])} (2 cores, shared with other work: the ratio to the peer "
            "is the figure to read).",
        ]
    )


# ---- the member pages under load ---------------------------------------------------------

MINIMAL_PAGE = (
    "<!doctype html><html lang='en'><head><title>{{ title }}</title></head><body>"
    "<h1>{{ title }}</h1>{% for p in paragraphs %}<p>{{ p }}</p>{% endfor %}</body></html>"
)
urlpatterns: list[Any] = []


def minimal_app() -> Any:
    """The peer page's WSGI application (``gunicorn 'bench.bench_delivery:minimal_app()'``)."""
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF="bench.bench_delivery",
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        DATABASES={
            "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["MINIMAL_DB"]}
        },
        # Django's fastest cache, in the process like the page cache: the harder yardstick.
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
        USE_TZ=True,
    )
    import django
    from django.core.wsgi import get_wsgi_application
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path
    from django.views.decorators.cache import cache_page

    django.setup()

    def page(request: Any) -> Any:
        template = engines["django"].from_string(MINIMAL_PAGE)
        paragraphs = ["Hello, members: read the update."] * 20
        return HttpResponse(
            template.render({"title": "Minimal", "paragraphs": paragraphs}, request)
        )

    urlpatterns[:] = [path("page/", page), path("cached/", cache_page(600)(page))]
    return get_wsgi_application()


def _answers(url: str, wanted: str, headers: dict[str, str]) -> None:
    """The page answers 200 with what it should show (and the request waits for whatever the
    last run left queued, so each run starts on an idle server, its cache warm)."""
    from urllib.request import Request, urlopen

    with urlopen(Request(url, headers=headers), timeout=120) as response:
        body = response.read().decode()
        if response.status != 200 or wanted not in body:
            raise SystemExit(f"{url} answered {response.status} without {wanted!r}")


def _errors(out: str) -> int:
    """Requests that failed: non-2xx answers, and connect/read/write errors and timeouts."""
    found = 0
    if "Non-2xx or 3xx responses:" in out:
        found += int(out.split("Non-2xx or 3xx responses:")[1].split()[0])
    if "Socket errors:" in out:
        words = out.split("Socket errors:")[1].split("\n")[0].replace(",", " ").split()
        found += sum(int(w) for w in words if w.isdigit())
    return found


def _wrk(url: str, wanted: str, headers: dict[str, str] | None = None) -> dict[str, float]:
    headers = headers or {}
    _answers(url, wanted, headers)
    extra = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["timeout", "60", "wrk", "-t2", "-c64", "-d10s", "--timeout", "10s", "--latency", *extra,
         url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(out.split("Requests/sec:")[1].split()[0])
    p99 = out.split(" 99%")[1].split()[0]
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    unit = next(u for u in ("us", "ms", "s") if p99.endswith(u))
    return {"rate": rate, "p99_ms": float(p99.removesuffix(unit)) * scale[unit],
            "errors": _errors(out)}  # fmt: skip


def _gunicorn(app: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "3", "-b", f"127.0.0.1:{port}", app],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(6)
    return server


def _demo_env(folder: str) -> dict[str, str]:
    env = dict(os.environ, CAUCUS_DEMO="true", DEBUG="false", CAUCUS_DATA_DIR=folder,
               DATABASE_URL=f"sqlite:///{folder}/demo.sqlite3", LOG_LEVEL="WARNING")  # fmt: skip
    for name in ("CAUCUS_TESTING", "TASKS_BACKEND", "REDIS_URL"):
        env.pop(name, None)
    return env


def _prepare_demo(env: dict[str, str]) -> dict[str, Any]:
    cli = [sys.executable, "-m", "caucus.cli"]
    for args in (["migrate", "--noinput"], ["createcachetable"], ["collectstatic", "--noinput"],
                 ["demo", "--members", "2000"]):  # fmt: skip
        subprocess.run([*cli, *args], env=env, check=True, capture_output=True, timeout=900)
    env = dict(env, DJANGO_SETTINGS_MODULE="caucus.settings")
    out = subprocess.run(
        [sys.executable, "-c", PREPARE], env=env, check=True, capture_output=True, text=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# Run in the demo: each page's path and a text it must show (a 200 with an error page would not
# do); a signed-in member (an English reader of the roster with no staff role) and their session
# cookie; and each page's first render, as right after a publish, through the whole stack in one
# process (a query never seen before misses the page cache and the stored pages alike).
PREPARE = """
import django, json, statistics, time
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from importlib import import_module
from django.test import Client
from django.utils.html import escape
from caucus.accounts.models import User
from caucus.members.models import Member
from caucus.sheets.models import Sheet
from caucus.updates.models import Update
u = Update.objects.public().order_by('-published_at').first()
s = Sheet.objects.filter(status='published').first()
n = u.negotiation
pages = {'home': ['/', escape(n.name)], 'update': [u.get_absolute_url(), escape(u.title)],
         'sheet': [s.get_public_url(), escape(s.title)],
         'means': [f'/n/{n.slug}/what-it-means/', escape(n.name)]}
member = Member.objects.filter(is_on_roster=True, user=None, language='en').first()
member.user = User.objects.create_user(username='bench-member', email=member.email)
member.save()
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(member.user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = member.user.get_session_auth_hash()
session.create()
client = Client(HTTP_HOST='127.0.0.1')
first = {}
for name, (path, wanted) in pages.items():
    times = []
    for i in range(21):
        started = time.process_time()
        response = client.get(f'{path}?first-render={i}')
        times.append(time.process_time() - started)
        assert response.status_code == 200 and wanted in response.content.decode(), path
    first[name] = statistics.median(times[1:]) * 1000
print(json.dumps({'pages': pages, 'cookie': f'{settings.SESSION_COOKIE_NAME}={session.session_key}',
                  'first_ms': first}))
"""


def _measure_pages(results: dict[str, Any], demo: dict[str, Any], minimal: str, base: str) -> None:
    """Each page run just after a run of the minimal page, rendered then cached, so a change
    in the machine's load between pages does not change what a page is compared with."""
    member = {"Cookie": demo["cookie"]}
    for name, (path, wanted) in demo["pages"].items():
        results[f"{name} minimal uncached"] = _wrk(f"{minimal}/page/", "Hello, members")
        results[f"{name} uncached"] = _wrk(f"{base}{path}?uncached=1", wanted)
        results[f"{name} member"] = _wrk(f"{base}{path}", wanted, member)
        results[f"{name} minimal cached"] = _wrk(f"{minimal}/cached/", "Hello, members")
        results[f"{name} cached"] = _wrk(f"{base}{path}", wanted)
        results[f"{name} first render ms"] = demo["first_ms"][name]
    for kind in ("uncached", "cached"):
        runs = sorted((results[f"{n} minimal {kind}"] for n in demo["pages"]),
                      key=lambda x: x["rate"])  # fmt: skip
        results[f"minimal {kind}"] = runs[len(runs) // 2]


def run_pages() -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise SystemExit(
            "The member-page benchmark drives the server with wrk: apt-get install wrk"
        )
    with tempfile.TemporaryDirectory() as folder:
        env = _demo_env(folder)
        demo = _prepare_demo(env)
        minimal_env = dict(env, MINIMAL_DB=f"{folder}/minimal.sqlite3")
        minimal_env.pop("DJANGO_SETTINGS_MODULE", None)
        script = (
            "from bench.bench_delivery import minimal_app;minimal_app()\n"
            "from django.core.management import call_command\ncall_command('createcachetable')"
        )
        subprocess.run([sys.executable, "-c", script], env=minimal_env, check=True)
        results: dict[str, Any] = {"load_before": os.getloadavg()}
        minimal_port = _free_port()
        minimal = _gunicorn("bench.bench_delivery:minimal_app()", minimal_port, minimal_env)
        port = _free_port()  # the minimal server holds its port by now
        server = _gunicorn(
            "caucus.wsgi:application", port, dict(env, SITE_URL=f"http://127.0.0.1:{port}")
        )
        try:
            _measure_pages(results, demo, f"http://127.0.0.1:{minimal_port}",
                           f"http://127.0.0.1:{port}")  # fmt: skip
        finally:
            for running in (minimal, server):
                running.terminate()
                running.wait()
        results["load"] = os.getloadavg()
        return results


def _cell(run: dict[str, Any]) -> str:
    failed = f", **{run['errors']:,} failed**" if run["errors"] else ""
    return f"{run['rate']:,.0f} req/s (p99 {run['p99_ms']:.0f} ms{failed})"


def _verdict(ratio: float, target: float) -> str:
    return f"{100 * ratio:.0f}% (≥ {100 * target:.0f}%: {'meets' if ratio >= target else 'misses'})"


PAGES = (("home", "home"), ("update", "an update"), ("sheet", "a sheet"),
         ("means", "what it means"))  # fmt: skip


def report_pages(r: dict[str, Any]) -> str:
    figures = [
        f"| minimal Django page | {_cell(r['minimal cached'])} | {_cell(r['minimal uncached'])} "
        "| | |"
    ]
    verdicts = []
    for name, label in PAGES:
        c, u, m = r[f"{name} cached"], r[f"{name} uncached"], r[f"{name} member"]
        figures.append(
            f"| {label} | {_cell(c)} | {_cell(u)} | {_cell(m)} "
            f"| {r[f'{name} first render ms']:.1f} ms |"
        )
        cached, rendered = (r[f"{name} minimal {kind}"]["rate"] for kind in ("cached", "uncached"))
        p99 = "meets" if c["p99_ms"] <= 50 and not c["errors"] else "misses"
        verdicts.append(
            f"| {label} | {_verdict(c['rate'] / cached, 0.75)} "
            f"| {_verdict(u['rate'] / rendered, 0.5)} | {_verdict(m['rate'] / rendered, 0.5)} "
            f"| {c['p99_ms']:.0f} ms ({p99}) |"
        )
    return "\n".join(
        [
            "## Member pages right after a send",
            "",
            "The SQLite demo (2,000 members) under gunicorn (3 sync workers, DEBUG off), wrk with "
            "64 connections for 10 s a page on loopback (a 10 s timeout: with wrk's 2 s, a slow "
            "page's abandoned requests are still rendered by the workers, and the figure measures "
            "that collapse rather than the page). Each page is first fetched once and checked "
            "(200, and its title in it), which also waits out what the previous run left queued.",
            "",
            "- **From the page cache**: a visitor not signed in, served by "
            "caucus.site.cached_pages before the session, authentication, OTP and messages "
            "middleware (caucus.delivery.pagecache, pages in each web process's memory).",
            "- **Past the page cache**: the same visitor with `?uncached=1`, which the page "
            "cache passes by: the whole middleware stack, then the page as stored for its "
            "audience (caucus.delivery.stored_pages) with the visitor's own CSRF token.",
            "- **A signed-in member**: an English reader on the roster with no staff role and a "
            "session cookie, whom the page cache never serves: the session, user, roles and "
            'roster row are read, then the page stored for the members of their union. "What '
            'it means" shows a signed-in member their own pay, so it is never stored for them: '
            "that cell is the page rendered each time.",
            "- **First render**: what a page costs before it is stored (right after a publish), "
            "CPU in one process through the whole stack, median of 20.",
            "",
            "The minimal page is one small template under Django's usual middleware, rendered "
            "and from `cache_page` on Django's in-process cache (LocMemCache), served by the same "
            "gunicorn set-up in the same run. Each page is measured just after the minimal page "
            "(rendered, then cached) and compared with that run; the minimal row gives the "
            "median of its four runs.",
            "",
            "| page | from the page cache | past the page cache | a signed-in member "
            "| first render |",
            "|---|---|---|---|---|",
            *figures,
            "",
            "| page | cached ÷ minimal cached | past the cache ÷ minimal rendered "
            "| signed-in member ÷ minimal rendered | p99 from cache (≤ 50 ms) |",
            "|---|---|---|---|---|",
            *verdicts,
            "",
            f"Load average (1, 5, 15 min) before the run: {_load(r['load_before'])}; at its end: "
            f"{_load(r['load'])} (2 cores, shared with other work). With 64 connections "
            "always waiting, the mean latency is 64 ÷ the rate (Little's law): 50 ms needs "
            "about 1,300 req/s on average, and a p99 of 50 ms well over that.",
        ]
    )


def main() -> None:
    from bench.report import write_section

    members = int(os.environ.get("BENCH_DELIVERY_MEMBERS", MEMBERS))
    if os.environ.get("BENCH_DELIVERY_PART", "all") in ("all", "email"):
        body = report(run(members))
        print(body)
        write_section("delivery", body)
    if os.environ.get("BENCH_DELIVERY_PART", "all") in ("all", "pages"):
        body = report_pages(run_pages())
        print(body)
        write_section("delivery-pages", body)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sink"]:
        sink_main(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
