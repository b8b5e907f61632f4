"""The demo as a new user meets it: the README's commands work as written after `make run`,
links name the address served, and the demo's mail is read in the browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import get_connection, send_mail
from django.test import RequestFactory

from caucus.demo.mailbox import MailboxHandler, letters
from caucus.demo.management.commands import serve
from caucus.demo.views import mailbox
from caucus.settings import load_env_file

ROOT = Path(__file__).resolve().parents[2]


def _caucus(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    """A `caucus` command as a person types it: no CAUCUS_* or SECRET_KEY in the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAUCUS_", "SECRET_KEY"))}
    env["CAUCUS_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "caucus.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_readme_commands_run_once_make_run_wrote_the_demo_settings(tmp_path: Path) -> None:
    without = _caucus(["check"], tmp_path)
    assert without.returncode != 0
    assert "SECRET_KEY must be set" in without.stderr
    dry_run = subprocess.run(
        ["make", "-n", "run", f"CAUCUS_DATA_DIR={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"> {tmp_path}/caucus.env" in dry_run
    (tmp_path / "caucus.env").write_text("CAUCUS_DEMO=true\nSECRET_KEY=a-random-one\n")
    with_file = _caucus(["check"], tmp_path)
    assert with_file.returncode == 0, with_file.stderr
    assert "System check identified no issues" in with_file.stdout


def test_the_settings_file_gives_defaults_the_environment_overrides(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CAUCUS_FIRST_HOUR_B", "from the environment")
    monkeypatch.delenv("CAUCUS_FIRST_HOUR_A", raising=False)
    path = tmp_path / "caucus.env"
    path.write_text("# the demo\nCAUCUS_FIRST_HOUR_A=from the file\nCAUCUS_FIRST_HOUR_B=file\n")
    load_env_file(path)
    assert os.environ["CAUCUS_FIRST_HOUR_A"] == "from the file"
    assert os.environ["CAUCUS_FIRST_HOUR_B"] == "from the environment"
    monkeypatch.delenv("CAUCUS_FIRST_HOUR_A")


def test_a_settings_file_line_that_is_not_name_equals_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "caucus.env"
    path.write_text("CAUCUS_DEMO=true\nsecret key\n")
    with pytest.raises(ValueError, match="line 2: expected NAME=value"):
        load_env_file(path)


def test_each_demo_server_sends_its_mail_to_a_sink_of_its_own(
    settings: Any, tmp_path: Path
) -> None:
    settings.EMAIL_HOST = "127.0.0.1"
    settings.CAUCUS_DEMO_MAILBOX = tmp_path / "mailbox"
    first_env: dict[str, str] = {}
    second_env: dict[str, str] = {}
    sinks = [serve._start_mail_sink(first_env), serve._start_mail_sink(second_env)]
    try:
        assert first_env["EMAIL_PORT"] != second_env["EMAIL_PORT"]
    finally:
        for sink in sinks:
            assert sink is not None
            serve._stop(sink)


@pytest.mark.django_db
def test_links_in_the_demos_mail_name_the_port_it_serves_unless_site_url_says_otherwise(
    settings: Any, world: Any, mailoutbox: Any
) -> None:
    env = serve.children_env("http://127.0.0.1:8123", {"PATH": "/usr/bin"})
    assert env == {"PATH": "/usr/bin", "SITE_URL": "http://127.0.0.1:8123"}
    chosen = serve.children_env("http://127.0.0.1:8123", {"SITE_URL": "https://caucus.example"})
    assert chosen["SITE_URL"] == "https://caucus.example"
    # What the web server then writes in a member's sign-in mail (SITE_URL is read at start-up):
    from caucus.members.signin import send_login_link

    settings.SITE_URL = env["SITE_URL"]
    member = world.member()
    assert send_login_link.call(member.email)
    assert "http://127.0.0.1:8123/accounts/link/" in mailoutbox[0].body


def test_the_mailbox_page_shows_the_sign_in_link_the_demo_sent(
    settings: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "mailbox"
    port = serve._free_port()
    controller = Controller(MailboxHandler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend",
            host="127.0.0.1",
            port=port,
        )
        send_mail(
            "Your sign-in link",
            "Use this link: http://127.0.0.1:8123/accounts/link/abc/",
            "noreply@caucus.invalid",
            ["mara@personal.example"],
            connection=connection,
        )
    finally:
        controller.stop()
    (letter,) = letters(folder)
    assert letter.subject == "Your sign-in link"
    settings.DEMO = True
    settings.CAUCUS_DEMO_MAILBOX = folder
    page = mailbox(RequestFactory().get("/demo/mailbox/", REMOTE_ADDR="127.0.0.1"))
    html = page.content.decode()
    assert '<a href="http://127.0.0.1:8123/accounts/link/abc/"' in html
    assert "mara@personal.example" in html


def test_the_mailbox_is_not_there_outside_the_demo_or_for_another_machine(
    settings: Any, tmp_path: Path
) -> None:
    from django.http import Http404

    settings.DEMO = True
    settings.CAUCUS_DEMO_MAILBOX = tmp_path
    with pytest.raises(Http404):
        mailbox(RequestFactory().get("/demo/mailbox/", REMOTE_ADDR="203.0.113.9"))
    settings.DEMO = False
    with pytest.raises(Http404):
        mailbox(RequestFactory().get("/demo/mailbox/", REMOTE_ADDR="127.0.0.1"))
