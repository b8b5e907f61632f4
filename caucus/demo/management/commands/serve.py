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
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caucus.demo.people import print_logins

STOP_GRACE_SECONDS = 10


def _start_mail_sink() -> subprocess.Popen[bytes] | None:
    """The demo's local mail sink: an SMTP server on EMAIL_HOST:EMAIL_PORT that prints every
    message to this console, started only when the address is loopback and nobody listens."""
    import socket

    from django.conf import settings

    if settings.EMAIL_HOST not in ("127.0.0.1", "localhost"):
        return None
    with socket.socket() as probe:
        if probe.connect_ex((settings.EMAIL_HOST, settings.EMAIL_PORT)) == 0:
            return None  # a sink (or a relay) already answers there
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        return None
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
            "-c",
            "aiosmtpd.handlers.Debugging",
        ],
        start_new_session=True,
    )


def _static_files_missing() -> bool:
    """True if the pages would name hashed static files that were never collected."""
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

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
        # Own process groups: Ctrl-C reaches only this process, which then stops each group
        # in order, instead of racing the children's own handlers.
        worker = subprocess.Popen(worker_args, start_new_session=True)
        web = subprocess.Popen(web_args, start_new_session=True)
        sink = _start_mail_sink()
        try:
            url = f"http://{host}:{port}/"
            self.stdout.write(f"Caucus at {url} (web pid {web.pid}, task worker pid {worker.pid})")
            print_logins(self.stdout, site_url=url.rstrip("/"))
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
