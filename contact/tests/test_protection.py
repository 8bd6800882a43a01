"""Abuse: bots are dropped silently, people get clear answers, and nothing is stored twice or too much.

Every refusal is checked by its status and by what it left behind: stored messages and sent e-mails.
"""

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.cache import cache
from django.test import Client

from contact import tokens
from contact.models import ContactSubmission

from .conftest import valid_data


def forged(token):
    """The token with its signature's last character changed."""
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def stored():
    return ContactSubmission.objects.count()


def is_thank_you(response):
    return response.status_code == 200 and "contact/contact_page_landing.html" in [t.name for t in response.templates]


class TestBotsAreDroppedSilently:
    @pytest.mark.parametrize(
        "changes",
        [
            pytest.param(lambda: {"hp_website": "https://spam.example"}, id="honeypot"),
            pytest.param(lambda: {"form_token": tokens.issue()}, id="too-fast"),
            pytest.param(lambda: {"form_token": None}, id="no-token"),
            pytest.param(lambda: {"form_token": forged(tokens.issue(backdate=60))}, id="forged-token"),
            pytest.param(lambda: {"form_token": "not-a-token"}, id="garbage-token"),
        ],
    )
    def test_the_bot_sees_the_thank_you_page_and_nothing_happens(self, portal, send, changes):
        response = send(portal.en.cluster_contact, valid_data(**changes()))

        assert is_thank_you(response)
        assert stored() == 0
        assert mail.outbox == []

    def test_the_honeypot_is_hidden_from_people_keyboards_and_screen_readers(self, portal, fetch):
        form = fetch(portal.en.cluster_contact.url).find("form", class_="contact-form")
        trap = form.find("input", attrs={"name": "hp_website"})
        wrapper = trap.find_parent(class_="contact-form__trap")

        assert wrapper["aria-hidden"] == "true"
        assert trap["tabindex"] == "-1"
        assert trap["autocomplete"] == "off"
        assert "required" not in trap.attrs
        assert form.find("label", attrs={"for": trap["id"]})  # a label for the rare reader that still sees it

    def test_an_incomplete_form_sent_fast_still_shows_its_errors(self, portal, send):
        """Only a complete message is dropped for speed: a person never reads "sent" for a form with errors."""
        response = send(portal.en.cluster_contact, valid_data(form_token=tokens.issue(), message=""))

        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").find(id="id_message_error")
        assert stored() == 0

    def test_a_minimum_time_of_zero_lets_an_instant_form_through(self, portal, send, settings):
        settings.CONTACT_MIN_SECONDS = 0

        assert is_thank_you(send(portal.en.cluster_contact, valid_data(form_token=tokens.issue())))
        assert stored() == 1


class TestPeopleGetClearAnswers:
    def test_missing_consent_is_a_field_error(self, portal, send):
        response = send(portal.en.cluster_contact, valid_data(privacy_consent=None))

        soup = BeautifulSoup(response.content, "html.parser")
        checkbox = soup.find("input", attrs={"name": "privacy_consent"})
        assert response.status_code == 200
        assert checkbox["aria-invalid"] == "true"
        assert "id_privacy_consent_error" in checkbox["aria-describedby"].split()
        assert "Please agree to the privacy notice" in soup.find(id="id_privacy_consent_error").get_text()
        assert stored() == 0

    def test_an_expired_form_is_shown_again_with_the_answers_and_a_new_token(self, portal, send, settings):
        settings.CONTACT_FORM_MAX_AGE = 30
        old_token = tokens.issue(backdate=31)
        response = send(portal.en.cluster_contact, valid_data(form_token=old_token, message="Keep me"))

        soup = BeautifulSoup(response.content, "html.parser")
        assert response.status_code == 200
        assert "open for a long time" in soup.find(class_="error-summary").get_text()
        assert soup.find("textarea", attrs={"name": "message"}).get_text(strip=True) == "Keep me"
        new_token = soup.find("input", attrs={"name": "form_token"})["value"]
        assert new_token != old_token
        assert tokens.check(new_token)[0] is tokens.Verdict.OK  # at once: the person has filled it in already
        assert stored() == 0

    def test_a_100000_character_message_is_a_field_error(self, portal, send):
        response = send(portal.en.cluster_contact, valid_data(message="a" * 100_000))

        soup = BeautifulSoup(response.content, "html.parser")
        assert response.status_code == 200
        assert "at most 10000 characters" in soup.find(id="id_message_error").get_text()
        assert stored() == 0

    def test_the_message_box_says_how_long_a_message_may_be(self, portal, fetch, settings):
        textarea = fetch(portal.en.cluster_contact.url).find("textarea", attrs={"name": "message"})

        assert textarea["maxlength"] == str(settings.CONTACT_MESSAGE_MAX_LENGTH)

    @pytest.mark.parametrize("size", [1024 * 1024 + 1, 3 * 1024 * 1024])
    def test_an_oversized_body_gets_a_translated_413_before_it_is_read(self, portal, client, size):
        for language, heading in [("en", "Message too long"), ("pl", None)]:
            page = getattr(portal, language).cluster_contact
            response = client.post(page.url, data=b"x" * size, content_type="application/octet-stream")

            soup = BeautifulSoup(response.content, "html.parser")
            assert response.status_code == 413
            assert soup.html["lang"] == language
            if heading:
                assert soup.h1.get_text(strip=True) == heading
        assert stored() == 0

    def test_the_admin_is_not_subject_to_the_public_body_limit(self, db, client, settings):
        settings.CONTACT_MAX_BODY_BYTES = 10
        response = client.post("/admin/login/", {"username": "nobody", "password": "x" * 100})

        assert response.status_code != 413

    def test_a_post_without_csrf_token_is_refused(self, portal):
        client = Client(enforce_csrf_checks=True)
        response = client.post(portal.en.cluster_contact.url, valid_data())

        assert response.status_code == 403
        assert stored() == 0


class TestRateLimit:
    @pytest.fixture(autouse=True)
    def limit(self, settings):
        settings.CONTACT_RATE_LIMIT = "5/600"
        cache.clear()

    def test_the_sixth_message_in_ten_minutes_gets_a_friendly_429(self, portal, send):
        for _ in range(5):
            assert is_thank_you(send(portal.en.cluster_contact, valid_data()))
        response = send(portal.en.cluster_contact, valid_data())

        soup = BeautifulSoup(response.content, "html.parser")
        assert response.status_code == 429
        assert response["Retry-After"] == "600"
        assert soup.h1.get_text(strip=True) == "Too many messages"
        assert "wait 10 minutes" in soup.main.get_text()
        assert soup.html["lang"] == "en"
        assert stored() == 5
        assert len(mail.outbox) == 5

    def test_the_limit_counts_per_client(self, portal, send):
        for _ in range(5):
            send(portal.en.cluster_contact, valid_data())

        assert is_thank_you(send(portal.en.cluster_contact, valid_data(), REMOTE_ADDR="192.0.2.7"))
        assert send(portal.pl.cluster_contact, valid_data()).status_code == 429  # every form, every language

    def test_a_forwarded_header_is_ignored_unless_a_proxy_is_trusted(self, portal, send):
        for number in range(5):
            send(portal.en.cluster_contact, valid_data(), HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")

        response = send(portal.en.cluster_contact, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.99")
        assert response.status_code == 429

    def test_behind_a_trusted_proxy_the_client_is_the_proxys_last_entry(self, portal, send, settings):
        settings.CONTACT_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
        for _ in range(5):
            send(portal.en.cluster_contact, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")

        # The client cannot reset its count by prepending a made-up address.
        spoofed = send(portal.en.cluster_contact, valid_data(), HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1")
        assert spoofed.status_code == 429
        assert is_thank_you(send(portal.en.cluster_contact, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.2"))

    def test_invalid_forms_and_bots_do_not_use_up_the_limit(self, portal, send):
        for _ in range(6):
            send(portal.en.cluster_contact, valid_data(message=""))
            send(portal.en.cluster_contact, valid_data(hp_website="x"))

        assert is_thank_you(send(portal.en.cluster_contact, valid_data()))

    def test_a_cache_that_is_down_lets_messages_through(self, portal, send, monkeypatch):
        monkeypatch.setattr("contact.ratelimit.cache", BrokenCache())

        assert is_thank_you(send(portal.en.cluster_contact, valid_data()))
        assert stored() == 1


class BrokenCache:
    """A cache whose server is unreachable (what Django's RedisCache does when Redis is down)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


class TestDoubleSubmit:
    def test_the_same_form_sent_twice_is_stored_and_mailed_once(self, portal, send):
        data = valid_data()
        first = send(portal.en.cluster_contact, data)
        second = send(portal.en.cluster_contact, data)

        assert is_thank_you(first)
        assert is_thank_you(second)
        assert stored() == 1
        assert len(mail.outbox) == 1

    def test_the_same_token_with_other_answers_is_another_message(self, portal, send):
        """Two people given the same page from a cache must not lose one of their messages."""
        token = tokens.issue(backdate=60)
        send(portal.en.cluster_contact, valid_data(form_token=token, name="Anna"))
        send(portal.en.cluster_contact, valid_data(form_token=token, name="Jan"))

        assert stored() == 2

    def test_the_form_page_is_never_cached(self, portal, client):
        response = client.get(portal.en.cluster_contact.url)

        assert "no-store" in response["Cache-Control"]
