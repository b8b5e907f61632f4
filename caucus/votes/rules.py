"""A vote's rule as staff write it: a preset, or the rule file's TOML (docs/votes.md), checked
by the engine (``parse_rules``) field by field, and read back as TOML and in words.

The rule is stored as the engine's plain data (``Vote.rule``); its locals are named by their
union's slug, the key the tally gives each local.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from typing import Any

from caucus.engines.ballots import RuleError, Rules, parse_rules

PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "two_thirds_both": (
        "Two thirds of votes cast in every local, and two thirds coalition-wide",
        {"scope": "both", "default": {"threshold": "2/3"}, "coalition": {"threshold": "2/3"}},
    ),
    "majority_both": (
        "More than half in every local, and more than half coalition-wide",
        {
            "scope": "both",
            "default": {"threshold": "majority"},
            "coalition": {"threshold": "majority"},
        },
    ),
    "majority_coalition": (
        "More than half of all votes cast, coalition-wide",
        {"scope": "coalition", "coalition": {"threshold": "majority"}},
    ),
    "two_thirds_local": (
        "Two thirds of votes cast in every local (each local decides)",
        {"scope": "local", "default": {"threshold": "2/3"}},
    ),
}
DEFAULT_PRESET = "two_thirds_both"


def preset_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _) in PRESETS.items()] + [
        ("custom", "Custom: the rule below")
    ]


def rule_of(preset: str, text: str) -> dict[str, Any]:
    """The rule a form gives: a preset's, or the TOML ``text`` read as a dict (RuleError)."""
    if preset in PRESETS:
        return PRESETS[preset][1]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleError([f"the rule is not TOML: {error}"]) from error


def check_rule(rule: dict[str, Any], local_keys: Iterable[str]) -> Rules:
    """The engine's ``Rules``, refused (RuleError) when a field is wrong or a local's own rule
    names a local the vote does not cover."""
    rules = parse_rules(rule)
    known = set(local_keys)
    unknown = sorted(set(rules.locals) - known)
    if unknown:
        raise RuleError(
            [
                f"locals.{key}: no such local in this vote (its locals: {', '.join(sorted(known))})"
                for key in unknown
            ]
        )
    return rules


def rule_words(rule: dict[str, Any]) -> list[tuple[str, str]]:
    """(who, rule in words) for the pages: every local's default, each local's own, the
    coalition's. Empty when the rule cannot be read."""
    try:
        rules = parse_rules(rule)
    except RuleError:
        return []
    lines = []
    if rules.default is not None:
        lines.append(("Each local", rules.default.words()))
    lines += [(key, own.words()) for key, own in sorted(rules.locals.items())]
    if rules.coalition is not None:
        lines.append(("Coalition-wide", rules.coalition.words()))
    return lines


def preset_for(rule: dict[str, Any]) -> str:
    return next((key for key, (_, data) in PRESETS.items() if data == rule), "custom")


def rule_toml(rule: dict[str, Any]) -> str:
    """The rule as a rule file's TOML (the shape ``parse_rules`` reads)."""
    lines = [f"{key} = {_value(rule[key])}" for key in ("name", "scope") if key in rule]
    for table in ("default", "coalition"):
        if table in rule:
            lines += ["", f"[{table}]", *_fields(rule[table])]
    for key, own in (rule.get("locals") or {}).items():
        lines += ["", f"[locals.{_key(key)}]", *_fields(own)]
    return "\n".join(lines) + "\n"


def _fields(table: dict[str, Any]) -> list[str]:
    return [f"{_key(name)} = {_value(value)}" for name, value in table.items()]


def _key(name: str) -> str:
    bare = name.replace("-", "").replace("_", "").isalnum() and name.isascii()
    return name if bare else _value(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
