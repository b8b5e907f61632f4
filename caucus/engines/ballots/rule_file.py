"""Reading a rule file (TOML or JSON, format in docs/votes.md) into ``Rules``.

Every field is checked, every unknown field refused, and every problem named by its path
(``locals.local-12.threshold: must be a fraction like "2/3" or "1/2", not "abc"``); all problems
are reported together, and no half-checked rule is ever returned. A local's table names only
what differs from ``default``; the two are merged before the rule as a whole is checked (a
local that sets its own ``threshold`` takes no ``comparison`` or ``tie`` from the default).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from caucus.engines.ballots.rules import (
    BASES,
    SCOPES,
    Quorum,
    Rule,
    RuleError,
    Rules,
    Scope,
    Switch,
)
from caucus.engines.ballots.shares import COMPARISONS, HALF, Comparison, Share, read_fraction

RULE_FIELDS = frozenset(
    {"threshold", "comparison", "of", "tie", "void_counts_for_turnout", "quorum", "switch"}
)
TOP_FIELDS = frozenset({"name", "scope", "default", "locals", "coalition"})
MAJORITY = "majority"
INVALID = object()
FieldReader = Callable[[object, str, list[str]], Any]


def load_rules(path: str | Path) -> Rules:
    """Read and check a ``.toml`` or ``.json`` rule file."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode())
    except (ValueError, UnicodeDecodeError) as error:
        raise RuleError([f"{path.name}: {error}"]) from error
    return parse_rules(data)


def parse_rules(data: object) -> Rules:
    errors: list[str] = []
    top = _table(data, "rules", errors)
    _refuse_unknown(top, TOP_FIELDS, "", errors)
    name = top.get("name", "")
    if not isinstance(name, str):
        errors.append("name: expected text")
        name = ""
    scope = _scope(top.get("scope"), errors)
    local_tables = {"default", "locals"} & set(top)
    if scope == "coalition" and local_tables:
        for key in sorted(local_tables):
            errors.append(f'{key}: scope "coalition" decides all locals as one; remove it')
    default, overrides = (None, {}) if scope == "coalition" else _local_rules(top, errors)
    coalition = None
    if scope in ("coalition", "both"):
        if "coalition" in top:
            coalition = _rule(_fields(top["coalition"], "coalition", errors), "coalition", errors)
        else:
            errors.append(f'coalition: is required when scope is "{scope}"')
    elif "coalition" in top and scope == "local":
        errors.append('coalition: scope "local" has no coalition-wide rule; remove it')
    if errors or scope is None:
        raise RuleError(errors)
    return Rules(scope=scope, default=default, locals=overrides, coalition=coalition, name=name)


def _scope(value: object, errors: list[str]) -> Scope | None:
    for scope in SCOPES:
        if value == scope:
            return scope
    if value is None:
        errors.append(f"scope: is required: one of {_choices(SCOPES)}")
    else:
        errors.append(f"scope: must be one of {_choices(SCOPES)}, not {_shown(value)}")
    return None


def _local_rules(top: Mapping[str, Any], errors: list[str]) -> tuple[Rule | None, dict[str, Rule]]:
    if "default" not in top:
        errors.append("default: is required: the rule every local decides by")
        return None, {}
    base = _fields(top["default"], "default", errors)
    default = _rule(base, "default", errors)
    overrides: dict[str, Rule] = {}
    for key, table in _table(top.get("locals", {}), "locals", errors).items():
        path = f"locals.{key}"
        if not key.strip():
            errors.append(f"{path}: a local's key cannot be blank")
            continue
        own = _fields(table, path, errors)
        # comparison and tie qualify a threshold: a local's own threshold starts them afresh
        drop = {"comparison", "tie"} if "threshold" in own else set()
        merged = {k: v for k, v in base.items() if k not in drop} | own
        rule = _rule(merged, path, errors)
        if rule is not None:
            overrides[key] = rule
    return default, overrides


def _fields(data: object, path: str, errors: list[str]) -> dict[str, Any]:
    """The rule fields present in one table, each checked on its own."""
    table = _table(data, path, errors)
    _refuse_unknown(table, RULE_FIELDS, path, errors)
    out: dict[str, Any] = {}
    for key, read in _READERS.items():
        if key in table:
            try:
                out[key] = read(table[key], f"{path}.{key}", errors)
            except ValueError as problem:
                errors.append(f"{path}.{key}: {problem}")
                out[key] = INVALID
    return out


def _rule(fields: Mapping[str, Any], path: str, errors: list[str]) -> Rule | None:
    """The rule the fields make, after the checks that take two fields at once."""
    if "threshold" not in fields:
        errors.append(f"{path}.threshold: is required")
        return None
    if INVALID in fields.values():
        return None  # already reported; checks across fields would only repeat it
    threshold = _threshold(fields["threshold"], fields.get("comparison"), path, errors)
    if threshold is None:
        return None
    of = fields.get("of", "votes_cast")
    tie_passes = fields.get("tie", "fails") == "passes"
    switch = fields.get("switch")
    if tie_passes and (of != "votes_cast" or threshold.fraction > HALF):
        errors.append(
            f'{path}.tie: "passes" needs a threshold of at most half of votes cast; '
            f"a tie cannot reach {threshold.words()} of {of.replace('_', ' ')}"
        )
        return None
    at_half = of == "votes_cast" and threshold.fraction == HALF
    if at_half and fields.get("comparison") == "at_least" and "tie" not in fields:
        errors.append(
            f"{path}.comparison: at least half of votes cast takes in a tie, and ties fail "
            'unless the rule says tie = "passes"; say so, or write threshold = "majority"'
        )
        return None
    return Rule(
        threshold=threshold,
        of=of,
        tie_passes=tie_passes,
        void_counts_for_turnout=fields.get("void_counts_for_turnout", False),
        quorum=fields.get("quorum"),
        switch=switch or None,
    )


def _threshold(
    value: Fraction | str, comparison: Comparison | None, path: str, errors: list[str]
) -> Share | None:
    if isinstance(value, str):  # "majority", the only word a threshold can be
        if comparison == "at_least":
            errors.append(
                f'{path}.comparison: "majority" means more than half; '
                'for at least half write threshold = "1/2" with comparison = "at_least"'
            )
            return None
        return Share(HALF, "more_than")
    share = Share(value, comparison or "at_least")
    if share.comparison == "more_than" and value == 1:
        errors.append(f"{path}.comparison: more than 100% can never be reached")
        return None
    return share


def _read_threshold(value: object, path: str, errors: list[str]) -> Fraction | str:
    return MAJORITY if value == MAJORITY else _between(read_fraction(value))


def _read_choice(choices: tuple[str, ...]) -> FieldReader:
    def read(value: object, path: str, errors: list[str]) -> str:
        return _choice(value, choices)

    return read


def _comparison(value: object) -> Comparison:
    for comparison in COMPARISONS:
        if value == comparison:
            return comparison
    raise ValueError(f"must be one of {_choices(COMPARISONS)}, not {_shown(value)}")


def _choice(value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"must be one of {_choices(choices)}, not {_shown(value)}")
    return value


def _read_bool(value: object, path: str, errors: list[str]) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {_shown(value)}")
    return value


def _read_quorum(value: object, path: str, errors: list[str]) -> Quorum | None:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f"a number of voters cannot be negative, not {value}")
        return Quorum(voters=value) if value else None
    try:
        share = read_fraction(value)
    except ValueError:
        raise ValueError(
            f'must be a fraction of eligible like "1/2", or a number of voters like 200, '
            f"not {_shown(value)}"
        ) from None
    return Quorum(share=_between(share))


def _read_switch(value: object, path: str, errors: list[str]) -> Switch | bool:
    if value is False:
        return False
    table = _table(value, path, errors)
    _refuse_unknown(table, {"turnout", "below"}, path, errors)
    turnout = below = None
    if "turnout" not in table:
        errors.append(f"{path}.turnout: is required")
    else:
        try:
            turnout = _between(read_fraction(table["turnout"]))
        except ValueError as problem:
            errors.append(f"{path}.turnout: {problem}")
    if "below" not in table:
        errors.append(f"{path}.below: is required")
    else:
        below = _read_below(table["below"], f"{path}.below", errors)
    if turnout is None or below is None:
        return False
    return Switch(turnout=turnout, below=below[0], below_rejects=below[1])


BELOW_FIELDS = {"reject_at_least", "reject_more_than", "threshold", "comparison"}


def _read_below(value: object, path: str, errors: list[str]) -> tuple[Share, bool] | None:
    """Below the switch: ``reject_at_least``/``reject_more_than`` (a share of no votes that
    rejects), or ``threshold`` with an optional ``comparison`` (a share of yes votes to pass)."""
    table = _table(value, path, errors)
    _refuse_unknown(table, BELOW_FIELDS, path, errors)
    given = [k for k in ("reject_at_least", "reject_more_than", "threshold") if k in table]
    if len(given) != 1:
        what = "none" if not given else " and ".join(given)
        errors.append(
            f"{path}: give one of reject_at_least, reject_more_than or threshold, not {what}"
        )
        return None
    key = given[0]
    if key != "threshold" and "comparison" in table:
        errors.append(f"{path}.comparison: goes with threshold, not with {key}")
        return None
    field = key
    try:
        if key != "threshold":
            fraction = _between(read_fraction(table[key]))
            return Share(fraction, "at_least" if key == "reject_at_least" else "more_than"), True
        raw = _read_threshold(table[key], path, errors)
        field = "comparison"
        comparison = _comparison(table["comparison"]) if "comparison" in table else None
    except ValueError as problem:
        errors.append(f"{path}.{field}: {problem}")
        return None
    share = _threshold(raw, comparison, path, errors)
    return (share, False) if share else None


def _between(fraction: Fraction) -> Fraction:
    if not 0 < fraction <= 1:
        raise ValueError(f"must be more than 0 and at most 1, not {fraction}")
    return fraction


_READERS: dict[str, FieldReader] = {
    "threshold": _read_threshold,
    "comparison": lambda value, path, errors: _comparison(value),
    "of": _read_choice(BASES),
    "tie": _read_choice(("fails", "passes")),
    "void_counts_for_turnout": _read_bool,
    "quorum": _read_quorum,
    "switch": _read_switch,
}


def _table(data: object, path: str, errors: list[str]) -> Mapping[str, Any]:
    if isinstance(data, Mapping):
        return data
    errors.append(f"{path}: expected a table, not {_shown(data)}")
    return {}


def _refuse_unknown(
    table: Mapping[str, Any], allowed: set[str] | frozenset[str], path: str, errors: list[str]
) -> None:
    for key in sorted(set(table) - allowed):
        errors.append(f"{path}.{key}: unknown field" if path else f"{key}: unknown field")


def _choices(choices: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in choices)


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)
