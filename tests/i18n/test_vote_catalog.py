"""The votes app's own catalogs (the ballot e-mails and letters), one per member language, beside
the member pages' ones: Django reads the project's catalog first, so a string in both must read
the same; and each language translates every string of the Spanish one, placeholders kept."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from tools import messages
from tools.messages import PLACEHOLDER, catalog_path, parse_po, votes_catalog_path


def _translated(path: Path) -> dict[tuple[str | None, str], list[str]]:
    entries = parse_po(path.read_text(encoding="utf-8"))
    return {e.key: e.msgstr for e in entries if e.msgid and e.is_translated}


def test_the_votes_app_has_its_strings() -> None:
    msgids = {e.msgid for e in messages.votes_strings()}
    assert "Your ballot: %(question)s" in msgids  # the e-mail's subject
    assert "Your voting code" in msgids  # the letter's
    assert len(msgids) > 80


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_a_string_in_both_catalogs_reads_the_same_in_each(language: str) -> None:
    ours, votes = _translated(catalog_path(language)), _translated(votes_catalog_path(language))
    both = ours.keys() & votes.keys()
    assert len(both) > 50  # the ballot pages' strings are in both
    differ = {key[1]: (ours[key], votes[key]) for key in both}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_every_string_of_the_votes_app_is_translated_with_its_placeholders(
    language: str,
) -> None:
    votes = _translated(votes_catalog_path(language))
    wanted = messages.votes_strings()
    missing = [e.msgid for e in wanted if e.key not in votes]
    assert missing == []
    differ = {
        e.msgid: votes[e.key]
        for e in wanted
        if any(
            sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(e.msgid))
            for t in votes[e.key]
        )
    }
    assert differ == {}
    problems = messages.problems(language, wanted, votes_catalog_path(language))
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_votes_string_that_lost_its_placeholder(tmp_path: Path) -> None:
    po = tmp_path / "django.po"
    text = votes_catalog_path("vi").read_text(encoding="utf-8")
    broken = text.replace(
        'msgstr "Lá phiếu của bạn: %(question)s"', 'msgstr "Lá phiếu của bạn"'
    ).replace('msgid "Sending"\nmsgstr "Đang gửi"', '#, fuzzy\nmsgid "Sending"\nmsgstr "Đang gửi"')
    assert broken != text
    po.write_text(broken, encoding="utf-8")
    assert messages.problems("vi", messages.votes_strings(), po) == [
        "vi: fuzzy: 'Sending'",
        "vi: placeholders differ: 'Your ballot: %(question)s' -> 'Lá phiếu của bạn'",
    ]


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_the_compiled_votes_catalog_is_its_po(language: str) -> None:
    """``django.mo`` beside each votes catalog (``tools.messages compile``) says what the .po
    says: a .po changed without compiling it again fails here."""
    po = votes_catalog_path(language)
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    expected = {e.msgid: e.msgstr[0] for e in parse_po(po.read_text(encoding="utf-8"))}
    assert {k: v for k, v in compiled.items() if k} == {k: v for k, v in expected.items() if k}
