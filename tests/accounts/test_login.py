from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_staff_sign_in_asks_for_the_second_factor(cast: Any) -> None:
    from django.test import Client

    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "team", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_wrong_password_is_refused_with_a_message(cast: Any) -> None:
    from django.test import Client

    response = Client().post(reverse("accounts:login"), {"username": "team", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()


def test_sixth_login_attempt_in_a_minute_is_paused(cast: Any) -> None:
    from django.test import Client

    client = Client()
    for _ in range(5):
        assert (
            client.post(
                reverse("accounts:login"), {"username": "team", "password": "nope"}
            ).status_code
            == 200
        )
    response = client.post(
        reverse("accounts:login"), {"username": "team", "password": "correct horse battery"}
    )
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()
