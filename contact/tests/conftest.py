"""Helpers for the contact tests: a valid POST (a form token old enough, consent given), sending it with
the on-commit e-mail task run, a privacy notice in both languages, and a mail server that can be down."""

import smtplib

import pytest

from django.core.mail.backends.locmem import EmailBackend

from conftest import publish, translate
from contact import tokens
from contact.models import PrivacyNoticePage


def valid_data(**fields):
    """A complete, valid answer to the conftest portal's form; a field given as None is left out."""
    data = {
        "name": "Anna Nowak",
        "email": "anna@example.org",
        "message": "Dzień dobry",
        "privacy_consent": "on",
        "form_token": tokens.issue(backdate=60),
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """`send(page, data, **extra)`: POST to the page, then run what waits for the commit (the e-mail)."""

    def post(page, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data, **extra)

    return post


@pytest.fixture
def privacy(portal):
    """The privacy notice, live in Polish and English."""
    notice = PrivacyNoticePage(title="Polityka prywatności", slug="polityka-prywatnosci", text="<p>Tekst.</p>")
    portal.pl.home.add_child(instance=notice)
    publish(notice)
    english = translate(notice, portal.en_locale, title="Privacy notice", slug="privacy-notice", text="<p>Text.</p>")
    return {"pl": notice, "en": english}


class FlakyEmailBackend(EmailBackend):
    """The in-memory outbox behind a mail server that is down while `down` is set."""

    down = False

    def send_messages(self, messages):
        if FlakyEmailBackend.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = "contact.tests.conftest.FlakyEmailBackend"
    FlakyEmailBackend.down = False
    yield FlakyEmailBackend
    FlakyEmailBackend.down = False
