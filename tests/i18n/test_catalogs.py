"""The check that no member-facing string is untranslated: every string of the member pages
(``tools.messages.MEMBER_SOURCES``, extracted as ``makemessages`` would) has a translation,
neither empty nor fuzzy, with the same placeholders, in every language; and the compiled
catalogs are the ones the .po files make."""

from __future__ import annotations

import gettext
import subprocess
from pathlib import Path

import pytest

from tests.tools import need
from tools import messages


@pytest.fixture(scope="module")
def member_strings() -> list[messages.Entry]:
    need("xgettext")
    return [entry for entry in messages.parse_po(messages.extract()) if entry.msgid]


def test_the_member_pages_have_strings_to_translate(member_strings: list[messages.Entry]) -> None:
    msgids = {entry.msgid for entry in member_strings}
    assert "Latest updates" in msgids  # a template
    assert "What did the message say?" in msgids  # a form's label
    assert "Your ballot" in msgids  # a ballot page
    assert len(msgids) > 300


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_every_member_facing_string_is_translated(
    language: str, member_strings: list[messages.Entry]
) -> None:
    problems = messages.problems(language, member_strings)
    assert not problems, "\n".join(problems) + "\n(see docs/languages.md)"


def test_a_new_untranslated_string_is_caught(member_strings: list[messages.Entry]) -> None:
    new = messages.Entry(msgid="A sentence nobody has translated yet.")
    assert messages.problems("es", [*member_strings, new]) == [
        "es: missing: 'A sentence nobody has translated yet.'"
    ]


def test_a_lost_placeholder_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    po = tmp_path / "xx" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        '#, python-format\nmsgid "Back to %(name)s"\nmsgstr "Volver"\n\n'
        '#, fuzzy\nmsgid "Votes"\nmsgstr "Votaciones"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(messages, "LOCALE", tmp_path)
    wanted = [
        messages.Entry(msgid="Back to %(name)s", flags={"python-format"}),
        messages.Entry(msgid="Votes"),
    ]
    assert messages.problems("xx", wanted) == [
        "xx: placeholders differ: 'Back to %(name)s' -> 'Volver'",
        "xx: fuzzy: 'Votes'",
    ]


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_the_compiled_catalog_is_what_msgfmt_makes(language: str, tmp_path: Path) -> None:
    msgfmt = need("msgfmt")
    po = messages.catalog_path(language)
    theirs = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check-format", "-o", str(theirs), str(po)], check=True)
    ours = messages.compile_catalog(po.parent / "django.po")
    with theirs.open("rb") as a, ours.open("rb") as b:
        assert gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog  # type: ignore[attr-defined]
