"""``python -m tools.messages {update,check,compile,stats}``: the member pages' catalogs.

The member-facing sources (``MEMBER_SOURCES``: the member site's templates and the Python
that speaks to members) are translated into every language of ``LANGUAGES`` other than
English, in ``caucus/locale/<lang>/LC_MESSAGES/django.po`` (docs/languages.md).

- ``update``: extract the strings (Django's template reader and ``xgettext``, as
  ``makemessages`` does) and merge them into each catalog with ``msgmerge``; new strings come
  in untranslated, changed ones fuzzy.
- ``check``: exit 1, naming them, if a member-facing string lacks a translation in a language
  (missing, empty or fuzzy), or if a translation drops or invents a placeholder; the same for
  the votes app's own catalogs (``caucus/votes/locale``, the ballot e-mails and letters), whose
  strings are the msgids of its Spanish one.
- ``compile``: write each ``django.mo`` beside its ``.po``, the votes app's too (pure Python:
  ``make install`` needs no gettext tools). Fuzzy and empty entries are left out, as ``msgfmt``
  leaves them.
- ``stats``: how many strings each catalog has, and how many are translated.
Extraction needs GNU gettext's ``xgettext`` and ``msgmerge`` (Debian's ``gettext``).
"""

from __future__ import annotations

import argparse
import ast
import re
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "caucus" / "locale"
VOTES_LOCALE = ROOT / "caucus" / "votes" / "locale"
LANGUAGES = ("es", "zh_Hans", "tl", "vi")
MEMBER_SOURCES = (
    "caucus/templates/base.html",
    "caucus/templates/40*.html",
    "caucus/site/templates/site/*.html",
    "caucus/site/forms.py",
    "caucus/lib/uploads.py",
    "caucus/site/tracker.py",
    "caucus/updates/templates/updates/_update_article.html",
    "caucus/sheets/templates/sheets/site_*.html",
    "caucus/sheets/templates/sheets/_sheet_body.html",
    "caucus/costing/templates/costing/what_it_means.html",
    "caucus/costing/templates/costing/_money.html",
    "caucus/costing/site_views.py",
    "caucus/costing/employer_money.py",
    "caucus/costing/forms.py",
    "caucus/delivery/templates/delivery/preferences.html",
    "caucus/delivery/templates/delivery/unsubscribe.html",
    "caucus/delivery/templates/delivery/test_link.html",
    "caucus/delivery/site_views.py",
    "caucus/delivery/forms.py",
    "caucus/members/signin.py",
    "caucus/members/templates/members/member_link*.html",
    "caucus/votes/templates/votes/site_*.html",
    "caucus/votes/templates/votes/_site_*.html",
    "caucus/votes/templates/votes/_result*.html",
    "caucus/votes/site_views.py",
    "caucus/votes/results.py",
    "caucus/votes/member_words.py",
    "caucus/sheets/site_words.py",
    "caucus/readiness/templates/readiness/site/*.html",
    "caucus/readiness/site_views.py",
    "caucus/commitments/templates/commitments/site/*.html",
    "caucus/commitments/templates/commitments/_charts.html",
    "caucus/commitments/board.py",
    "caucus/commitments/progress.py",
    "caucus/table/models.py",
)
XGETTEXT = [
    "xgettext",
    "--language=Python",
    "--from-code=UTF-8",
    "--add-comments=Translators",
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
    "--no-wrap",
    "--output=-",
]
MSGINIT = ["msginit", "--no-translator", "--no-wrap"]
MSGMERGE = ["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap", "--previous"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]|%[sdf]")
# Where a catalog's own section starts: Django's strings members see, for a language Django
# ships no catalog of (Tagalog). No member source has them, so ``update`` keeps the section
# as it is instead of letting ``msgmerge`` mark it obsolete.
KEPT_SECTION = "# Django's own strings on the member pages"
# Header lines msgmerge adds and msgfmt leaves out: a catalog changes only when its words do.
UNDATED = re.compile(r'^"(?:POT-Creation-Date|Report-Msgid-Bugs-To): [^"]*"\n', re.MULTILINE)


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def is_translated(self) -> bool:
        return "fuzzy" not in self.flags and bool(self.msgstr) and all(self.msgstr)


def member_sources(root: Path = ROOT) -> list[Path]:
    return sorted({path for pattern in MEMBER_SOURCES for path in root.glob(pattern)})


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text.strip()))


def parse_po(text: str) -> list[Entry]:
    """Every entry of a PO file (the header's msgid is ""); obsolete ``#~`` entries left out."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        entry = _parse_block([line for line in block.splitlines() if not line.startswith("#~")])
        if entry is not None:
            entries.append(entry)
    return entries


def _parse_block(lines: list[str]) -> Entry | None:
    fields: dict[str, str] = {}
    flags: set[str] = set()
    current = None
    for line in lines:
        if line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#") or not line.strip():
            continue
        elif line.startswith('"'):
            fields[current or ""] += _unquote(line)
        else:
            current, _, rest = line.partition(" ")
            fields[current] = _unquote(rest)
    if "msgid" not in fields:
        return None
    plural = sorted(name for name in fields if name.startswith("msgstr["))
    return Entry(
        msgid=fields["msgid"],
        msgctxt=fields.get("msgctxt"),
        msgid_plural=fields.get("msgid_plural"),
        msgstr=[fields[name] for name in plural] if plural else [fields.get("msgstr", "")],
        flags=flags,
    )


def extract(root: Path = ROOT) -> str:
    """The member-facing strings as a PO template, references naming the real files."""
    from django.utils.translation.template import templatize

    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for path in member_sources(root):
            relative = path.relative_to(root)
            if path.suffix == ".html":
                copy = Path(tmp) / f"{relative}.py"
                copy.parent.mkdir(parents=True, exist_ok=True)
                source = path.read_text(encoding="utf-8")
                copy.write_text(templatize(source, origin=str(relative)), encoding="utf-8")
                inputs.append(str(copy))
            else:
                inputs.append(str(relative))
        done = subprocess.run(
            [*XGETTEXT, *inputs], cwd=root, capture_output=True, text=True, check=True
        )
        return done.stdout.replace(f"{tmp}/", "").replace(".html.py:", ".html:")


def catalog_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def votes_catalog_path(language: str) -> Path:
    return VOTES_LOCALE / language / "LC_MESSAGES" / "django.po"


def votes_strings() -> list[Entry]:
    """The votes app's strings: its Spanish catalog's msgids (python-format where they have a
    placeholder, as ``xgettext`` would mark them)."""
    entries = parse_po(votes_catalog_path("es").read_text(encoding="utf-8"))
    return [
        Entry(
            e.msgid,
            e.msgctxt,
            e.msgid_plural,
            flags={"python-format"} if PLACEHOLDER.search(e.msgid) else set(),
        )
        for e in entries
        if e.msgid
    ]


def problems(language: str, wanted: list[Entry], path: Path | None = None) -> list[str]:
    """What keeps ``language`` (its catalog at ``path``, the main one if None) from covering
    ``wanted``: one line per string."""
    path = path or catalog_path(language)
    have = {e.key: e for e in parse_po(path.read_text(encoding="utf-8"))} if path.exists() else {}
    found = []
    for want in wanted:
        if not want.msgid:
            continue
        entry = have.get(want.key)
        if entry is None or not entry.is_translated:
            state = "missing" if entry is None else "fuzzy" if "fuzzy" in entry.flags else "empty"
            found.append(f"{language}: {state}: {want.msgid!r}")
            continue
        expected = sorted(PLACEHOLDER.findall(want.msgid))
        for text in entry.msgstr:
            if "python-format" in want.flags and sorted(PLACEHOLDER.findall(text)) != expected:
                found.append(f"{language}: placeholders differ: {want.msgid!r} -> {text!r}")
    return found


def compile_catalog(po: Path) -> Path:
    """Write ``django.mo`` beside ``po``, as ``msgfmt`` would (translated entries only)."""
    messages: dict[bytes, bytes] = {}
    for entry in parse_po(po.read_text(encoding="utf-8")):
        if entry.msgid and not entry.is_translated:
            continue
        key = entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\0{entry.msgid_plural}"
        if entry.msgctxt is not None:
            key = f"{entry.msgctxt}\x04{key}"
        messages[key.encode()] = "\0".join(entry.msgstr).encode()
    keys = sorted(messages)
    ids = strs = b""
    spans = []
    for key in keys:
        spans.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    start = 7 * 4 + 16 * len(keys)
    table = []
    for id_at, id_len, _, _ in spans:
        table += [id_len, start + id_at]
    for _, _, str_at, str_len in spans:
        table += [str_len, start + len(ids) + str_at]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    mo = po.with_suffix(".mo")
    mo.write_bytes(header + struct.pack(f"{len(table)}i", *table) + ids + strs)
    return mo


def update() -> None:
    template = extract()
    with tempfile.NamedTemporaryFile("w", suffix=".pot", encoding="utf-8") as pot:
        pot.write(template)
        pot.flush()
        for language in LANGUAGES:
            po = catalog_path(language)
            if not po.exists():
                po.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [
                        *MSGINIT,
                        f"--locale={language}",
                        f"--input={pot.name}",
                        f"--output-file={po}",
                    ],
                    check=True,
                )
            text = po.read_text(encoding="utf-8")
            at = text.find(KEPT_SECTION)
            kept = text[at:] if at >= 0 else ""
            if kept:
                po.write_text(text[:at].rstrip("\n") + "\n", encoding="utf-8")
            subprocess.run(
                [*MSGMERGE, str(po), pot.name],
                check=True,
            )
            merged = UNDATED.sub("", po.read_text(encoding="utf-8"), count=2).rstrip("\n")
            po.write_text(f"{merged}\n\n{kept}" if kept else f"{merged}\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.messages")
    parser.add_argument("command", choices=["update", "check", "compile", "stats"])
    command = parser.parse_args(argv).command
    if command == "update":
        update()
    elif command == "compile":
        for language in LANGUAGES:
            compile_catalog(catalog_path(language))
            compile_catalog(votes_catalog_path(language))
    elif command == "stats":
        for language in LANGUAGES:
            entries = [e for e in parse_po(catalog_path(language).read_text()) if e.msgid]
            done = sum(e.is_translated for e in entries)
            print(f"{language}: {done} of {len(entries)} strings translated")
    else:
        wanted, votes = parse_po(extract()), votes_strings()
        found = [line for language in LANGUAGES for line in problems(language, wanted)]
        found += [
            f"votes app: {line}"
            for language in LANGUAGES
            for line in problems(language, votes, votes_catalog_path(language))
        ]
        print(
            "\n".join(found)
            or f"{len(wanted) - 1} member-facing strings and {len(votes)} of the votes app's,"
            " all translated"
        )
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
