"""The demo's commitments: the hiring promise behind its straight-line path in two regions,
one year's profit-sharing payout under the minimum."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_the_demos_hiring_is_behind_in_two_regions_and_one_years_payout_is_short(db: Any) -> None:
    call_command("demo", "--seed", "7", "--members", "500", stdout=StringIO())
    from caucus.commitments.board import standing
    from caucus.commitments.models import Commitment

    today = timezone.localdate()
    hiring = standing(Commitment.objects.get(kind="cumulative"), today)
    assert sorted(line.label for line in hiring.behind) == ["Southeast", "Texas and the South"]
    assert {m.region for m in hiring.missing} == {"Pacific Northwest", "Northeast"}
    sharing = standing(Commitment.objects.get(kind="profit_sharing"), today)
    short = [r for r in sharing.payouts if r.payout["shortfall"] > 0]
    assert len(short) == 1
    assert short[0].payout["under"] == short[0].payout["workers"] == 500
    assert sharing.state == "missed"
    assert set(Commitment.objects.filter(is_published=True).values_list("kind", flat=True)) == {
        "cumulative",
        "profit_sharing",
    }
