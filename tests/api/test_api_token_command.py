"""``caucus api_token USER NAME`` prints a working token once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command


def test_the_printed_token_opens_the_api_as_that_user(cast: Any, client: Any) -> None:
    out, err = StringIO(), StringIO()
    call_command("api_token", "team", "sync", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert raw.startswith("cau_")
    assert "shown only this once" in err.getvalue()
    response = client.get("/api/negotiations", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_an_unknown_user_gets_no_token(cast: Any) -> None:
    with pytest.raises(CommandError, match="No user named"):
        call_command("api_token", "nobody", "sync", stdout=StringIO())
