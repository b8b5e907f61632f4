"""Real workers, really killed: a send to 300 members through real worker processes to a real
SMTP server on loopback (aiosmtpd), the worker SIGKILLed at a random point, another started.
The send finishes with no member skipped and none sent twice, except the one message that was
in flight at the kill (at most one per killed worker), which carries the same Message-ID both
times. Once on the database worker of ``make run``, over several random kill points; once with
two RQ workers on Redis (a database number of its own), one of them killed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.delivery.conftest import free_port
from tests.tools import need

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = 300
LEASE_SECONDS = 3
REDIS_DB = 13


class CountingInbox:
    """Counts each recipient's messages; offers PIPELINING, as real relays do, so the workers
    send the next envelope with each message's end (the path a send takes in production)."""

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = defaultdict(list)
        self.count = 0

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content)
        self.ids[str(message["To"])].append(str(message["Message-ID"]))
        self.count += 1
        return "250 OK"


@pytest.fixture
def inbox() -> Iterator[tuple[CountingInbox, int]]:
    handler = CountingInbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: Any) -> Path:
    """An empty database with every table, made once and copied for each run."""
    path = tmp_path_factory.mktemp("workers") / "template.sqlite3"
    _run(_env(path, 0), "migrate")
    return path


def _env(database: Path, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TASKS_BACKEND")}
    env.update(
        DJANGO_SETTINGS_MODULE="caucus.settings",
        CAUCUS_TESTING="true",
        DATABASE_URL=f"sqlite:///{database}",
        CAUCUS_DATA_DIR=str(database.parent),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        CAUCUS_DELIVERY_LEASE_SECONDS=str(LEASE_SECONDS),
        CAUCUS_DELIVERY_BATCH="20",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _run(env: dict[str, str], *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.delivery.scenario", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _start(env: dict[str, str], *command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "caucus.cli", *command],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def _wait_for(condition: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _assert_nobody_skipped_and_at_most(handler: CountingInbox, repeats: int) -> None:
    counts = Counter({address: len(ids) for address, ids in handler.ids.items()})
    assert set(counts) == {f"m{n}@personal.example" for n in range(MEMBERS)}
    doubled = {address: handler.ids[address] for address, n in counts.items() if n > 1}
    assert sum(counts.values()) - MEMBERS <= repeats, doubled
    for ids in doubled.values():
        assert len(set(ids)) == 1  # the repeat carries the same Message-ID: receivers fold it


def _done(database: Path) -> bool:
    """The send finished (read straight from the file: a process per poll is too slow)."""
    with sqlite3.connect(database, timeout=20) as connection:
        row = connection.execute("SELECT status FROM delivery_send ORDER BY id DESC").fetchone()
    return bool(row) and row[0] == "done"


DB_WORKER = ("db_worker", "--no-startup-delay", "--interval", "0.05")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_killed_database_worker_skips_no_one_and_doubles_at_most_its_message_in_flight(
    migrated: Path, inbox: tuple[CountingInbox, int], tmp_path: Path, seed: int
) -> None:
    handler, port = inbox
    database = tmp_path / "caucus.sqlite3"
    shutil.copy(migrated, database)
    env = _env(database, port)
    _run(env, "setup", str(MEMBERS))
    kill_after = random.Random(seed).randint(5, MEMBERS - 40)

    first = _start(env, *DB_WORKER)
    try:
        _wait_for(lambda: handler.count >= kill_after, 60)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    killed_at = handler.count
    assert killed_at < MEMBERS  # killed mid-send

    second = _start(env, *DB_WORKER)
    try:
        _wait_for(lambda: _done(database), 90)
    finally:
        _stop(second)
    _assert_nobody_skipped_and_at_most(handler, repeats=1)


def _redis(command: str) -> str:
    out = subprocess.run(
        ["redis-cli", "-n", str(REDIS_DB), command], capture_output=True, text=True, timeout=10
    )
    return out.stdout.strip()


def test_two_workers_on_redis_share_a_send_and_one_killed_doubles_at_most_one_message(
    migrated: Path, inbox: tuple[CountingInbox, int], tmp_path: Path
) -> None:
    need("redis-cli")
    if _redis("PING") != "PONG":
        message = "Redis does not answer on 127.0.0.1:6379"
        if os.environ.get("CAUCUS_REQUIRE_TOOLS"):
            pytest.fail(f"CAUCUS_REQUIRE_TOOLS is set but {message} (.ci/run starts it)")
        pytest.skip(message)
    _redis("FLUSHDB")
    handler, port = inbox
    database = tmp_path / "caucus.sqlite3"
    shutil.copy(migrated, database)
    env = _env(
        database,
        port,
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        TASKS_BACKEND="django_tasks_rq.RQBackend",
        CAUCUS_DELIVERY_PARALLEL="2",
    )
    rq_worker = (
        "rqworker",
        "--worker-class",
        "rq.worker.SimpleWorker",
        "--job-class",
        "django_tasks_rq.backend.Job",
        "--with-scheduler",
        "default",
    )
    workers = [_start(env, *rq_worker, "--name", f"kill-test-{n}") for n in range(2)]
    try:
        _run(env, "setup", str(MEMBERS))
        _wait_for(lambda: handler.count >= MEMBERS // 3, 60)
        os.killpg(workers[0].pid, signal.SIGKILL)
        workers[0].wait()
        _wait_for(lambda: _done(database), 90)
    finally:
        for worker in workers:
            _stop(worker)
        _redis("FLUSHDB")
    _assert_nobody_skipped_and_at_most(handler, repeats=1)
