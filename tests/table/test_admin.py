from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    "negotiation",
    "session",
    "article",
    "package",
    "proposal",
    "proposalevent",
    "tentativeagreement",
    "informationrequest",
    "informationrequestfollowup",
    "charge",
    "chargedocument",
    "directdealingreport",
    "correspondence",
]


@pytest.mark.parametrize("model", MODELS)
def test_every_table_model_has_a_searchable_admin_list(cast: Any, table: Any, model: str) -> None:
    table.proposal(title="Pension plan")
    admin = cast["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = cast.client("admin")
    response = client.get(reverse(f"admin:table_{model}_changelist"), {"q": "pension"})
    assert response.status_code == 200
    if model == "proposal":
        assert "Pension plan" in response.content.decode()


def test_the_admin_refuses_a_user_who_is_not_django_staff(cast: Any) -> None:
    response = cast.client("team").get(reverse("admin:table_proposal_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
