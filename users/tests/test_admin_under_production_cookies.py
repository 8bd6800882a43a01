"""Wagtail's admin works with production's cookies: __Host- names, Secure, and a CSRF cookie that scripts
cannot read (HttpOnly). The admin takes the CSRF token from the page (its forms and wagtailConfig), never from
the cookie: an editor signs in and saves a page with CSRF checks on, over https."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from editorial.tests.admin import edit_url, form_data

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-password-2026"  # noqa: S105
ORIGIN = "https://testserver"


@pytest.fixture
def production_cookies(settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.LANGUAGE_COOKIE_NAME = "__Host-django_language"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    settings.SESSION_COOKIE_HTTPONLY = settings.CSRF_COOKIE_HTTPONLY = settings.LANGUAGE_COOKIE_HTTPONLY = True


def form_token(html):
    return BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


def test_an_editor_signs_in_and_saves_a_page(production_cookies, portal, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    client = Client(enforce_csrf_checks=True, headers={"origin": ORIGIN})

    login = client.get("/admin/login/", secure=True)
    csrf_cookie = login.cookies["__Host-csrftoken"]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"] and csrf_cookie["samesite"] == "Lax"
    assert csrf_cookie["path"] == "/" and not csrf_cookie["domain"]

    refused = client.post("/admin/login/", {"username": "editor", "password": PASSWORD}, secure=True)
    assert refused.status_code == 403  # no token: CSRF protection is really on

    signed_in = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": form_token(login.content.decode())},
        secure=True,
    )
    assert signed_in.status_code == 302, signed_in.content.decode()[:500]
    session_cookie = signed_in.cookies["__Host-sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]

    # The admin's scripts find the token in the page (wagtailConfig), as they must with an HttpOnly cookie.
    cluster = portal.pl.cluster
    editor = client.get(edit_url(cluster), secure=True)
    assert editor.status_code == 200
    config = json.loads(
        re.search(
            r'<script id="wagtail-config" type="application/json">(.*?)</script>', editor.content.decode()
        ).group(1)
    )
    assert config["CSRF_TOKEN"]

    data = form_data(client, edit_url(cluster), title="Klaster Zielonej Energii (zmieniony)")
    data["csrfmiddlewaretoken"] = form_token(editor.content.decode())  # the token in the editor's form
    saved = client.post(edit_url(cluster), data, secure=True)
    assert saved.status_code == 302, saved.content.decode()[:500]
    cluster.refresh_from_db()
    assert cluster.get_latest_revision_as_object().title == "Klaster Zielonej Energii (zmieniony)"

    # An XHR-style request with the token from the page in the header passes too.
    autosave_like = client.post("/admin/login/", headers={"x-csrftoken": config["CSRF_TOKEN"]}, secure=True)
    assert autosave_like.status_code != 403
