"""The employer's money on the member costing page, in the member's language."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from caucus.costing.actions import do_publish
from caucus.costing.employer_money import Gap, big_money, set_against
from tests.costing.helpers import finished_run
from tests.costing.test_employer_money import fact, record_figures

pytestmark = pytest.mark.django_db


def _member_page(cast: Any, world: Any, **headers: str) -> str:
    run = finished_run(cast, world)
    record_figures(world)
    do_publish(cast["team"], run, "")
    url = reverse("costing_site:what_it_means", args=[world.negotiation.slug])
    return str(cast.client(None).get(url, **headers).content.decode())


def test_the_member_page_sets_the_gap_against_the_employers_figures_in_spanish(
    cast: Any, world: Any
) -> None:
    page = _member_page(cast, world, HTTP_ACCEPT_LANGUAGE="es")
    assert "de las ganancias operativas de un año ($45 millones en 2025)" in page
    assert "La diferencia en 3 años" in page


def test_the_member_page_without_a_language_is_english(cast: Any, world: Any) -> None:
    page = _member_page(cast, world)
    assert "of one year&#x27;s operating income ($45 million in 2025)" in page


def test_a_loss_and_an_announced_spending_read_in_vietnamese() -> None:
    gap = Gap("U", "E", 900_000.0, 1, is_same_term=True)
    facts = [fact("net_income", -12e6), fact("spending", 900e6, 2024, "một trụ sở mới")]
    with translation.override("vi"):
        said = [c.sentence for c in set_against(gap, facts)]
        assert big_money(2.5e6) == "$2.5 triệu"
    assert said == [
        "Chủ lao động báo cáo lợi nhuận ròng −$12 triệu năm 2025.",
        "Khoản chênh lệch trong 1 năm, $900,000, bằng 0.10% của khoản $900 triệu đã công bố "
        "cho một trụ sở mới (2024).",
    ]


def test_chinese_counts_large_sums_in_wan_and_yi() -> None:
    with translation.override("zh-hans"):
        assert [big_money(v) for v in (45_000.0, 45e6, 3.2e9)] == [
            "$45,000",
            "4,500万美元",
            "32亿美元",
        ]
