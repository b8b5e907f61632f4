"""The ``table`` fixture: builders bound to the test world's negotiation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.table.builders import Table


@pytest.fixture
def table(world: Any) -> Table:
    return Table(world)
