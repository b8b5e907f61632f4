"""``caucus serve [--host H] [--port P]``: the demo's web server and task worker together.

Starts Django's runserver and the ``db_worker`` of django-tasks-db as two child processes,
each in its own process group, prints the demo sign-ins and the address, and on Ctrl-C or
SIGTERM stops both groups (their reloader children too), so no worker is left behind.

The demo runs with DEBUG off, as production does, so its pages need the static files that
``collectstatic`` hashed (``make run`` collects them): without them it refuses to start,
rather than answer every page with a 500.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.demo.people import print_logins

STOP_GRACE_SECONDS = 10


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_mail_sink(env: dict[str, str]) -> subprocess.Popen[bytes] | None:
    """The demo's own mail sink (caucus.demo.mailbox) on a free loopback port, which the web
    server and the worker are told to send to, so two demos never share a mailbox; started
    only when mail would go to loopback (a real relay is left alone)."""
    if (
        settings.EMAIL_HOST not in ("127.0.0.1", "localhost")
        or settings.CAUCUS_DEMO_MAILBOX is None
    ):
        return None
    port = _free_port()
    env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port))
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "caucus.demo.mailbox",
            "--port",
            str(port),
            "--folder",
            str(settings.CAUCUS_DEMO_MAILBOX),
        ],
        start_new_session=True,
    )


def children_env(url: str, environ: Mapping[str, str]) -> dict[str, str]:
    """The web server's and the worker's environment: links in mail (sign-in links, updates)
    name the address actually served, unless the person running it set SITE_URL. (The mail
    sink's port is added to it by ``_start_mail_sink``.)"""
    return {**environ, "SITE_URL": environ.get("SITE_URL") or url}


def _static_files_missing() -> bool:
    """True if the pages would name hashed static files that were never collected."""
    from django.contrib.staticfiles.storage import (
        ManifestFilesMixin,
        staticfiles_storage,
    )

    return isinstance(staticfiles_storage, ManifestFilesMixin) and not staticfiles_storage.exists(
        staticfiles_storage.manifest_name
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the child's whole group, then SIGKILL what is left after the grace period."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


class Command(BaseCommand):
    help = "Serve Caucus with its task worker (the demo's `make run`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--noreload", action="store_true", help="Do not restart on code changes."
        )

    def handle(self, *args: Any, host: str, port: int, noreload: bool, **options: Any) -> None:
        if _static_files_missing():
            raise CommandError(
                "The static files are not collected: run `caucus collectstatic --noinput` "
                "first (`make run` does)."
            )
        cli = [sys.executable, "-m", "caucus.cli"]
        web_args = [*cli, "runserver", f"{host}:{port}"]
        worker_args = [*cli, "db_worker", "--no-reload"]
        if noreload:
            web_args.append("--noreload")
        stopping = False

        def on_signal(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        url = f"http://{host}:{port}"
        env = children_env(url, os.environ)
        sink = _start_mail_sink(env)
        # Own process groups: Ctrl-C reaches only this process, which then stops each group
        # in order, instead of racing the children's own handlers.
        worker = subprocess.Popen(worker_args, start_new_session=True, env=env)
        web = subprocess.Popen(web_args, start_new_session=True, env=env)
        try:
            self.stdout.write(f"Caucus at {url}/ (web pid {web.pid}, task worker pid {worker.pid})")
            if sink is not None:
                self.stdout.write(f"Mail the demo sends: {url}/demo/mailbox/")
            print_logins(self.stdout, site_url=url)
            self.stdout.write("Ctrl-C stops both.")
            while not stopping:
                if web.poll() is not None or worker.poll() is not None:
                    self.stderr.write("A child process stopped; stopping the other.")
                    break
                time.sleep(0.5)
        finally:
            _stop(web)
            _stop(worker)
            if sink is not None:
                _stop(sink)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Stopped the web server and the task worker.")
