"""The votes app's own Spanish catalog (the ballot e-mails and letters) beside the member pages'
one: Django reads the project's catalog first, so a string in both must read the same."""

from __future__ import annotations

from pathlib import Path

from tools.messages import ROOT, catalog_path, parse_po

VOTES_CATALOG = ROOT / "caucus" / "votes" / "locale" / "es" / "LC_MESSAGES" / "django.po"


def _translated(path: Path) -> dict[tuple[str | None, str], list[str]]:
    entries = parse_po(path.read_text(encoding="utf-8"))
    return {e.key: e.msgstr for e in entries if e.msgid and e.is_translated}


def test_a_string_in_both_spanish_catalogs_reads_the_same_in_each() -> None:
    ours, votes = _translated(catalog_path("es")), _translated(VOTES_CATALOG)
    differ = {key[1]: (ours[key], votes[key]) for key in ours.keys() & votes.keys()}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}
