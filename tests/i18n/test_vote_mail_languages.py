"""A vote's e-mails and letters in the member's roster language, for the languages beyond
Spanish (the votes app's catalogs, caucus/votes/locale): the mailing itself, run as
tests/votes/test_mailings.py runs it."""

from __future__ import annotations

import re
import subprocess
from typing import Any

import pytest
from django.core import mail
from django.template.loader import render_to_string

from caucus.votes import letters, mailings
from caucus.votes.models import Voter
from tests.votes.conftest import quick_trustee_files
from tests.votes.helpers import open_vote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_trustee_files(monkeypatch: Any) -> None:
    quick_trustee_files(monkeypatch)


@pytest.fixture
def vote(cast: Any) -> Any:
    """An open vote: A-1 reads Vietnamese, A-2 Chinese, A-3 Tagalog (personal e-mails); A-4
    reads Chinese and has only an employer address, so gets a letter."""
    world = cast.world
    world.member(member_id="A-1", first_name="Lan", language="vi")
    world.member(member_id="A-2", first_name="Wei", language="zh-hans")
    world.member(member_id="A-3", first_name="Maria", language="tl")
    world.member(
        member_id="A-4",
        first_name="Ming",
        language="zh-hans",
        email="ming@megacorp.example",
        email_is_employers=True,
    )
    return open_vote(cast)[0]


@pytest.mark.parametrize(
    ("to", "subject", "sentence"),
    [
        ("a-1@personal.example", "Lá phiếu của bạn: ", "Bạn có thể bỏ phiếu cho câu hỏi sau:"),
        ("a-2@personal.example", "您的选票：", "您可以就以下问题投票："),
        ("a-3@personal.example", "Ang iyong balota: ", "Maaari kang bumoto sa tanong na ito:"),
    ],
)
def test_the_voting_link_goes_out_in_the_members_language(
    cast: Any,
    vote: Any,
    django_capture_on_commit_callbacks: Any,
    to: str,
    subject: str,
    sentence: str,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        mailings.do_send_credentials(cast["team"], vote)
    message = next(m for m in mail.outbox if m.to == [to])
    assert message.subject.startswith(subject)
    assert sentence in message.body
    assert "?code=" in message.body
    assert "You can vote" not in message.body


def test_a_reminder_goes_out_in_vietnamese(
    cast: Any, vote: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        mailings.do_send_reminders(cast["organizer_a"], vote, [cast.world.union_a.pk])
    message = next(m for m in mail.outbox if m.to == ["a-1@personal.example"])
    assert message.subject.startswith("Nhắc nhở: bạn chưa bỏ phiếu: ")
    assert "Bạn chưa bỏ phiếu cho câu hỏi sau:" in message.body


def test_the_letter_is_in_chinese(vote: Any) -> None:
    voter = Voter.objects.get(key="local-a:A-4")
    page = letters.letter_page(vote, voter, "ABCD1234EFGH5678JKLM")
    html = render_to_string("votes/letters.html", {"vote": vote, "pages": [page]})
    assert 'lang="zh-hans"' in html
    assert "<h1>您的选票：" in html  # a full-width colon, as Chinese writes it
    assert "请用手机相机扫描二维码，或输入下方的网址，再输入您的投票码。" in html
    assert "您的投票是保密的" in html
    assert "Scan the code" not in html


def _chinese_families() -> set[str]:
    """The installed font families that cover Simplified Chinese, as fontconfig knows them."""
    listed = subprocess.run(
        ["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, check=True
    ).stdout
    return {_bare(f) for line in listed.splitlines() for f in line.split(",") if f.strip()}


def _bare(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def test_the_chinese_letter_is_printed_in_a_chinese_font(vote: Any, tmp_path: Any) -> None:
    """Without one, WeasyPrint prints a box for every character, and the text layer (what
    pdftotext reads) still says the right words: the fonts are what tells."""
    voter = Voter.objects.get(key="local-a:A-4")
    pdf = tmp_path / "letters.pdf"
    pdf.write_bytes(letters.letters_pdf(vote, [(voter, "ABCD1234EFGH5678JKLM")]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "您的选票：" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    embedded = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    chinese = _chinese_families()
    assert any(_bare(name).startswith(f) for name in embedded for f in chinese), embedded
    assert any("CJK-SC" in name for name in embedded), embedded  # simplified forms
