"""The ``table`` fixture (builders bound to the test world's negotiation) and the browser
fixtures of tests/browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import browser, page  # noqa: F401 - fixtures for test_browser
from tests.table.builders import Table


@pytest.fixture
def table(world: Any) -> Table:
    return Table(world)
