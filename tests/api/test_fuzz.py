"""The API fuzzed from its own OpenAPI schema: whatever a client sends, never a server error.

Schemathesis generates requests (valid and deliberately invalid) for every operation, sent
with a bargaining-team token, which reaches every route, and a communications token, which
takes the other branch of every visibility check. Bounded to a few examples per operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


@pytest.fixture
def keep_the_test_transaction() -> Iterator[None]:
    """Requests go straight to the WSGI handler, not through Django's test client, so they
    would close the connection that holds the test transaction; stop them, as the client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("who", ["team", "comms"])
def test_no_request_makes_the_api_answer_a_server_error(
    case: Any, who: str, tokens: dict[str, str], table: Any, keep_the_test_transaction: None
) -> None:
    if "slug" in case.path_parameters:
        # Aim at the negotiation that exists, so the checks behind the 404 get fuzzed too.
        case.path_parameters["slug"] = table.session.negotiation.slug
    case.call_and_validate(
        headers={"Authorization": f"Bearer {tokens[who]}"}, checks=[not_a_server_error]
    )
