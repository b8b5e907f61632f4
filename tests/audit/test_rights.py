"""The audit routes let in exactly the people tests/audit/rights.py names (the permission
matrix asks the same once it merges that file; this keeps the file honest until then)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.audit.rights import RIGHTS, objects

pytestmark = pytest.mark.django_db

PEOPLE = ["admin", "team", "comms", "officer_a", "officer_b", "organizer_a", "observer"]
PEOPLE += ["outsider", "member_a", None]


@pytest.mark.parametrize("route", sorted(RIGHTS))
def test_audit_route_lets_in_exactly_the_people_it_names(cast: Any, route: str) -> None:
    objects(cast)
    method, allowed, _ = RIGHTS[route]
    assert method == "GET"
    for who in PEOPLE:
        response = cast.client(who).get(reverse(route))
        if who in allowed:
            assert response.status_code == 200, (route, who)
        elif who is None:
            assert response.status_code == 302, route
            assert "login" in response["Location"], route
        else:
            assert response.status_code in (403, 404), (route, who, response.status_code)
