"""The commitments tracker in the JSON API: the standing its pages show."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from caucus.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def _get(cast: Any, who: str, path: str) -> Any:
    _, raw = ApiToken.issue(cast[who], "test")
    return Client().get(
        f"/api/negotiations/national-2026/{path}", headers={"Authorization": f"Bearer {raw}"}
    )


def test_a_commitment_gives_each_regions_line_and_the_figures_missing(
    hiring: Any, cast: Any
) -> None:
    body = _get(cast, "observer", f"commitments/{hiring.commitment.pk}").json()
    assert body["standing"] == "behind"
    lines = {line["region"]: line for line in body["lines"]}
    assert (lines["North"]["standing"], lines["North"]["employer"]) == ("behind", 900.0)
    assert (lines["South"]["standing"], lines["South"]["employer"]) == ("on_track", 1600.0)
    assert body["missing"] == [
        {
            "period_end": hiring.ends[3].isoformat(),
            "region": "North",
            "days_late": body["missing"][0]["days_late"],
        }
    ]
    assert len(body["figures"]) == 7


def test_the_list_gives_every_commitment_and_where_it_stands(hiring: Any, cast: Any) -> None:
    body = _get(cast, "comms", "commitments").json()
    assert [(c["title"], c["standing"]) for c in body["items"]] == [
        ("10,000 new hires into coalition positions", "behind")
    ]
    assert _get(cast, "organizer_a", "commitments").status_code == 403
