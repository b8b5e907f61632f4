"""A strict reader for one table of a terms file: every value checked, every unknown key refused.

Each error names the field by its path (``raises[1].effective``) so a person can find it in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


class TermsError(ValueError):
    """The terms cannot be costed; ``messages`` lists every problem found, each naming its field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class Reader:
    """Reads typed values out of one mapping, recording problems instead of stopping at the first."""

    def __init__(self, data: object, path: str, errors: list[str]) -> None:
        self.path = path
        self.errors = errors
        if isinstance(data, Mapping):
            self.data: Mapping[str, Any] = data
        else:
            self.data = {}
            self.fail("", f"expected a table, got {_describe(data)}")

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, message: str) -> None:
        self.errors.append(f"{self.name(key) if key else self.path or 'terms'}: {message}")

    def refuse_unknown(self, allowed: set[str]) -> None:
        for key in sorted(set(self.data) - allowed):
            self.fail(key, "unknown field")

    def has(self, key: str) -> bool:
        return key in self.data

    def table(self, key: str) -> Reader | None:
        if key not in self.data:
            return None
        return Reader(self.data[key], self.name(key), self.errors)

    def tables(self, key: str) -> list[Reader]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.fail(key, f"expected a list of tables, got {_describe(value)}")
            return []
        return [Reader(item, f"{self.name(key)}[{i}]", self.errors) for i, item in enumerate(value)]

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.data.get(key, default)
        if value is None or isinstance(value, str):
            return value
        self.fail(key, f"expected text, got {_describe(value)}")
        return default

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if isinstance(value, bool):
            return value
        self.fail(key, f"expected true or false, got {_describe(value)}")
        return default

    def number(
        self,
        key: str,
        default: float | None = None,
        *,
        low: float | None = None,
        high: float | None = None,
        required: bool = False,
    ) -> float | None:
        if key not in self.data:
            if required:
                self.fail(key, "is required")
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, f"expected a number, got {_describe(value)}")
            return default
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            self.fail(key, f"{value} is not a finite number")
            return default
        if low is not None and number < low:
            self.fail(key, f"{value} is below {_plain(low)}")
            return default
        if high is not None and number > high:
            self.fail(key, f"{value} is above {_plain(high)}")
            return default
        return number

    def integer(self, key: str, *, low: int, high: int, required: bool = False) -> int | None:
        if key not in self.data:
            if required:
                self.fail(key, "is required")
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected a whole number, got {_describe(value)}")
            return None
        if not low <= value <= high:
            self.fail(key, f"{value} is not between {low} and {high}")
            return None
        return value

    def day(self, key: str, *, required: bool = False) -> date | None:
        if key not in self.data:
            if required:
                self.fail(key, "is required")
            return None
        return parse_day(self.data[key], self.name(key), self.errors)

    def words(self, key: str) -> frozenset[str] | None:
        """A string or a list of strings, as a set; None when absent."""
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, str):
            return frozenset([value])
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return frozenset(value)
        self.fail(key, "expected a name or a non-empty list of names")
        return None


def parse_day(value: object, name: str, errors: list[str]) -> date | None:
    """A date from TOML's date type or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else _not_a_date(value)
        except ValueError:
            pass
        errors.append(f"{name}: {value} is not a date")
        return None
    errors.append(f"{name}: expected a date (YYYY-MM-DD), got {_describe(value)}")
    return None


def _not_a_date(value: str) -> date:
    raise ValueError(value)


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
