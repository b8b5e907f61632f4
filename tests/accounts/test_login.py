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


def _fail_five_times(username: str) -> None:
    from django.test import Client

    client = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(5):
        response = client.post(reverse("accounts:login"), {"username": username, "password": "no"})
        assert response.status_code == 200


def test_a_locked_account_stays_locked_when_named_by_its_e_mail(cast: Any) -> None:
    from django.test import Client

    _fail_five_times("observer")
    response = Client(REMOTE_ADDR="10.0.0.2").post(
        reverse("accounts:login"),
        {"username": "Observer@Union.example", "password": "correct horse battery"},
    )
    assert response.status_code == 429


def test_a_locked_account_stays_locked_when_named_by_its_user_name(cast: Any) -> None:
    from django.test import Client

    _fail_five_times("observer@union.example")
    response = Client(REMOTE_ADDR="10.0.0.2").post(
        reverse("accounts:login"), {"username": " observer ", "password": "correct horse battery"}
    )
    assert response.status_code == 429


def test_a_name_that_is_no_account_counts_in_any_case(cast: Any) -> None:
    from django.test import Client

    _fail_five_times("Nobody")
    response = Client(REMOTE_ADDR="10.0.0.2").post(
        reverse("accounts:login"), {"username": "nobody", "password": "no"}
    )
    assert response.status_code == 429


def test_another_account_is_not_locked_by_a_neighbours_tries(cast: Any) -> None:
    from django.test import Client

    _fail_five_times("observer")
    response = Client(REMOTE_ADDR="10.0.0.2").post(
        reverse("accounts:login"), {"username": "team", "password": "correct horse battery"}
    )
    assert response.status_code == 302
