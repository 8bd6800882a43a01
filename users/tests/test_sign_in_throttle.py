"""Guessing passwords at the admin sign-in is throttled: the fifth failure for one user name from one address
pauses that pair, with a 429 page in the visitor's language, while others still sign in."""

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktorka", "r@example.org", "the-right-password")


def sign_in(client, password, address="203.0.113.7", username="redaktorka"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="pl",
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_after_the_fifth_failure_even_the_right_password_is_refused(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, "wrong").status_code == 429

    refused = sign_in(client, "the-right-password")

    assert refused.status_code == 429
    assert not signed_in(client)
    assert "Zbyt wiele prób logowania" in refused.content.decode()
    assert "15 minut" in refused.content.decode()


def test_the_pause_holds_only_that_user_name_at_that_address(client, editor, django_user_model, settings):
    django_user_model.objects.create_user("kolega", "k@example.org", "his-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")

    assert sign_in(client, "his-password", username="kolega").status_code == 302
    client.logout()
    assert sign_in(client, "the-right-password", address="198.51.100.2").status_code == 302
    assert signed_in(client)


def test_a_good_sign_in_clears_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "the-right-password").status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "the-right-password").status_code == 302
