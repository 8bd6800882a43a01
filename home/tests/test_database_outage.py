"""A database outage gives readers a translated 503 page with Retry-After, never a 500; the site recovers by
itself when the database answers again (home.views.server_error, templates/503.html)."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.db import InterfaceError, OperationalError, connections
from django.test import Client
from django.utils import translation

from home.models import HomePage
from home.views import OUTAGE_RETRY_AFTER

BASE_DIR = Path(__file__).resolve().parent.parent.parent
HEADING = "Service temporarily unavailable"
TEXT = "The portal cannot reach its data right now. We are on it: please try again in a minute."


def in_polish(message):
    with translation.override("pl"):
        return translation.gettext(message)


@contextmanager
def database_down(error=OperationalError):
    """Every new cursor fails as when PostgreSQL is stopped: Django connects (or checks the connection) first."""
    message = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error(message)):
        yield


@pytest.fixture
def reader():
    """A client that gets the error page, as a browser would, instead of the test re-raising the exception."""
    return Client(raise_request_exception=False)


def check_outage_page(response, language):
    assert response.status_code == 503
    assert response["Retry-After"] == str(OUTAGE_RETRY_AFTER)
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    return soup


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_english_page_during_an_outage(portal, reader, error):
    with database_down(error):
        response = reader.get(portal.en.cluster.url)

    soup = check_outage_page(response, "en")
    assert soup.h1.get_text(strip=True) == HEADING
    assert TEXT in soup.main.get_text()
    assert soup.main.find("a", string="Try again")["href"] == portal.en.cluster.url
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/portal.css"


def test_polish_page_during_an_outage(portal, reader):
    with database_down():
        response = reader.get(portal.pl.cluster.url + "?page=2")

    soup = check_outage_page(response, "pl")
    assert soup.h1.get_text(strip=True) == in_polish(HEADING) != HEADING
    assert in_polish(TEXT) in soup.main.get_text() != TEXT
    assert soup.main.find("a", string=in_polish("Try again"))["href"] == portal.pl.cluster.url + "?page=2"


def test_home_pages_search_and_root_redirect_target(portal, reader):
    with database_down():
        responses = {url: reader.get(url) for url in ("/pl/", "/en/", "/en/search/?q=klaster")}

    assert {url: response.status_code for url, response in responses.items()} == dict.fromkeys(responses, 503)


def test_healthz_answers_503(portal, reader):
    with database_down():
        response = reader.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


def test_other_errors_keep_the_500_page(portal, reader):
    with mock.patch.object(HomePage, "get_context", side_effect=ValueError("a bug")):
        response = reader.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == "Server error"


def test_recovers_when_the_database_answers_again(portal, reader):
    with database_down():
        assert reader.get(portal.en.cluster.url).status_code == 503

    response = reader.get(portal.en.cluster.url)

    assert response.status_code == 200
    assert portal.en.cluster.title in BeautifulSoup(response.content, "html.parser").h1.get_text()
    assert reader.get("/healthz").status_code == 200


def test_a_real_unreachable_database():
    """A real connection failure (nothing listens on port 1), production-like settings, in a fresh interpreter."""
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(raise_request_exception=False)\n"
        "for url in ('/pl/', '/en/'):\n"
        "    r = c.get(url); print(r.status_code, r['Retry-After'], r.content.decode().count('<h1>'))\n"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/unreachable?connect_timeout=2",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["503", str(OUTAGE_RETRY_AFTER), "1"] * 2
